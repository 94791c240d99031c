import { rowFigures, type PreparedUnit } from '../units';
import type { PreparedRow } from '../rows';

/**
 * The one place where a row that is not linear in its underlying gets its contribution to the
 * margin balance at a price ratio x (the underlying at x × today's price). Options are held at
 * their mark today, as evaluatePortfolio does; when option repricing lands, this function prices
 * them and every risk figure (Monte Carlo, historical, stress presets) follows.
 *
 * Returns float64: it runs once per path step (statistics, not money).
 */
export function heldBalanceAt(unit: PreparedUnit, row: PreparedRow, ratio: number): number {
  void ratio; // held at mark until options are priced
  return rowFigures(unit, row, row.mark).balance.toNumber();
}

/** Whether a row is held (not linear in its underlying) in the exposure model. */
export function isHeldRow(row: PreparedRow): boolean {
  return row.src.type === 'option';
}

export const HELD_NOTE = 'options are held at their mark in stress tests and VaR until option repricing lands';
