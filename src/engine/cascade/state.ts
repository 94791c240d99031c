import { Dec, ONE, ZERO } from '../decimal';
import { isLinear, pnlAt, type PreparedRow } from '../rows';
import type { PreparedUnit } from '../units';
import type { CascadeBook } from './book';
import { toFloat } from './float';
import type { ScreenState } from './screen';

/** Lot precision of every forced quantity: 1e-8 of a unit (a satoshi), rounded towards closing more. */
export const QTY_DP = 8;

/**
 * One cascade run's mutable state over an immutable book. What changes is kept in arrays: the
 * size of every row (`q`, decimal) and the wallet of every unit (`base`, decimal), with their
 * float copies in `screen`. A unit as the decimal engine wants it (PreparedUnit) is built only when
 * asked for (unitAt) and only for units that changed: most liquidated units are still the book's.
 */
export interface RunState {
  book: CascadeBook;
  /** the size of each row now (global row index) */
  q: Dec[];
  /** each unit's wallet now */
  base: Dec[];
  /** 1: `units[u]` is older than q / base */
  stale: Uint8Array;
  /** 1: screen.base[u] is older than base[u]; such units are listed in floatQueue */
  floatStale: Uint8Array;
  floatQueue: number[];
  /** the units as they stand: unitAt(u) during the run; every one after settleUnits at its end */
  units: PreparedUnit[];
  /** units with nothing left to liquidate */
  closed: Uint8Array;
  screen: ScreenState;
  /** price ratio to today's marks per underlying (exact, RATIO_DP decimals) */
  ratio: Dec[];
  /** d equity / d ratio per underlying over the open rows */
  exposure: Dec[];
  fund: Dec;
  /** the round's fill ratio per underlying (set by setFills) */
  fill: Dec[];
  prices: GroupPrices;
  /**
   * Per price group, this round's forced sizes (delta * cs, spot: delta), summed: what the round's
   * closes send to the market (`sold`) and what ADL closes off the market (`adl`). The round's flow,
   * impact cost and exposure change are one product per group of these sums, not one per close:
   * the same numbers, exactly, since every product stays within the 40 digits (docs/cascade.md).
   */
  sold: Dec[];
  adl: Dec[];
  /** the groups with a sum this round, each once (`touched[g] === 1`) */
  touchedGroups: number[];
  touched: Uint8Array;
}

/**
 * Per price group (book.groups), the round's mark, fill price and mark - fill, each computed once
 * when first asked for: valid while the group's stamp equals the epoch (bumped by setRatio / setFills).
 */
interface GroupPrices {
  markEpoch: number;
  fillEpoch: number;
  markStamp: Int32Array;
  fillStamp: Int32Array;
  mark: Dec[];
  fill: Dec[];
  slip: Dec[];
}

export function newRunState(book: CascadeBook, ratio: Dec[], screen: ScreenState, fund: Dec): RunState {
  return {
    book,
    q: book.startQ.slice(),
    base: book.startBase.slice(),
    stale: new Uint8Array(book.units.length),
    floatStale: new Uint8Array(book.units.length),
    floatQueue: [],
    units: book.units.slice(),
    closed: new Uint8Array(book.units.length),
    screen,
    ratio,
    exposure: book.exposure.slice(),
    fund,
    fill: ratio.slice(),
    prices: {
      markEpoch: 1,
      fillEpoch: 1,
      markStamp: new Int32Array(book.groups.length),
      fillStamp: new Int32Array(book.groups.length),
      mark: new Array<Dec>(book.groups.length),
      fill: new Array<Dec>(book.groups.length),
      slip: new Array<Dec>(book.groups.length),
    },
    sold: book.groups.map(() => ZERO),
    adl: book.groups.map(() => ZERO),
    touchedGroups: [],
    touched: new Uint8Array(book.groups.length),
  };
}

/** Adds a forced size of global row r to its group's sum for the round (`sold` or `adl`). */
export function addForced(state: RunState, which: 'sold' | 'adl', r: number, size: Dec): void {
  const g = state.book.rowGroup[r]!;
  const sums = state[which];
  sums[g] = sums[g] === ZERO ? size : sums[g]!.plus(size);
  if (!state.touched[g]) {
    state.touched[g] = 1;
    state.touchedGroups.push(g);
  }
}

/** The round's sums per group, then cleared for the next round. */
export function takeForced(state: RunState): Array<{ g: number; sold: Dec; adl: Dec }> {
  const out = state.touchedGroups.map((g) => ({ g, sold: state.sold[g]!, adl: state.adl[g]! }));
  for (const g of state.touchedGroups) {
    state.sold[g] = ZERO;
    state.adl[g] = ZERO;
    state.touched[g] = 0;
  }
  state.touchedGroups.length = 0;
  return out;
}

