import { Dec, ONE, ZERO, decStr } from './decimal';
import { compileScenario, evaluateFast, prepareFastBook, RowKind, STATUS_CODES, type FastBook, type FastFigures, type FastScenario } from './fast';
import { solveLiquidation, type FastLiquidation } from './fast/liquidation';
import { hfOneRoots, movingSegments, type PriceSegment } from './liquidation';
import { markFactor, type PreparedScenario } from './scenario';
import type { ChartData, ChartUnitRef, HfCurve, LiquidationLadder, UnderlyingPnl, UnitRisk } from './curveTypes';
import { rowFigures, type PreparedAccount, type PreparedUnit } from './units';

/**
 * Chart data: the health-factor curve of one unit against a uniform move of every non-stable
 * underlying, the liquidation ladder and PnL by underlying.
 *
 * What spans the whole book comes from the float64 fast path the worker already holds (fast/,
 * figures over many scenarios: ARCHITECTURE.md allows float64 there): every unit's HF for the
 * picker (evaluateFast), every position's liquidation price for the ladder (fast/liquidation.ts,
 * reconciled with the report within half a displayed unit), PnL sums per underlying. Only the one
 * unit drawn is written down in decimal pieces (liquidation.ts): its curve is sampled from them in
 * float64 and its liquidation points are the engine's exact roots.
 */

export type { ChartData, HfCurve, LiquidationLadder, UnderlyingPnl, UnitRisk, ChartUnitRef } from './curveTypes';

/** The chart's move range: the what-if sliders' range, -95% ... +300%. */
export const CURVE_MIN_MOVE = -0.95;
export const CURVE_MAX_MOVE = 3;
const CURVE_SAMPLES = 480;
const PICKER_UNITS = 100;
export const DEFAULT_LADDER_SIZE = 150;

/** What every scenario's chart data needs beyond the fast book, computed once per book (float64). */
export interface PreparedCharts {
  book: FastBook;
  /** per underlying (book.underlyings): sum of size * M over derivative rows with an entry price; their uPnL is a * g - b */
  pnlA: Float64Array;
  pnlB: Float64Array;
  /** per underlying: sum of size * M over every row: the move's change in value is c * (g - 1) */
  pnlC: Float64Array;
}

/** One pass over the fast book's rows (the decimal units only for rows the arrays do not model). */
export function prepareCharts(source: FastBook | readonly PreparedAccount[]): PreparedCharts {
  const book = 'rowCount' in source ? source : prepareFastBook(source);
  const n = book.underlyings.length;
  const out = { book, pnlA: new Float64Array(n), pnlB: new Float64Array(n), pnlC: new Float64Array(n) };
  for (let u = 0; u < book.unitCount; u++) {
    const start = book.unitStart[u]!;
    for (let i = start; i < book.unitStart[u + 1]!; i++) {
      const kind = book.rowKind[i]!;
      const k = book.rowUnderlying[i]!;
      const mark = book.rowMark[i]!;
      let size = book.rowQcs[i]!;
      let derivative = kind === RowKind.Linear || kind === RowKind.Option;
      if (kind === RowKind.Exact) {
        // rowQcs is the bare quantity where the arrays do not model the row: the contract size from its decimal row
        const row = book.prepared[u]!.rows[i - start]!;
        derivative = row.src.type !== 'spot';
        if (derivative) size = row.q.times(row.cs).toNumber();
      }
      const entry = book.rowEntry[i]!;
      if (derivative && !Number.isNaN(entry)) {
        out.pnlA[k] = out.pnlA[k]! + size * mark;
        out.pnlB[k] = out.pnlB[k]! + size * entry;
      }
      out.pnlC[k] = out.pnlC[k]! + size * mark;
    }
  }
  return out;
}

/** The scenario's fast figures and liquidation prices; the worker passes its cached ones. */
export interface FastChartInputs {
  compiled: FastScenario;
  figures: FastFigures;
  liquidation: FastLiquidation;
}

function fastInputs(book: FastBook, scenario: PreparedScenario): FastChartInputs {
  const compiled = compileScenario(book, scenario);
  const figures = evaluateFast(book, compiled);
  return { compiled, figures, liquidation: solveLiquidation(book, compiled, figures) };
}

