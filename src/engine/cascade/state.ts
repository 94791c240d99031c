import { Dec, ZERO } from '../decimal';
import { isLinear, pnlAt, type PreparedRow } from '../rows';
import { rowFigures, type PreparedUnit } from '../units';
import { equitySlope, type CascadeBook } from './book';
import type { ScreenState } from './screen';

/** Lot precision of every forced quantity: 1e-8 of a unit (a satoshi), rounded towards closing more. */
export const QTY_DP = 8;

/**
 * One cascade run's mutable state over an immutable book: units are replaced, never changed
 * (copy-on-write), so a book serves many runs.
 */
export interface RunState {
  book: CascadeBook;
  units: PreparedUnit[];
  /** units with nothing left to liquidate */
  closed: Uint8Array;
  screen: ScreenState;
  /** price ratio to today's marks per underlying (exact, RATIO_DP decimals) */
  ratio: Dec[];
  /** d equity / d ratio per underlying over the open rows */
  exposure: Dec[];
  fund: Dec;
}

export function marksOf(state: RunState, u: number): Dec[] {
  const start = state.book.rowStart[u]!;
  return state.units[u]!.rows.map((row, i) => row.mark.times(state.ratio[state.book.rowUnderlying[start + i]!]!));
}

/**
 * A unit's money at the given marks: its wallet (baseBalance) + every row's balance as rowFigures
 * counts it, except that spot rows count at full value (a haircut or a liquidation threshold is a
 * margin rule, not money) and a lending debt counts as minus its value.
 */
export function equityOf(unit: PreparedUnit, marks: readonly Dec[]): Dec {
  let equity = unit.baseBalance;
  unit.rows.forEach((row, i) => {
    const mark = marks[i] ?? row.mark;
    equity = equity.plus(row.src.type === 'spot' ? row.q.times(mark) : rowFigures(unit, row, mark).balance);
  });
  return equity;
}

/** Rounds a signed quantity away from zero to the lot, never past the whole `q`. */
export function toLot(part: Dec, q: Dec): Dec {
  const rounded = part.toDecimalPlaces(QTY_DP, Dec.ROUND_UP);
  return rounded.abs().gt(q.abs()) ? q : rounded;
}

export function resized(row: PreparedRow, q: Dec): PreparedRow {
  return { ...row, q, absQ: q.abs() };
}

/**
 * Closes `delta` (same sign as q) of row i at `fill` (the execution price) against `mark`:
 * the wallet receives the closed part's PnL (perps) or its cash value (spot) at the mark, less the
 * slippage delta * k * (mark - fill), which is returned (k = contract size; spot 1). The unit's
 * equity falls by exactly that slippage.
 */
export function closeAt(state: RunState, u: number, i: number, delta: Dec, mark: Dec, fill: Dec): Dec {
  const unit = state.units[u]!;
  const row = unit.rows[i]!;
  const k = row.src.type === 'spot' ? new Dec(1) : row.cs;
  const slippage = delta.times(k).times(mark.minus(fill));
  const part = resized(row, delta);
  const atMark = row.src.type === 'spot' ? delta.times(mark) : isLinear(row) ? pnlAt(part, mark) : ZERO;
  replaceRow(state, u, i, row.q.minus(delta), unit.baseBalance.plus(atMark).minus(slippage));
  return slippage;
}

/** Sets row i of unit u to size q and the wallet to base, keeping exposure and the float copy in step. */
export function replaceRow(state: RunState, u: number, i: number, q: Dec, base: Dec): void {
  const unit = state.units[u]!;
  const row = unit.rows[i]!;
  const r = state.book.rowStart[u]! + i;
  const k = state.book.rowUnderlying[r]!;
  const next = resized(row, q);
  state.exposure[k] = state.exposure[k]!.minus(equitySlope(row).times(row.mark)).plus(equitySlope(next).times(row.mark));
  const rows = unit.rows.slice();
  rows[i] = next;
  state.units[u] = { ...unit, rows, baseBalance: base };
  // the float copy for the screen; the book's own arrays stay as they were
  state.screen.qcs[r] = (row.src.type === 'spot' ? q : q.times(row.cs)).toNumber();
  state.screen.base[u] = base.toNumber();
}

export function setBase(state: RunState, u: number, base: Dec): void {
  state.units[u] = { ...state.units[u]!, baseBalance: base };
  state.screen.base[u] = base.toNumber();
}
