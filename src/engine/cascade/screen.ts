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
  // --- what lets a round skip a unit that cannot have reached HF 1 (mustScreen)
  /** 1: the unit changed (a close, a wallet transfer) since it was last screened */
  force: Uint8Array;
  /**
   * per underlying: 1 when this run can move its price (it has an impact spec); an underlying
   * without one keeps the scenario's price for the whole run, so its rows are constants to the screen
   */
  moves: Uint8Array;
  /** the unit's one moving underlying (all its open rows that can move), else -1 */
  single: Int32Array;
  /** that underlying's ratio when the unit was last screened */
  at: Float64Array;
  /** a bound on |d(MB - MM) / d ratio| (see mustScreen) */
  lip: Float64Array;
  /** MB - MM less the screen's band when it was screened healthy; -1: screen it every time */
  slack: Float64Array;
}

/**
 * Whether unit u needs screening at the current ratios. A unit screened healthy with all its open
 * rows that can move on one underlying has MB - MM = g(x), a function of that ratio x alone (each
 * row's MB and MM terms depend on its own mark only; rows whose price the run cannot move, such as
 * a stable quote's cash, are constants) whose slope is at most lip = sum over its moving rows of
 * |q * cs| * today's mark * (1 + the highest maintenance rate the row can reach) (PnL and spot move
 * by |q * cs| * mark per unit of x; a tier's MM by that times its rate). So g stays above 0 while
 * lip * |x - x_screened| < slack, and such a unit is skipped. Float64
 * bounds for choosing what to look at (the band in slack covers their rounding), as the screen.
 */
export function mustScreen(s: ScreenState, u: number): boolean {
  if (s.force[u] === 1) return true;
  const k = s.single[u]!;
  if (k === NOTHING_OPEN) return false;
  if (k < 0 || !(s.slack[u]! >= 0)) return true;
  return s.lip[u]! * Math.abs(s.ratio[k]! - s.at[u]!) >= s.slack[u]!;
}

/** `single` of a unit with no open row that can move: nothing changes it until something is booked to it (force). */
const NOTHING_OPEN = -2;

export function newScreenState(book: CascadeBook, ratio: Float64Array, moves: Uint8Array): ScreenState {
  const { fast } = book;
  return {
    moves,
    qcs: fast.rowQcs.slice(),
    base: book.startBaseFloat.slice(),
    ratio,
    hf: new Float64Array(book.units.length),
    force: new Uint8Array(book.units.length),
    single: new Int32Array(book.units.length),
    at: new Float64Array(book.units.length),
    lip: new Float64Array(book.units.length),
    slack: new Float64Array(book.units.length).fill(-1),
  };
}

export function screenUnit(book: CascadeBook, state: ScreenState, u: number): Verdict {
  const { rowMark, rowEntry, rowHaircut, rowTable, rowMmr, rowCum, tableStart, tierCap, tierMmr, tierCum } = book.fast;
  const { rowKind, rowUnderlying } = book;
  const isolated = book.isolated[u] === 1;
  const moves = state.moves;
  let mb = state.base[u]!;
  let mm = 0;
  let scale = Math.abs(mb);
  let edge = book.alwaysExact[u] === 1;
  let lip = 0;
  let single = NOTHING_OPEN;
  const end = book.rowStart[u + 1]!;
  for (let r = book.rowStart[u]!; r < end; r++) {
    const qcs = state.qcs[r]!;
    if (qcs === 0) continue;
    const k = rowUnderlying[r]!;
    if (moves[k] === 1) {
      single = single === NOTHING_OPEN || single === k ? k : -1;
      const today = Math.abs(qcs) * rowMark[r]!;
      lip += today * (1 + (rowKind[r] === LINEAR ? (rowTable[r]! >= 0 ? book.tableMaxMmr[rowTable[r]!]! : rowMmr[r]!) : 0));
    }
    const mark = rowMark[r]! * state.ratio[k]!;
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
  state.force[u] = 0;
  state.slack[u] = -1;
  state.single[u] = edge ? -1 : single;
  if (mm <= 0 && !edge) {
    state.hf[u] = Number.NaN;
    return Verdict.None;
  }
  state.hf[u] = mm > 0 ? mb / mm : Number.NaN;
  const band = SCREEN_BAND * (scale + 1);
  if (edge || Math.abs(mb - mm) <= band) return Verdict.Unsure;
  if (mb <= mm) return Verdict.Liquidate;
  if (single >= 0) {
    state.at[u] = state.ratio[single]!;
    state.lip[u] = lip;
    state.slack[u] = mb - mm - band;
  }
  return Verdict.Healthy;
}

/**
 * One round's screen over the candidates (a unit the slope bound clears is skipped unless `every`):
 * the open units the float screen liquidates, and those it leaves to the decimal engine. Closed
 * units are screened for their HF only.
 */
export function screenCandidates(book: CascadeBook, state: ScreenState, candidates: Iterable<number>, every: boolean, closed: Uint8Array): { liquidate: number[]; unsure: number[] } {
  const liquidate: number[] = [];
  const unsure: number[] = [];
  for (const u of candidates) {
    if (!every && !mustScreen(state, u)) continue;
    const verdict = screenUnit(book, state, u);
    if (closed[u]) continue;
    if (verdict === Verdict.Liquidate) liquidate.push(u);
    else if (verdict === Verdict.Unsure) unsure.push(u);
  }
  return { liquidate, unsure };
}
