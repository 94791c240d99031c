import { RowKind, type CascadeBook } from './book';

/**
 * The float64 screen (docs/cascade.md, "Speed"). Checking 100k units for HF <= 1 every round in
 * decimal would take seconds, so each unit's MB and MM are first computed in float64 from the
 * same formulas as rowFigures (units.ts). A verdict stands only when it is clear: when MB - MM is
 * within SCREEN_BAND of the size of the terms, or a notional sits within SCREEN_BAND of a tier cap,
 * the unit is `unsure` and the caller decides it in decimal. Float64 here is a statistic for
 * choosing which units to look at; no booked figure comes from it.
 */
export const SCREEN_BAND = 1e-9;

export const enum Verdict {
  /** no maintenance margin: HF is none */
  None = 0,
  Healthy = 1,
  Liquidate = 2,
  Unsure = 3,
}

export interface ScreenState {
  qcs: Float64Array;
  base: Float64Array;
  /** price ratio to today's marks, per underlying */
  ratio: Float64Array;
  /** the float HF of each unit when last screened (NaN: none), for the histogram and the table */
  hf: Float64Array;
}

export function screenUnit(book: CascadeBook, state: ScreenState, u: number): Verdict {
  const { f, rowKind, rowUnderlying, tiers } = book;
  let mb = state.base[u]!;
  let mm = 0;
  let scale = Math.abs(mb);
  let edge = false;
  for (let r = book.rowStart[u]!; r < book.rowStart[u + 1]!; r++) {
    const qcs = state.qcs[r]!;
    if (qcs === 0 && rowKind[r] !== RowKind.Option) continue;
    const mark = f.mark[r]! * state.ratio[rowUnderlying[r]!]!;
    switch (rowKind[r]) {
      case RowKind.Linear: {
        const entry = f.entry[r]!;
        if (!Number.isNaN(entry)) {
          mb += qcs * (mark - entry);
          scale += Math.abs(qcs) * (mark + entry);
        }
        const notional = Math.abs(qcs) * mark;
        let mmr = f.mmr[r]!;
        let cum = f.cum[r]!;
        const t = f.tier[r]!;
        if (t >= 0) {
          const table = tiers[t]!;
          let i = 0;
          while (i < table.caps.length - 1 && notional > table.caps[i]!) i++;
          if (Math.abs(notional - table.caps[i]!) <= SCREEN_BAND * notional) edge = true;
          if (i > 0 && Math.abs(notional - table.caps[i - 1]!) <= SCREEN_BAND * notional) edge = true;
          mmr = table.mmr[i]!;
          cum = table.cum[i]!;
        }
        const m = notional * mmr - cum;
        if (m > 0) mm += m;
        scale += notional;
        break;
      }
      case RowKind.Option:
        mb += f.constant[r]!;
        scale += Math.abs(f.constant[r]!);
        break;
      case RowKind.SpotLong:
      case RowKind.SpotShort: {
        const value = qcs * mark;
        mb += value * f.keep[r]!;
        scale += Math.abs(value);
        break;
      }
      case RowKind.LendingDebt:
        mm += -qcs * mark;
        scale += -qcs * mark;
        break;
    }
  }
  if (mm <= 0) {
    state.hf[u] = Number.NaN;
    return Verdict.None;
  }
  state.hf[u] = mb / mm;
  if (edge || Math.abs(mb - mm) <= SCREEN_BAND * (scale + 1)) return Verdict.Unsure;
  return mb <= mm ? Verdict.Liquidate : Verdict.Healthy;
}
