import { HELD_AT_MARK, holdOptionsAtMark } from '../options/repricing';
import { Dec, ZERO } from '../decimal';
import { isLinear, type PreparedRow } from '../rows';
import type { Portfolio } from '../types';
import { prepareAccounts, rowFigures, type PreparedUnit } from '../units';
import type { TierTable, TierTables } from '../venues/tiers';

/** Row kinds as the float screen sees them. */
export const enum RowKind {
  Linear = 0,
  Option = 1,
  SpotLong = 2,
  SpotShort = 3,
  /** a lending venue's debt: no balance, maintenance = its value */
  LendingDebt = 4,
}

/** Tier tables flattened for the float screen. */
export interface FloatTiers {
  caps: Float64Array;
  mmr: Float64Array;
  cum: Float64Array;
}

/**
 * A book of margin units prepared once per portfolio and tier set, shared by every cascade run
 * (runs never change it). Rows are numbered globally: unit u owns rows rowStart[u] .. rowStart[u+1]-1.
 * The Float64Arrays hold today's figures as float64 for the screen (docs/cascade.md, "Speed");
 * every figure that is booked is computed again in decimal.
 */
export interface CascadeBook {
  units: PreparedUnit[];
  names: string[];
  rowStart: Int32Array;
  /** the underlying's index of each row, upper case names in `underlyings` */
  rowUnderlying: Int32Array;
  rowKind: Uint8Array;
  underlyings: string[];
  /** today's reference price per underlying: the first row's mark */
  referencePrices: Dec[];
  /** units that hold the underlying, per underlying index */
  unitsOf: Int32Array[];
  /** float64 row data (screen only) */
  f: {
    base: Float64Array;
    qcs: Float64Array;
    entry: Float64Array;
    mark: Float64Array;
    keep: Float64Array;
    mmr: Float64Array;
    cum: Float64Array;
    /** -1: the row's own rate; else an index into tiers */
    tier: Int32Array;
    /** options: their constant balance */
    constant: Float64Array;
  };
  tiers: FloatTiers[];
  /** sum of q * cs * mark (perps and futures with an entry) and q * mark (spot) per underlying: d equity / d ratio */
  exposure: Dec[];
}

export function rowKindOf(unit: PreparedUnit, row: PreparedRow): RowKind {
  if (isLinear(row)) return RowKind.Linear;
  if (row.src.type === 'option') return RowKind.Option;
  if (row.q.gt(0)) return RowKind.SpotLong;
  return unit.venue.kind === 'lending' ? RowKind.LendingDebt : RowKind.SpotShort;
}

/** How a row's money moves with its mark: d equity / d mark. */
export function equitySlope(row: PreparedRow): Dec {
  if (row.src.type === 'spot') return row.q;
  if (isLinear(row) && row.entry) return row.q.times(row.cs);
  return ZERO;
}

export function prepareCascadeBook(portfolio: Portfolio, userTables: TierTables): CascadeBook {
  const units: PreparedUnit[] = [];
  const names: string[] = [];
  // the cascade holds options at their mark (docs/cascade.md): without their model terms the engine does too
  for (const account of prepareAccounts(holdOptionsAtMark(portfolio), userTables, HELD_AT_MARK)) {
    for (const unit of account.units) {
      units.push(unit);
      names.push(`${unit.account} · ${unit.mode === 'cross' ? 'cross' : unit.id.replace(/^isolated:/, 'isolated ').replace(/:\d+$/, '')}`);
    }
  }
  const rowCount = units.reduce((n, u) => n + u.rows.length, 0);
  const rowStart = new Int32Array(units.length + 1);
  const rowUnderlying = new Int32Array(rowCount);
  const rowKind = new Uint8Array(rowCount);
  const f = {
    base: new Float64Array(units.length),
    qcs: new Float64Array(rowCount),
    entry: new Float64Array(rowCount),
    mark: new Float64Array(rowCount),
    keep: new Float64Array(rowCount),
    mmr: new Float64Array(rowCount),
    cum: new Float64Array(rowCount),
    tier: new Int32Array(rowCount).fill(-1),
    constant: new Float64Array(rowCount),
  };
  const underlyingIndex = new Map<string, number>();
  const underlyings: string[] = [];
  const referencePrices: Dec[] = [];
  const exposure: Dec[] = [];
  const unitLists: number[][] = [];
  const tierIndex = new Map<TierTable, number>();
  const tiers: FloatTiers[] = [];
  let r = 0;
  units.forEach((unit, u) => {
    rowStart[u] = r;
    // a float copy of decimal figures, for screening only
    f.base[u] = unit.baseBalance.toNumber();
    const seen = new Set<number>();
    for (const row of unit.rows) {
      const name = row.src.underlying.toUpperCase();
      let k = underlyingIndex.get(name);
      if (k === undefined) {
        k = underlyings.length;
        underlyingIndex.set(name, k);
        underlyings.push(name);
        referencePrices.push(row.mark);
        exposure.push(ZERO);
        unitLists.push([]);
      }
      if (!seen.has(k)) {
        seen.add(k);
        unitLists[k]!.push(u);
      }
      rowUnderlying[r] = k;
      const kind = rowKindOf(unit, row);
      rowKind[r] = kind;
      exposure[k] = exposure[k]!.plus(equitySlope(row).times(row.mark));
      writeFloatRow(f, r, row);
      if (kind === RowKind.Option) f.constant[r] = rowFigures(unit, row, row.mark).balance.toNumber();
      const m = row.maintenance;
      if (m.kind === 'tier') {
        let t = tierIndex.get(m.table);
        if (t === undefined) {
          t = tiers.length;
          tierIndex.set(m.table, t);
          tiers.push({
            caps: Float64Array.from(m.table.tiers, (x) => x.cap.toNumber()),
            mmr: Float64Array.from(m.table.tiers, (x) => x.mmr.toNumber()),
            cum: Float64Array.from(m.table.tiers, (x) => x.cum.toNumber()),
          });
        }
        f.tier[r] = t;
      } else {
        f.mmr[r] = m.mmr.toNumber();
        f.cum[r] = m.kind === 'row' ? m.cum.toNumber() : 0;
      }
      r++;
    }
  });
  rowStart[units.length] = r;
  return {
    units,
    names,
    rowStart,
    rowUnderlying,
    rowKind,
    underlyings,
    referencePrices,
    unitsOf: unitLists.map((l) => Int32Array.from(l)),
    f,
    tiers,
    exposure,
  };
}

/** Refreshes the float copy of a row after its size changed (screen only). */
function writeFloatRow(f: CascadeBook['f'], r: number, row: PreparedRow): void {
  const spot = row.src.type === 'spot';
  f.qcs[r] = (spot ? row.q : row.q.times(row.cs)).toNumber();
  f.entry[r] = row.entry ? row.entry.toNumber() : Number.NaN;
  f.mark[r] = row.mark.toNumber();
  f.keep[r] = row.q.gt(0) ? 1 - row.haircut.toNumber() : 1;
}