/** A new price ratio for underlying k (exact); every mark is worked out again when next asked for. */
export function setRatio(state: RunState, k: number, ratio: Dec): void {
  state.ratio[k] = ratio;
  state.screen.ratio[k] = ratio.toNumber();
  state.prices.markEpoch++;
  state.prices.fillEpoch++;
}

/** The round's fill ratios per underlying. */
export function setFills(state: RunState, fill: Dec[]): void {
  state.fill = fill;
  state.prices.fillEpoch++;
}

/** The round's mark of global row r. */
export function markNow(state: RunState, r: number): Dec {
  return groupMark(state, state.book.rowGroup[r]!);
}

/** The round's mark of price group g. */
export function groupMark(state: RunState, g: number): Dec {
  const p = state.prices;
  if (p.markStamp[g] !== p.markEpoch) {
    const group = state.book.groups[g]!;
    const mark = group.mark.times(state.ratio[group.underlying]!);
    // a mark of exactly 1 (stable quote) is the ONE object: rowMoney then skips a product
    p.mark[g] = mark.eq(ONE) ? ONE : mark;
    p.markStamp[g] = p.markEpoch;
  }
  return p.mark[g]!;
}

/** The round's fill price of price group g; `slipOf` then holds mark - fill (what a unit of size loses to impact). */
export function groupFill(state: RunState, g: number): Dec {
  const p = state.prices;
  if (p.fillStamp[g] !== p.fillEpoch) {
    const group = state.book.groups[g]!;
    p.fill[g] = group.mark.times(state.fill[group.underlying]!);
    p.slip[g] = groupMark(state, g).minus(p.fill[g]!);
    p.fillStamp[g] = p.fillEpoch;
  }
  return p.fill[g]!;
}

/** mark - fill of group g this round (after groupFill). */
export function slipOf(state: RunState, g: number): Dec {
  return state.prices.slip[g]!;
}

/** delta * cs (spot: delta): a size of row r in the underlying. */
export function sizeOf(state: RunState, r: number, delta: Dec): Dec {
  const cs = state.book.groups[state.book.rowGroup[r]!]!.cs;
  return cs ? delta.times(cs) : delta;
}

/** Unit u as it stands (rows resized, wallet updated), for the decimal engine's own functions. */
export function unitAt(state: RunState, u: number): PreparedUnit {
  if (!state.stale[u]) return state.units[u]!;
  const unit = state.book.units[u]!;
  const start = state.book.rowStart[u]!;
  const rows = unit.rows.map((row, i) => {
    const q = state.q[start + i]!;
    return q === row.q ? row : resized(row, q);
  });
  const now = { ...unit, rows, baseBalance: state.base[u]! };
  state.units[u] = now;
  state.stale[u] = 0;
  return now;
}

/** Brings every unit up to date after a run and returns them (runs do not: the worker needs only the result). */
export function settleUnits(state: RunState): PreparedUnit[] {
  for (let u = 0; u < state.stale.length; u++) if (state.stale[u]) unitAt(state, u);
  return state.units;
}

export function marksOf(state: RunState, u: number): Dec[] {
  const start = state.book.rowStart[u]!;
  return state.book.units[u]!.rows.map((_, i) => markNow(state, start + i));
}

/**
 * What a row of size q is worth to its unit at `mark`, as money: perps and futures their PnL
 * (pnlAt), spot at full value (a haircut or a liquidation threshold is a margin rule, not money; a
 * debt counts negative), options held at their mark (their value in a cross unit, their PnL in an
 * isolated one, as rowFigures counts an option's balance).
 */
function rowMoney(row: PreparedRow, q: Dec, mark: Dec, isolated: boolean): Dec {
  if (q.isZero()) return ZERO;
  switch (row.src.type) {
    case 'spot':
      return mark === ONE ? q : q.times(mark);
    case 'option':
      if (!isolated) return q.times(row.cs).times(mark);
      return row.entry ? q.times(row.cs).times(mark.minus(row.entry)) : ZERO;
    default:
      if (!row.entry) return ZERO;
      return row.inverse ? pnlAt(resized(row, q), mark) : q.times(row.cs).times(mark.minus(row.entry));
  }
}

/** A unit's money at the given marks: its wallet and every row's money (rowMoney). */
export function equityOf(unit: PreparedUnit, marks: readonly Dec[]): Dec {
  let equity = unit.baseBalance;
  unit.rows.forEach((row, i) => (equity = equity.plus(rowMoney(row, row.q, marks[i] ?? row.mark, unit.mode === 'isolated'))));
  return equity;
}