function addedCollateral(scenario: PreparedScenario, book: FastBook, u: number): Dec {
  const info = book.units[u]!;
  return info.mode === 'cross' ? (scenario.addCollateral.get(info.account) ?? ZERO) : ZERO;
}

/**
 * Indices of the `k` smallest keys (NaN never), smallest first, ties by index: a native numeric
 * sort of a copy finds the k-th key, and only the keys up to it are sorted by comparator (100k
 * objects sorted per scenario change cost more than the rest of the chart data).
 */
function smallest(keys: Float64Array, count: number, k: number): number[] {
  if (count === 0 || k <= 0) return [];
  const sorted = keys.slice(0, count).sort();
  const cut = sorted[Math.min(k, count) - 1]!;
  const picked: number[] = [];
  for (let i = 0; i < count; i++) if (keys[i]! <= cut) picked.push(i);
  return picked.sort((a, b) => keys[a]! - keys[b]! || a - b).slice(0, k);
}

/** Every present unit with a health factor (fast figures), lowest first: the picker and the default unit. */
function rankedUnits(book: FastBook, f: FastFigures, k: number): { ranked: number[]; withExposure: number } {
  const units = new Int32Array(book.unitCount);
  const keys = new Float64Array(book.unitCount);
  let n = 0;
  for (let u = 0; u < book.unitCount; u++) {
    const hf = f.unitHealth[u]!;
    if (!f.unitPresent[u] || !Number.isFinite(hf)) continue;
    units[n] = u;
    keys[n++] = hf;
  }
  return { ranked: smallest(keys, n, k).map((j) => units[j]!), withExposure: n };
}

function riskOf(book: FastBook, f: FastFigures, u: number): UnitRisk {
  const hf = f.unitHealth[u]!;
  return { account: book.units[u]!.account, unit: book.units[u]!.id, hf: Number.isFinite(hf) ? hf : null };
}

/**
 * The `size` positions nearest their liquidation price, as moves from today's mark. A position's
 * liquidation price is the report's (fast/liquidation.ts); options are left out (their liquidation
 * price is their underlying's, not a price of theirs).
 */
function ladderFor(book: FastBook, s: FastScenario, f: FastFigures, l: FastLiquidation, size: number): LiquidationLadder {
  const { rowUnderlying, rowKind, rowUnit } = book;
  const rowRatio = l.rowRatio;
  const rows = new Int32Array(book.rowCount);
  const distance = new Float64Array(book.rowCount);
  const move = (i: number) => rowRatio[i]! * s.factor[rowUnderlying[i]!]! - 1;
  // the scenario reaches the liquidation price when it liquidates the position's unit. Judging by
  // the side of the mark the price lies on was wrong for a unit already past HF 1: its price then
  // lies on the far side (above the mark for a long), and no fall would ever have "reached" it.
  const liquidated = STATUS_CODES.indexOf('liquidation');
  const within = (i: number) => f.unitStatus[rowUnit[i]!] === liquidated;
  let n = 0;
  let without = 0;
  let withinTotal = 0;
  for (let i = 0; i < book.rowCount; i++) {
    const kind = rowKind[i]!;
    if (!f.unitPresent[rowUnit[i]!] || kind === RowKind.Option || (kind === RowKind.Exact && isOptionRow(book, i))) continue;
    if (Number.isNaN(rowRatio[i]!)) {
      without++;
      continue;
    }
    rows[n] = i;
    distance[n++] = Math.abs(move(i));
    if (within(i)) withinTotal++;
  }
  const shown = smallest(distance, n, size).map((j) => rows[j]!);
  const labelOf = (i: number) => {
    const u = rowUnit[i]!;
    return `${book.units[u]!.account} · ${book.prepared[u]!.rows[i - book.unitStart[u]!]!.src.symbol} (line ${book.rowLine[i]!})`;
  };
  return {
    labels: shown.map(labelOf),
    underlyings: shown.map((i) => book.underlyings[rowUnderlying[i]!]!),
    move: Float64Array.from(shown, move),
    shock: Float64Array.from(shown, (i) => s.factor[rowUnderlying[i]!]! - 1),
    within: Uint8Array.from(shown, (i) => (within(i) ? 1 : 0)),
    total: n,
    withinTotal,
    withoutLiquidation: without,
  };
}

