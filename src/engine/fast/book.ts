/**
 * The float64 fast path, part 1: a loaded portfolio laid out once as typed arrays.
 *
 * float64 here is a deliberate exception to the decimal rule (ARCHITECTURE.md: fast paths may use
 * float64): a slider step must recompute 100k rows in a few milliseconds. Every figure the fast path
 * gives is reconciled against the decimal engine (test/engine/fastPath.test.ts), and what it cannot
 * model exactly falls back to the decimal engine unit by unit (exact.ts).
 *
 * The numbers come from the decimal preparation (rows.ts prepareRow: rates, tiers, haircuts already
 * resolved), converted once; the rules (which tier, MM floor at 0, spot haircut, lending debt) are
 * the ones of units.ts rowFigures, written for arrays in evaluate.ts.
 */
import { ONE, ZERO } from '../decimal';
import type { PreparedRow } from '../rows';
import type { MarginMode, VenueId } from '../types';
import type { PreparedAccount, PreparedUnit } from '../units';
import type { TierTable } from '../venues/tiers';

/** How a row's figures move with its mark (see rowFigures in units.ts). */
export const RowKind = {
  /** perp, future: PnL and notional linear in the mark, MM from its rates or tier */
  Linear: 0,
  /** spot held: collateral after haircut */
  SpotAsset: 1,
  /** spot borrowed on a margin venue: minus the debt in the balance */
  SpotDebt: 2,
  /** spot borrowed on a lending venue: MM = IM = the debt (Aave's HF) */
  LendingDebt: 3,
  /** option: held at its (shocked) mark, no margin (optionFigures in evaluate.ts) */
  Option: 4,
  /** not modelled by the fast path: its unit is always computed by the decimal engine */
  Exact: 255,
} as const;
export type RowKind = (typeof RowKind)[keyof typeof RowKind];

export interface FastUnitInfo {
  account: string;
  venue: VenueId;
  /** 'cross' or 'isolated:SYMBOL:LINE', as the decimal report names it */
  id: string;
  mode: MarginMode;
  /** the unit the decimal engine would make only if collateral is added to an account without a cross unit */
  phantom: boolean;
}

export interface FastBook {
  rowCount: number;
  unitCount: number;
  underlyings: string[];
  units: FastUnitInfo[];
  /** the decimal units, for the exact fallback (same index as `units`) */
  prepared: PreparedUnit[];
  /** per account name: its cross unit (a phantom one when it has none) */
  crossUnitOf: Map<string, number>;
  // --- per unit
  unitBase: Float64Array;
  unitAlwaysExact: Uint8Array;
  /** 1 for an isolated unit (options count only their PnL there) */
  unitIsolated: Uint8Array;
  /** 1 for a phantom cross unit (see FastUnitInfo) */
  unitPhantom: Uint8Array;
  /** rows of unit u are unitStart[u] .. unitStart[u + 1] - 1 */
  unitStart: Int32Array;
  // --- per row (grouped by unit, in the decimal report's order)
  rowUnit: Int32Array;
  rowUnderlying: Int32Array;
  rowKind: Uint8Array;
  rowLine: Int32Array;
  /** signed size in underlying units: q * contract size (spot: q) */
  rowQcs: Float64Array;
  rowMark: Float64Array;
  /** NaN when the row has no entry price (no PnL) */
  rowEntry: Float64Array;
  rowHaircut: Float64Array;
  /** -1: fixed rates (rowMmr, rowCum); else the index of a tier table */
  rowTable: Int32Array;
  rowMmr: Float64Array;
  rowCum: Float64Array;
  /** the row's own initial rate, or NaN when the tier decides */
  rowImr: Float64Array;
  // --- tier tables, flattened: table t has tiers tableStart[t] .. tableStart[t + 1] - 1
  tableStart: Int32Array;
  tierCap: Float64Array;
  tierMmr: Float64Array;
  tierCum: Float64Array;
  tierImr: Float64Array;
}

/**
 * Venue rules the arrays do not carry go to the decimal engine: inverse contracts (notional fixed,
 * PnL through the coin), Deribit's size-scaled rates, Bybit's margin on the entry value, and a fee
 * term on top of a tier table (OKX; fixed rates carry their fee in rowMmr).
 */
function linearInFastPath(row: PreparedRow): boolean {
  const m = row.maintenance;
  if (row.inverse || m.kind === 'size') return false;
  if (row.venue.marginOnEntry && row.entry) return false;
  return !(m.kind === 'tier' && row.venue.liquidationFee?.gt(0));
}

function kindOf(unit: PreparedUnit, row: PreparedRow): RowKind {
  switch (row.src.type) {
    case 'perp':
    case 'future':
      return linearInFastPath(row) ? RowKind.Linear : RowKind.Exact;
    case 'option':
      // a priced option is repriced by Black-Scholes under the scenario: the decimal engine's job
      return row.option ? RowKind.Exact : RowKind.Option;
    case 'spot':
      if (row.q.gte(0)) return RowKind.SpotAsset;
      return unit.venue.kind === 'lending' ? RowKind.LendingDebt : RowKind.SpotDebt;
    default:
      return RowKind.Exact;
  }
}

