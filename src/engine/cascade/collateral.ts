import { Dec, ZERO } from '../decimal';
import { isAboveZero } from './float';
import { partPnl, toLot, type RunState } from './state';

/**
 * Spot collateral sold when a margin venue liquidates a cross unit (docs/cascade.md, "Spot
 * collateral"). Binance's Multi-Assets Mode (FAQ "Frequently Asked Questions on Multi-Assets
 * Mode", question 1): Auto-Exchange happens "in case of liquidation, if the BUSD or USDT balance in
 * the USDⓈ-M Futures Wallet is insufficient to cover the deficit". So after the venue's closes, at
 * the round's marks, the unit's stable balance is
 *
 *   S = wallet + stable spot rows (q * mark; a stable debt counts negative) + PnL of the closes,
 *
 * and when `S - fee` is negative, non-stable spot collateral worth `fee - S` at the round's marks is
 * sold, pro rata over the collateral rows by value (all of it when it is worth less), quantities
 * rounded up to the lot. The sale is a forced sale like any close: it joins the round's flow on its
 * underlying, moves that price and fills at the round's fill; the unit bears its slippage.
 */
export interface Sale {
  /** row index within the unit */
  i: number;
  /** quantity sold, > 0 */
  delta: Dec;
}

export function collateralSale(state: RunState, u: number, marks: readonly Dec[], closes: ReadonlyArray<{ i: number; delta: Dec }>, fee: Dec): Sale[] {
  const { book } = state;
  const unit = book.units[u]!;
  const start = book.rowStart[u]!;
  let stable = state.base[u]!;
  let total = ZERO;
  const held: Array<{ i: number; q: Dec }> = [];
  unit.rows.forEach((row, i) => {
    if (row.src.type !== 'spot') return;
    const q = state.q[start + i]!;
    if (q.isZero()) return;
    if (row.stable) stable = stable.plus(q.times(marks[i]!));
    else if (isAboveZero(q)) {
      held.push({ i, q });
      total = total.plus(q.times(marks[i]!));
    }
  });
  if (held.length === 0 || !isAboveZero(total)) return [];
  for (const c of closes) stable = stable.plus(partPnl(unit.rows[c.i]!, c.delta, marks[c.i]!));
  const shortfall = fee.minus(stable);
  if (!isAboveZero(shortfall)) return [];
  if (shortfall.gte(total)) return held.map(({ i, q }) => ({ i, delta: q }));
  return held.map(({ i, q }) => ({ i, delta: toLot(q.times(shortfall).div(total), q) }));
}