function isOptionRow(book: FastBook, i: number): boolean {
  const u = book.rowUnit[i]!;
  return book.prepared[u]!.rows[i - book.unitStart[u]!]!.src.type === 'option';
}

/** PnL by underlying under the scenario (float64 sums, shipped as decimal text of the float). */
function pnlFor(prepared: PreparedCharts, s: FastScenario): UnderlyingPnl[] {
  return prepared.book.underlyings.map((underlying, k) => {
    const g = s.factor[k]!;
    return { underlying, pnl: floatText(prepared.pnlA[k]! * g - prepared.pnlB[k]!), change: floatText(prepared.pnlC[k]! * (g - 1)) };
  });
}

/**
 * A float64 sum as plain decimal text (no exponent), to 15 significant digits: float64 keeps about
 * 15, so a sum rounded there reads as the decimal it approximates (0.02 * 45000 - 1000 is -100, not
 * -99.99999999999997), with cents intact up to 10^12.
 */
function floatText(x: number): string {
  return x === 0 ? '0' : new Dec(x.toPrecision(15)).toFixed();
}

interface FloatSegments {
  from: Float64Array;
  fa: Float64Array;
  fb: Float64Array;
  /** the c / x term of inverse contracts (Deribit), zero elsewhere */
  fc: Float64Array;
  ma: Float64Array;
  mb: Float64Array;
  mc: Float64Array;
}

function toFloat(segments: readonly PriceSegment[]): FloatSegments {
  const n = segments.length;
  const out = { from: new Float64Array(n), fa: new Float64Array(n), fb: new Float64Array(n), fc: new Float64Array(n), ma: new Float64Array(n), mb: new Float64Array(n), mc: new Float64Array(n) };
  segments.forEach((s, i) => {
    out.from[i] = s.from.toNumber();
    out.fa[i] = s.f.a.toNumber();
    out.fb[i] = s.f.b.toNumber();
    out.fc[i] = s.f.c.toNumber();
    out.ma[i] = s.mm.a.toNumber();
    out.mb[i] = s.mm.b.toNumber();
    out.mc[i] = s.mm.c.toNumber();
  });
  return out;
}