/** The units in the decimal report's order, with a phantom cross unit for accounts without one. */
function unitsOf(accounts: readonly PreparedAccount[]): Array<{ unit: PreparedUnit; phantom: boolean }> {
  const out: Array<{ unit: PreparedUnit; phantom: boolean }> = [];
  for (const account of accounts) {
    if (!account.units.some((u) => u.mode === 'cross')) {
      const unit: PreparedUnit = { id: 'cross', account: account.account, venue: account.venue, mode: 'cross', rows: [], baseBalance: ZERO };
      out.push({ unit, phantom: true });
    }
    for (const unit of account.units) out.push({ unit, phantom: false });
  }
  return out;
}

/** Lays out a prepared portfolio (units.ts prepareAccounts) for the fast path. */
export function prepareFastBook(accounts: readonly PreparedAccount[]): FastBook {
  const units = unitsOf(accounts);
  const rowCount = units.reduce((n, u) => n + u.unit.rows.length, 0);
  const tables: TierTable[] = [];
  const tableIndex = new Map<TierTable, number>();
  const underlyingIndex = new Map<string, number>();
  const book: FastBook = {
    rowCount,
    unitCount: units.length,
    underlyings: [],
    units: units.map(({ unit, phantom }) => ({ account: unit.account, venue: unit.venue.id, id: unit.id, mode: unit.mode, phantom })),
    prepared: units.map((u) => u.unit),
    crossUnitOf: new Map(),
    unitBase: new Float64Array(units.length),
    unitAlwaysExact: new Uint8Array(units.length),
    unitIsolated: new Uint8Array(units.length),
    unitPhantom: new Uint8Array(units.length),
    unitStart: new Int32Array(units.length + 1),
    rowUnit: new Int32Array(rowCount),
    rowUnderlying: new Int32Array(rowCount),
    rowKind: new Uint8Array(rowCount),
    rowLine: new Int32Array(rowCount),
    rowQcs: new Float64Array(rowCount),
    rowMark: new Float64Array(rowCount),
    rowEntry: new Float64Array(rowCount),
    rowHaircut: new Float64Array(rowCount),
    rowTable: new Int32Array(rowCount),
    rowMmr: new Float64Array(rowCount),
    rowCum: new Float64Array(rowCount),
    rowImr: new Float64Array(rowCount),
    tableStart: new Int32Array(1),
    tierCap: new Float64Array(0),
    tierMmr: new Float64Array(0),
    tierCum: new Float64Array(0),
    tierImr: new Float64Array(0),
  };
  let i = 0;
  units.forEach(({ unit, phantom }, u) => {
    book.unitStart[u] = i;
    book.unitIsolated[u] = unit.mode === 'isolated' ? 1 : 0;
    book.unitPhantom[u] = phantom ? 1 : 0;
    book.unitBase[u] = unit.baseBalance.toNumber();
    if (unit.mode === 'cross') book.crossUnitOf.set(unit.account, u);
    for (const row of unit.rows) {
      const kind = kindOf(unit, row);
      if (kind === RowKind.Exact) book.unitAlwaysExact[u] = 1;
      let und = underlyingIndex.get(row.src.underlying);
      if (und === undefined) {
        und = book.underlyings.length;
        underlyingIndex.set(row.src.underlying, und);
        book.underlyings.push(row.src.underlying);
      }
      book.rowUnit[i] = u;
      book.rowUnderlying[i] = und;
      book.rowKind[i] = kind;
      book.rowLine[i] = row.src.line;
      book.rowQcs[i] = (kind === RowKind.Linear || kind === RowKind.Option ? row.q.times(row.cs) : row.q).toNumber();
      book.rowMark[i] = row.mark.toNumber();
      book.rowEntry[i] = row.entry ? row.entry.toNumber() : NaN;
      book.rowHaircut[i] = row.haircut.toNumber();
      const m = row.maintenance;
      if (m.kind === 'tier') {
        let t = tableIndex.get(m.table);
        if (t === undefined) {
          t = tables.length;
          tableIndex.set(m.table, t);
          tables.push(m.table);
        }
        book.rowTable[i] = t;
      } else {
        book.rowTable[i] = -1;
        // ratesAt adds the venue's fee term (OKX) to a fixed rate
        book.rowMmr[i] = m.mmr.plus(row.venue.liquidationFee ?? ZERO).toNumber();
        book.rowCum[i] = m.kind === 'row' ? m.cum.toNumber() : 0;
      }
      // ratesAt: the row's own initial rate, else the tier's 1 / max leverage, else the venue default
      book.rowImr[i] = row.ownImr ? row.ownImr.toNumber() : m.kind === 'tier' ? NaN : row.venue.defaultImr.toNumber();
      i++;
    }
  });
  book.unitStart[units.length] = i;
  const tierCount = tables.reduce((n, t) => n + t.tiers.length, 0);
  book.tableStart = new Int32Array(tables.length + 1);
  book.tierCap = new Float64Array(tierCount);
  book.tierMmr = new Float64Array(tierCount);
  book.tierCum = new Float64Array(tierCount);
  book.tierImr = new Float64Array(tierCount);
  let k = 0;
  tables.forEach((table, t) => {
    book.tableStart[t] = k;
    for (const tier of table.tiers) {
      book.tierCap[k] = tier.cap.toNumber();
      book.tierMmr[k] = tier.mmr.toNumber();
      book.tierCum[k] = tier.cum.toNumber();
      book.tierImr[k] = ONE.div(tier.maxLeverage).toNumber();
      k++;
    }
  });
  book.tableStart[tables.length] = k;
  return book;
}
