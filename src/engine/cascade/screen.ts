import { RowKind, type CascadeBook } from './book';

/**
 * The float64 screen (docs/cascade.md, "Speed"). Checking 100k units for HF <= 1 every round in
 * decimal would take seconds, so each unit's MB and MM are first computed in float64 from the
 * fast path's layout with the formulas of rowFigures (units.ts), as fast/evaluate.ts writes them. A
 * verdict stands only when it is clear: when MB - MM is within SCREEN_BAND of the size of the
 * terms, a notional sits within SCREEN_BAND of a tier cap, or the unit has a row the layout does
 * not model, the unit is `unsure` and the caller decides it in decimal. Float64 here is a statistic
 * for choosing which units to look at; no booked figure comes from it.
 */
export const SCREEN_BAND = 1e-9;

// the row kinds as plain constants: read through an import in the hot loop they would cost a property lookup each
const LINEAR: number = RowKind.Linear;
const OPTION: number = RowKind.Option;
const SPOT_ASSET: number = RowKind.SpotAsset;
const SPOT_DEBT: number = RowKind.SpotDebt;
const LENDING_DEBT: number = RowKind.LendingDebt;

export const enum Verdict {
  /** no maintenance margin: HF is none */
  None = 0,
  Healthy = 1,
  Liquidate = 2,
  Unsure = 3,
}

export interface ScreenState {
  /** per row: q * cs (spot: q), as the fast layout's rowQcs, kept in step with the run */
  qcs: Float64Array;
  /** per unit: the wallet */
  base: Float64Array;
  /** price ratio to today's marks, per underlying */
  ratio: Float64Array;
  /** the float HF of each unit when last screened (NaN: none), for the histogram and the table */
  hf: Float64Array;
}

export function newScreenState(book: CascadeBook, ratio: Float64Array): ScreenState {
  const { fast, fastUnit } = book;
  return {
    qcs: fast.rowQcs.slice(),
    base: Float64Array.from(fastUnit, (u) => fast.unitBase[u]!),
    ratio,
    hf: new Float64Array(book.units.length),
  };
}

export function screenUnit(book: CascadeBook, state: ScreenState, u: number): Verdict {
  const { rowMark, rowEntry, rowHaircut, rowTable, rowMmr, rowCum, tableStart, tierCap, tierMmr, tierCum } = book.fast;
  const { rowKind, rowUnderlying } = book;
  const isolated = book.isolated[u] === 1;
  let mb = state.base[u]!;
  let mm = 0;
  let scale = Math.abs(mb);
  let edge = book.alwaysExact[u] === 1;
  const end = book.rowStart[u + 1]!;
  for (let r = book.rowStart[u]!; r < end; r++) {
    const qcs = state.qcs[r]!;
    if (qcs === 0) continue;
    const mark = rowMark[r]! * state.ratio[rowUnderlying[r]!]!;
    switch (rowKind[r]!) {
      case LINEAR: {
        const entry = rowEntry[r]!;
        if (!Number.isNaN(entry)) {
          mb += qcs * (mark - entry);
          scale += Math.abs(qcs) * (mark + entry);
        }
        const notional = Math.abs(qcs) * mark;
        let mmr = rowMmr[r]!;
        let cum = rowCum[r]!;
        const t = rowTable[r]!;
        if (t >= 0) {
          // tiers.ts tierFor: the first tier with notional <= cap, else the last
          const first = tableStart[t]!;
          const last = tableStart[t + 1]! - 1;
          let j = first;
          while (j < last && notional > tierCap[j]!) j++;
          if (Math.abs(notional - tierCap[j]!) <= SCREEN_BAND * notional) edge = true;
          if (j > first && Math.abs(notional - tierCap[j - 1]!) <= SCREEN_BAND * notional) edge = true;
          mmr = tierMmr[j]!;
          cum = tierCum[j]!;
        }
        const m = notional * mmr - cum;
        if (m > 0) mm += m;
        scale += notional;
        break;
      }
      case OPTION: {
        // held at its mark: its value in a cross unit, its PnL in an isolated one (rowFigures)
        const entry = rowEntry[r]!;
        const money = isolated ? (Number.isNaN(entry) ? 0 : qcs * (mark - entry)) : qcs * mark;
        mb += money;
        scale += Math.abs(qcs) * mark;
        break;
      }
      case SPOT_ASSET: {
        const value = qcs * mark;
        mb += value * (1 - rowHaircut[r]!);
        scale += value;
        break;
      }
      case SPOT_DEBT:
        mb += qcs * mark;
        scale -= qcs * mark;
        break;
      case LENDING_DEBT:
        mm -= qcs * mark;
        scale -= qcs * mark;
        break;
      default:
        edge = true;
    }
  }
  if (mm <= 0 && !edge) {
    state.hf[u] = Number.NaN;
    return Verdict.None;
  }
  state.hf[u] = mm > 0 ? mb / mm : Number.NaN;
  if (edge || Math.abs(mb - mm) <= SCREEN_BAND * (scale + 1)) return Verdict.Unsure;
  return mb <= mm ? Verdict.Liquidate : Verdict.Healthy;
}