/** equityOf for unit u as it stands, without building it. */
export function equityNow(state: RunState, u: number, marks: readonly Dec[]): Dec {
  const start = state.book.rowStart[u]!;
  const isolated = state.book.isolated[u] === 1;
  let equity = state.base[u]!;
  state.book.units[u]!.rows.forEach((row, i) => {
    const q = state.q[start + i]!;
    if (!q.isZero()) equity = equity.plus(rowMoney(row, q, marks[i]!, isolated));
  });
  return equity;
}

/** The PnL of `delta` of a perp or future at `mark` (pnlAt of that part). */
export function partPnl(row: PreparedRow, delta: Dec, mark: Dec): Dec {
  if (!row.entry) return ZERO;
  return row.inverse ? pnlAt(resized(row, delta), mark) : delta.times(row.cs).times(mark.minus(row.entry));
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
 * d equity / d ratio that a row loses when `today` of it (size * today's mark, signed) is closed:
 * slopePerSize * mark * delta. It is `today` itself for spot and for perps and futures with an
 * entry (slope cs or 1); the round takes those off the exposure at once, as its flow (run.ts).
 * This is what differs from `today`: the rest for an inverse contract, all of it without an entry.
 */
export function exposureBeyondFlow(row: PreparedRow, today: Dec): Dec {
  if (row.src.type === 'spot' || row.src.type === 'option') return ZERO;
  if (!isLinear(row) || !row.entry) return today.neg();
  return row.inverse ? today.div(row.entry).minus(today) : ZERO;
}

/**
 * Closes `c` (a part of row c.i of unit u, same sign as the row's size) at the round's fill:
 * the wallet receives the closed part's PnL (perps) or its cash value (spot) at the mark, less the
 * slippage size * (mark - fill); written at once as size * (fill - entry) (spot: size * fill), the
 * same number. The unit's equity falls by exactly that slippage. The round books the slippage of
 * all its closes at once, per price group (run.ts): this returns it as a float64 for display only.
 * The caller has added c.size to the group's `sold` sum, which the round takes off the exposure
 * (exposureBeyondFlow is the rest).
 */
export function closeAt(state: RunState, u: number, c: { i: number; delta: Dec; size: Dec }): number {
  const row = state.book.units[u]!.rows[c.i]!;
  const r = state.book.rowStart[u]! + c.i;
  const g = state.book.rowGroup[r]!;
  const fill = groupFill(state, g);
  const slip = slipOf(state, g);
  let received: Dec;
  let gone = ZERO;
  if (row.src.type === 'spot') received = c.size.times(fill);
  else if (isLinear(row) && row.entry && !row.inverse) received = c.size.times(fill.minus(row.entry));
  else {
    const slippage = c.size.times(slip);
    received = isLinear(row) && row.inverse && row.entry ? partPnl(row, c.delta, markNow(state, r)).minus(slippage) : slippage.neg();
    gone = exposureBeyondFlow(row, c.size.times(row.mark));
  }
  const q = state.q[r]!;
  resize(state, u, c.i, c.delta === q ? ZERO : q.minus(c.delta), gone);
  setBase(state, u, state.base[u]!.plus(received));
  return toFloat(c.size) * toFloat(slip);
}

/**
 * Sets row i of unit u to size q, which removes `exposureGone` from its underlying's exposure;
 * keeps the float copy for the screen in step (the book's own arrays stay as they were).
 */
export function resize(state: RunState, u: number, i: number, q: Dec, exposureGone: Dec): void {
  const r = state.book.rowStart[u]! + i;
  const k = state.book.rowUnderlying[r]!;
  if (!exposureGone.isZero()) state.exposure[k] = state.exposure[k]!.minus(exposureGone);
  state.q[r] = q;
  state.stale[u] = 1;
  state.screen.force[u] = 1;
  state.screen.qcs[r] = q.isZero() ? 0 : toFloat(sizeOf(state, r, q));
}

export function setBase(state: RunState, u: number, base: Dec): void {
  state.base[u] = base;
  state.stale[u] = 1;
  state.screen.force[u] = 1;
  // the float copy waits for the next screen (syncFloats): a unit's wallet changes several times a round
  if (!state.floatStale[u]) {
    state.floatStale[u] = 1;
    state.floatQueue.push(u);
  }
}

/** Brings the screen's float wallets up to date. */
export function syncFloats(state: RunState): void {
  for (const u of state.floatQueue) {
    state.screen.base[u] = toFloat(state.base[u]!);
    state.floatStale[u] = 0;
  }
  state.floatQueue.length = 0;
}
