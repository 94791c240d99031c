import { prepareFastBook, RowKind, type FastBook } from '../fast/book';
import { HELD_AT_MARK, holdOptionsAtMark } from '../options/repricing';
import { Dec, ONE, ZERO } from '../decimal';
import { isLinear, type PreparedRow } from '../rows';
import type { Portfolio } from '../types';
import { prepareAccounts, type PreparedUnit } from '../units';
import type { TierTables } from '../venues/tiers';

export { RowKind };

/**
 * A book of margin units prepared once per portfolio and tier set, shared by every cascade run
 * (runs never change it). Rows are numbered globally: unit u owns rows rowStart[u] .. rowStart[u+1]-1.
 *
 * The float64 row data is the fast path's layout (fast/book.ts), reused read-only: the screen
 * (screen.ts) reads it to choose which units to look at; every figure that is booked is decimal,
 * from `units` (docs/cascade.md, "Speed").
 */
export interface CascadeBook {
  units: PreparedUnit[];
  /** the fast layout the float screen reads (its units include phantom cross units: see fastUnit) */
  fast: FastBook;
  /** the fast book's unit index of each cascade unit (phantom cross units have no rows and are left out) */
  fastUnit: Int32Array;
  rowStart: Int32Array;
  /** the underlying's index of each row, upper case names in `underlyings` */
  rowUnderlying: Int32Array;
  rowKind: Uint8Array;
  /** 1: the screen decides this unit in decimal always (a row the float layout does not model) */
  alwaysExact: Uint8Array;
  /** per unit: 1 isolated, 0 cross */
  isolated: Uint8Array;
  /** per unit: its venue's index in `venues` (ADL stays within a venue) */
  venue: Uint8Array;
  venues: string[];
  underlyings: string[];
  /** today's reference price per underlying: the first row's mark */
  referencePrices: Dec[];
  /** units that hold the underlying, per underlying index */
  unitsOf: Int32Array[];
  /** sum of q * cs * mark (perps and futures with an entry, options) and q * mark (spot) per underlying: d equity / d ratio */
  exposure: Dec[];
  /**
   * Rows that share an underlying, a contract size and today's mark share a price group: a round
   * multiplies each group's mark by the ratio once, not each row's (state.ts markNow).
   */
  rowGroup: Int32Array;
  groups: PriceGroup[];
  /** per tier table of the fast layout: its highest maintenance rate (the screen's slope bound) */
  tableMaxMmr: Float64Array;
  /** per row: its unit */
  rowUnit: Int32Array;
  /** unit names, filled in as results name them (nameOf) */
  names: Array<string | undefined>;
  /** every row's size and every unit's wallet at the start (a run copies them: state.ts) */
  startQ: Dec[];
  startBase: Dec[];
  /** the wallets as float64, the screen's copy */
  startBaseFloat: Float64Array;
  /** per unit: 1 for a margin venue's unit holding non-stable spot collateral (q > 0), which a liquidation may sell (collateral.ts) */
  hasCollateral: Uint8Array;
  /** per row: 1 for a perp or future (isLinear) */
  rowLinear: Uint8Array;
  /** perps and futures with an entry, per `adlKey(underlying, venue, side of the size)`, in book order (ADL ranks them) */
  adlRows: Map<number, Int32Array>;
}

export function adlKey(underlying: number, venue: number, side: 1 | -1): number {
  return (underlying * 256 + venue) * 2 + (side === 1 ? 1 : 0);
}

export interface PriceGroup {
  underlying: number;
  /** today's mark */
  mark: Dec;
  /** the size factor of the group's rows: the contract size (spot: 1); null when it is 1 */
  cs: Dec | null;
}

/** `account · unit`, as the table shows it. */
export function unitName(unit: PreparedUnit): string {
  return `${unit.account} · ${unit.mode === 'cross' ? 'cross' : unit.id.replace(/^isolated:/, 'isolated ').replace(/:\d+$/, '')}`;
}

