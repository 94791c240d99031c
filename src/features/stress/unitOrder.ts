import type { UnitColumns } from '../../engine/risk/types';

/**
 * The order the VaR table shows units in: riskiest first (most paths liquidated, then most paths
 * margin-called, then the largest ES at the first confidence), ties in the book's order; or the
 * book's order itself (by account).
 */
export type UnitOrder = 'risk' | 'book';

export function orderUnits(units: UnitColumns, order: UnitOrder): Int32Array {
  const n = units.marginBalance.length;
  const out = Int32Array.from({ length: n }, (_, i) => i);
  if (order === 'book') return out;
  const levels = units.confidences.length;
  const { liquidations, marginCalls, es } = units;
  // Int32Array sort is not stable: the index breaks ties, so equal units keep the book's order
  out.sort((a, b) => liquidations[b]! - liquidations[a]! || marginCalls[b]! - marginCalls[a]! || es[b * levels]! - es[a * levels]! || a - b);
  return out;
}
