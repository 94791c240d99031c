import { Dec, ONE, ZERO } from '../decimal';
import { isLinear, pnlAt, type PreparedRow } from '../rows';
import type { PreparedUnit } from '../units';
import { slopePerSize, type CascadeBook } from './book';
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
  /** the units as they stand; up to date for every unit once the run has ended (during it: unitAt) */
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

export function newRunState(book: CascadeBook, ratio: Dec[], screen: ScreenState, fund: Dec): RunState {
  const q = new Array<Dec>(book.rowStart[book.units.length]!);
  const base = new Array<Dec>(book.units.length);
  book.units.forEach((unit, u) => {
    base[u] = unit.baseBalance;
    const start = book.rowStart[u]!;
    unit.rows.forEach((row, i) => (q[start + i] = row.q));
  });
  return {
    book,
    q,
    base,
    stale: new Uint8Array(book.units.length),
    units: book.units.slice(),
    closed: new Uint8Array(book.units.length),
    screen,
    ratio,
    exposure: book.exposure.slice(),
    fund,
  };
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

/** Brings every unit up to date (the end of a run). */
export function settleUnits(state: RunState): void {
  for (let u = 0; u < state.stale.length; u++) if (state.stale[u]) unitAt(state, u);
}

export function marksOf(state: RunState, u: number): Dec[] {
  const start = state.book.rowStart[u]!;
  return state.book.units[u]!.rows.map((row, i) => row.mark.times(state.ratio[state.book.rowUnderlying[start + i]!]!));
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
      return q.times(mark);
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
  state.book.units[u]!.rows.forEach((row, i) => (equity = equity.plus(rowMoney(row, state.q[start + i]!, marks[i]!, isolated))));
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
 * Closes `delta` (same sign as the row's size) of row i of unit u at `fill` (the execution price)
 * against `mark`: the wallet receives the closed part's PnL (perps) or its cash value (spot) at the
 * mark, less the slippage delta * k * (mark - fill), which is returned (k = contract size; spot 1).
 * The unit's equity falls by exactly that slippage.
 */
export function closeAt(state: RunState, u: number, i: number, delta: Dec, mark: Dec, fill: Dec): Dec {
  const row = state.book.units[u]!.rows[i]!;
  const spot = row.src.type === 'spot';
  const slippage = delta.times(spot ? ONE : row.cs).times(mark.minus(fill));
  const atMark = spot ? delta.times(mark) : isLinear(row) ? partPnl(row, delta, mark) : ZERO;
  const r = state.book.rowStart[u]! + i;
  replaceRow(state, u, i, state.q[r]!.minus(delta), state.base[u]!.plus(atMark).minus(slippage));
  return slippage;
}

/** Sets row i of unit u to size q and the wallet to base, keeping exposure and the float copy in step. */
export function replaceRow(state: RunState, u: number, i: number, q: Dec, base: Dec): void {
  const row = state.book.units[u]!.rows[i]!;
  const r = state.book.rowStart[u]! + i;
  const k = state.book.rowUnderlying[r]!;
  const slope = slopePerSize(row);
  if (!slope.isZero()) state.exposure[k] = state.exposure[k]!.plus(q.minus(state.q[r]!).times(slope).times(row.mark));
  state.q[r] = q;
  // the float copy for the screen (the fast layout's q * cs, spot q); the book's own arrays stay as they were
  state.screen.qcs[r] = q.isZero() ? 0 : (row.src.type === 'spot' ? q : q.times(row.cs)).toNumber();
  setBase(state, u, base);
}

export function setBase(state: RunState, u: number, base: Dec): void {
  state.base[u] = base;
  state.stale[u] = 1;
  state.screen.base[u] = base.toNumber();
}