/** unitName of unit u, written once per book (runs share it). */
export function nameOf(book: CascadeBook, u: number): string {
  return (book.names[u] ??= unitName(book.units[u]!));
}

/**
 * How a row's money moves with its mark, per unit of size: d equity / d mark / q. Perps and
 * futures with an entry: cs (inverse: cs / entry, as pnlAt divides by the entry; that quotient is
 * rounded to 40 digits, so a book with inverse contracts conserves money to that precision, not
 * exactly); spot: 1; options, held at their mark (value or PnL, both q * cs * mark + constant): cs.
 */
export function slopePerSize(row: PreparedRow): Dec {
  if (row.src.type === 'spot') return ONE;
  if (row.src.type === 'option') return row.cs;
  if (isLinear(row) && row.entry) return row.inverse ? row.cs.div(row.entry) : row.cs;
  return ZERO;
}

/** d equity / d mark of a row. */
export function equitySlope(row: PreparedRow): Dec {
  return row.q.times(slopePerSize(row));
}

/**
 * Prepares the book from a portfolio: options held at their mark (no model terms), the decimal
 * preparation of every row (units.ts), then the fast layout. The worker, which already holds a
 * fast layout of the same portfolio, calls cascadeBookOf instead and skips both passes.
 */
export function prepareCascadeBook(portfolio: Portfolio, userTables: TierTables): CascadeBook {
  return cascadeBookOf(prepareFastBook(prepareAccounts(holdOptionsAtMark(portfolio), userTables, HELD_AT_MARK)));
}

/** True when a fast layout can serve the cascade: it holds no option priced by a model. */
export function servesCascade(fast: FastBook): boolean {
  return !fast.prepared.some((unit) => unit.rows.some((row) => row.option));
}

/**
 * The cascade's book over a fast layout (read-only). Its one decimal pass is the exposure per
 * underlying (one product and one sum per row), which the exact accounting needs.
 */