/** Index of the segment holding x: the last `from` at or below x. */
function segmentAt(from: Float64Array, x: number): number {
  let lo = 0;
  let hi = from.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (from[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Marks that put the unit at the scenario's other parts: named shocks and depegs, options at their scenario mark. */
function curveBase(unit: PreparedUnit, scenario: PreparedScenario): { marks: Dec[]; moving: boolean[] } {
  const moving = unit.rows.map((r) => !r.stable && r.src.type !== 'option');
  const marks = unit.rows.map((r, i) => {
    const own = ONE.plus(scenario.shocks.get(r.src.underlying.toUpperCase()) ?? ZERO);
    return moving[i] ? r.mark.times(own) : r.mark.times(markFactor(scenario, r.src.underlying));
  });
  return { marks, moving };
}

function exactAt(segments: readonly PriceSegment[], still: { f: Dec; mm: Dec }, x: Dec): { mb: Dec; mm: Dec } {
  let s = segments[0]!;
  for (const seg of segments) if (seg.from.lte(x)) s = seg;
  const f = s.f.a.plus(s.f.b.times(x)).plus(s.f.c.div(x)).plus(still.f);
  const mm = s.mm.a.plus(s.mm.b.times(x)).plus(s.mm.c.div(x)).plus(still.mm);
  return { mb: f.plus(mm), mm };
}

/**
 * HF, MB and MM of one unit against a uniform move m of every non-stable underlying (x = 1 + m on
 * top of the scenario's named shocks): float64 samples of the exact pieces, plus the exact roots.
 */
export function unitCurve(unit: PreparedUnit, account: string, scenario: PreparedScenario, collateral: Dec = ZERO): HfCurve {
  const { marks, moving } = curveBase(unit, scenario);
  const segments = movingSegments(unit, marks, moving);
  let stillF = unit.baseBalance.plus(collateral);
  let stillMm = ZERO;
  unit.rows.forEach((row, i) => {
    if (moving[i]) return;
    const fig = rowFigures(unit, row, marks[i]!);
    stillF = stillF.plus(fig.balance.minus(fig.mm));
    stillMm = stillMm.plus(fig.mm);
  });
  const still = { f: stillF, mm: stillMm };
  const roots = hfOneRoots(segments, still);
  const current = ONE.plus(scenario.all);
  const now = exactAt(segments, still, current);

  // float64 from here: the sampled picture
  const lo = 1 + CURVE_MIN_MOVE;
  const hi = 1 + CURVE_MAX_MOVE;
  const fl = toFloat(segments);
  const sf = still.f.toNumber();
  const sm = still.mm.toNumber();
  const xs: Array<[x: number, k: number]> = [];
  for (let i = 0; i <= CURVE_SAMPLES; i++) {
    const x = lo + ((hi - lo) * i) / CURVE_SAMPLES;
    xs.push([x, segmentAt(fl.from, x)]);
  }
  // both sides of every break inside the range, so a jump in MM is drawn as one
  for (let k = 1; k < fl.from.length; k++) {
    const x = fl.from[k]!;
    if (x > lo && x < hi) xs.push([x, k - 1], [x, k]);
  }
  for (const r of roots) {
    const x = r.toNumber();
    if (x > lo && x < hi) xs.push([x, segmentAt(fl.from, x)]);
  }
  const cx = current.toNumber();
  if (cx >= lo && cx <= hi) xs.push([cx, segmentAt(fl.from, cx)]);
  xs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const n = xs.length;
  const curve = { move: new Float64Array(n), hf: new Float64Array(n), marginBalance: new Float64Array(n), maintenance: new Float64Array(n) };
  xs.forEach(([x, k], i) => {
    const f = fl.fa[k]! + fl.fb[k]! * x + fl.fc[k]! / x + sf;
    const mm = fl.ma[k]! + fl.mb[k]! * x + fl.mc[k]! / x + sm;
    curve.move[i] = x - 1;
    curve.marginBalance[i] = f + mm;
    curve.maintenance[i] = mm;
    curve.hf[i] = mm > 0 ? (f + mm) / mm : Number.NaN;
  });
  return {
    account,
    unit: unit.id,
    ...curve,
    liquidationMoves: roots.map((r) => decStr(r.minus(ONE))),
    currentMove: decStr(scenario.all),
    currentHF: now.mm.gt(0) ? decStr(now.mb.div(now.mm)) : null,
    currentMarginBalance: decStr(now.mb),
    currentMaintenance: decStr(now.mm),
  };
}

/** Every unit's curve: what the bench times (the page asks for one unit at a time). */
export function portfolioCurves(prepared: PreparedCharts, scenario: PreparedScenario): HfCurve[] {
  const { book } = prepared;
  const out: HfCurve[] = [];
  for (let u = 0; u < book.unitCount; u++) {
    if (book.units[u]!.phantom) continue;
    out.push(unitCurve(book.prepared[u]!, book.units[u]!.account, scenario, addedCollateral(scenario, book, u)));
  }
  return out;
}

export interface ChartsRequest {
  scenario: PreparedScenario;
  /** null: the riskiest unit under the scenario */
  unit: ChartUnitRef | null;
  ladderSize?: number;
  /** the scenario's fast figures when the caller has them (the worker's cache); else computed here */
  fast?: FastChartInputs;
}

/** The three charts' data under a scenario. */
export function chartData(prepared: PreparedCharts, { scenario, unit, ladderSize = DEFAULT_LADDER_SIZE, fast }: ChartsRequest): ChartData {
  const { book } = prepared;
  const { compiled, figures, liquidation } = fast ?? fastInputs(book, scenario);
  const { ranked, withExposure } = rankedUnits(book, figures, PICKER_UNITS);
  const wanted = unit ? book.units.findIndex((u, i) => figures.unitPresent[i] === 1 && u.account === unit.account && u.id === unit.unit) : -1;
  const chosen = wanted >= 0 ? wanted : ranked[0];
  const picker = chosen !== undefined && !ranked.includes(chosen) ? [...ranked, chosen] : ranked;
  return {
    units: picker.map((u) => riskOf(book, figures, u)),
    unitsWithExposure: withExposure,
    curve: chosen !== undefined ? unitCurve(book.prepared[chosen]!, book.units[chosen]!.account, scenario, addedCollateral(scenario, book, chosen)) : null,
    ladder: ladderFor(book, compiled, figures, liquidation, ladderSize),
    pnl: pnlFor(prepared, compiled),
  };
}