export function cascadeBookOf(fast: FastBook): CascadeBook {
  if (!servesCascade(fast)) throw new RangeError('the cascade holds options at their mark: prepare its book with prepareCascadeBook');
  const fastUnits: number[] = [];
  fast.units.forEach((info, u) => {
    if (!info.phantom) fastUnits.push(u);
  });
  const fastUnit = Int32Array.from(fastUnits);
  const n = fastUnit.length;
  const units = fastUnits.map((u) => fast.prepared[u]!);
  const rowStart = new Int32Array(n + 1);
  units.forEach((_, u) => (rowStart[u] = fast.unitStart[fastUnit[u]!]!));
  rowStart[n] = fast.rowCount;
  // the fast layout keeps underlyings as written; the cascade's impact parameters name them in upper case
  const underlyingIndex = new Map<string, number>();
  const underlyings: string[] = [];
  const remap = fast.underlyings.map((name) => {
    const upper = name.toUpperCase();
    let k = underlyingIndex.get(upper);
    if (k === undefined) {
      k = underlyings.length;
      underlyingIndex.set(upper, k);
      underlyings.push(upper);
    }
    return k;
  });
  const rowUnderlying = Int32Array.from(fast.rowUnderlying, (k) => remap[k]!);
  const referencePrices: Array<Dec | undefined> = underlyings.map(() => undefined);
  const exposure = underlyings.map(() => ZERO);
  const alwaysExact = new Uint8Array(n);
  const isolated = new Uint8Array(n);
  const venue = new Uint8Array(n);
  const venues: string[] = [];
  const unitLists: number[][] = underlyings.map(() => []);
  const lastSeen = new Int32Array(underlyings.length).fill(-1);
  const rowGroup = new Int32Array(fast.rowCount);
  const rowUnit = new Int32Array(fast.rowCount);
  const adlLists = new Map<number, number[]>();
  const groups: PriceGroup[] = [];
  const groupIndex = new Map<string, number>();
  const groupQ: Array<Dec | undefined> = [];
  const startQ = new Array<Dec>(fast.rowCount);
  const rowLinear = new Uint8Array(fast.rowCount);
  const hasCollateral = new Uint8Array(n);
  units.forEach((unit, u) => {
    alwaysExact[u] = fast.unitAlwaysExact[fastUnit[u]!]!;
    isolated[u] = unit.mode === 'isolated' ? 1 : 0;
    let v = venues.indexOf(unit.venue.id);
    if (v < 0) v = venues.push(unit.venue.id) - 1;
    venue[u] = v;
    unit.rows.forEach((row, i) => {
      const r = rowStart[u]! + i;
      const k = rowUnderlying[r]!;
      referencePrices[k] ??= row.mark;
      // row.mark is the Dec of src.markPrice and row.cs of src.contractSize (rows.ts prepareRow): the texts name the group
      const spot = row.src.type === 'spot';
      const key = `${k}|${spot ? '' : row.src.contractSize}|${row.src.markPrice}`;
      let g = groupIndex.get(key);
      if (g === undefined) {
        g = groups.push({ underlying: k, mark: row.mark, cs: spot || row.cs.eq(ONE) ? null : row.cs }) - 1;
        groupIndex.set(key, g);
      }
      rowGroup[r] = g;
      rowUnit[r] = u;
      startQ[r] = row.q;
      rowLinear[r] = isLinear(row) ? 1 : 0;
      if (unit.venue.kind !== 'lending' && row.src.type === 'spot' && !row.stable && row.q.gt(0)) hasCollateral[u] = 1;
      if (fast.rowKind[r] === RowKind.Linear && row.entry && !row.q.isZero()) {
        const key = adlKey(k, v, row.q.gt(0) ? 1 : -1);
        const list = adlLists.get(key);
        if (list) list.push(r);
        else adlLists.set(key, [r]);
      }
      if (lastSeen[k] !== u) {
        lastSeen[k] = u;
        unitLists[k]!.push(u);
      }
      // banded collateral counts a quantity the float layout does not carry: decimal
      if (row.countedQty) alwaysExact[u] = 1;
      // exposure: q * cs * mark summed as (sum of q) * cs * mark per price group, one product per group
      const type = row.src.type;
      if (type === 'spot' || type === 'option' || (row.entry && !row.inverse && isLinear(row))) {
        if (!row.q.isZero()) groupQ[g] = (groupQ[g] ?? ZERO).plus(row.q);
      } else {
        const slope = equitySlope(row);
        if (!slope.isZero()) exposure[k] = exposure[k]!.plus(slope.times(row.mark));
      }
    });
  });
  groups.forEach((group, g) => {
    const q = groupQ[g];
    if (q && !q.isZero()) exposure[group.underlying] = exposure[group.underlying]!.plus(q.times(group.cs ?? ONE).times(group.mark));
  });
  return {
    units,
    fast,
    fastUnit,
    rowStart,
    rowUnderlying,
    rowKind: fast.rowKind,
    alwaysExact,
    isolated,
    venue,
    venues,
    underlyings,
    referencePrices: referencePrices.map((p) => p ?? ONE),
    unitsOf: unitLists.map((l) => Int32Array.from(l)),
    exposure,
    rowGroup,
    groups,
    tableMaxMmr: Float64Array.from({ length: fast.tableStart.length - 1 }, (_, t) => Math.max(...fast.tierMmr.subarray(fast.tableStart[t]!, fast.tableStart[t + 1]!))),
    rowUnit,
    names: new Array<string | undefined>(n),
    startQ,
    startBase: units.map((unit) => unit.baseBalance),
    startBaseFloat: Float64Array.from(fastUnit, (u) => fast.unitBase[u]!),
    rowLinear,
    hasCollateral,
    adlRows: new Map([...adlLists].map(([key, rows]) => [key, Int32Array.from(rows)])),
  };
}
