import { cholesky } from './cholesky';
import { unitAt, unitLabel, type ExposureModel } from './exposure';
import { heldNote } from './held';
import { readMarket, type MarketInput } from './market';
import { BOUND_RATIOS, planRun, type RunPlan } from './plan';
import { firstAbove, firstAtOrAbove } from './thresholdTable';
import { createRng } from './prng';
import { buildSampler, type Sampler } from './sampler';
import { QUANTILE_CONVENTION, heapOffer, sortedDescending, tailCount, tailFromWorst } from './tail';
import type { ReturnsTable, TailFigures, UnitRisk, VarReport } from './types';
import { isStablecoin } from '../stablecoins';

/**
 * VaR, expected shortfall and path-based margin-call / liquidation probabilities over a horizon,
 * by Monte Carlo or historical simulation (float64 statistics over the exposure model).
 *
 * A run is made, fed paths in chunks (any split: each path draws from its own stream, see prng.ts,
 * and every statistic kept — heaps of the worst values, counts — does not depend on the order the
 * paths come in), then finished; so the worker can report progress and stop between chunks.
 *
 * Per path step the work is: the correlated draws (sampler.ts), one price ratio per moving
 * underlying, and the units the plan evaluates per path (plan.ts); units that move with one
 * underlying are settled per path by one comparison per underlying against their thresholds.
 */
export interface VarParams {
  horizonDays: number;
  /** Monte Carlo steps per day (historical simulation steps one day at a time) */
  stepsPerDay: number;
  confidences: number[];
  paths: number;
  seed: number;
  /** lognormal: x ← x·exp(σ√Δt z − σ²Δt/2); normal: x ← x + σ√Δt z (arithmetic, for textbook checks) */
  returns: 'lognormal' | 'normal';
  marginCallHF: number;
  /**
   * Evaluate every unit on every path step, without the threshold shortcut (plan.ts): the slow
   * reference the shortcut is tested against. Same figures, more work.
   */
  everyUnitPerPath?: boolean;
}

type Source =
  | { kind: 'monte-carlo'; sampler: Sampler; stepSd: Float64Array; drift: Float64Array; lognormal: boolean; years: number }
  | { kind: 'historical'; returns: Float64Array; columns: Int32Array; assets: number };

export interface VarRun {
  model: ExposureModel;
  params: VarParams;
  source: Source;
  plan: RunPlan;
  steps: number;
  paths: number;
  k: number;
  bookPnl: Float64Array;
  /** per path unit (plan.pathUnits order): a heap of its k worst losses */
  tails: Float64Array;
  tailSize: Int32Array;
  /** per heap: its smallest value once full (−Infinity before), see offer() */
  tailMin: Float64Array;
  lowMin: Float64Array;
  highMin: Float64Array;
  /** per underlying: heaps of the k lowest end ratios (as −x) and the k highest */
  low: Float64Array;
  lowSize: Int32Array;
  high: Float64Array;
  highSize: Int32Array;
  /**
   * per threshold place (plan.below / plan.above, index + underlying: each underlying has one more
   * place than thresholds): paths whose lowest (highest) ratio fell there, as difference counts
   */
  belowHits: Int32Array;
  aboveHits: Int32Array;
  /** per path unit (plan.pathUnits order): paths that margin-called / liquidated it */
  marginCalls: Int32Array;
  liquidations: Int32Array;
  anyLiquidation: Uint8Array;
  done: Uint8Array;
  warnings: string[];
  /** mb, mm: per unit (unitAt writes them); pathMb: the balance of each per-path unit, compact */
  scratch: { x: Float64Array; lo: Float64Array; hi: Float64Array; eps: Float64Array; mb: Float64Array; mm: Float64Array; pathMb: Float64Array; mc: Uint8Array; liq: Uint8Array };
}

export type RunStart = { ok: true; run: VarRun } | { ok: false; error: string };

function checkParams(p: VarParams): string | null {
  if (!(p.horizonDays > 0) || p.horizonDays > 365) return `horizon: expected 0 < days ≤ 365, found ${p.horizonDays}`;
  if (!Number.isInteger(p.stepsPerDay) || p.stepsPerDay < 1 || p.stepsPerDay > 24) return `steps per day: expected a whole number from 1 to 24, found ${p.stepsPerDay}`;
  if (!Number.isInteger(p.paths) || p.paths < 1 || p.paths > 1_000_000) return `paths: expected a whole number from 1 to 1,000,000, found ${p.paths}`;
  if (!Number.isInteger(p.seed)) return `seed: expected a whole number, found ${p.seed}`;
  if (p.confidences.length === 0) return 'confidence: give at least one level';
  for (const c of p.confidences) if (!(c > 0.5 && c < 1)) return `confidence: expected a level between 0.5 and 1 (0.99 = 99%), found ${c}`;
  if (!(p.marginCallHF >= 1)) return `margin-call level: expected at least 1, found ${p.marginCallHF}`;
  return null;
}

/** The plan of a model for a set of moving underlyings and a margin-call level, kept for the next run. */
const plans = new WeakMap<ExposureModel, { key: string; plan: RunPlan }>();

function planFor(model: ExposureModel, isMoving: Uint8Array, marginCallHF: number, everyUnit: boolean): RunPlan {
  const key = `${isMoving.join('')}|${marginCallHF}|${everyUnit}`;
  const hit = plans.get(model);
  if (hit && hit.key === key) return hit.plan;
  const plan = planRun(model, isMoving, marginCallHF, everyUnit);
  plans.set(model, { key, plan });
  return plan;
}

function allocate(model: ExposureModel, params: VarParams, source: Source, isMoving: Uint8Array, steps: number, paths: number, warnings: string[]): VarRun {
  const units = model.units.length;
  const u = model.underlyings.length;
  const plan = planFor(model, isMoving, params.marginCallHF, params.everyUnitPerPath === true);
  const k = Math.min(paths, Math.max(...params.confidences.map((c) => tailCount(paths, c))));
  const maxFactors = source.kind === 'monte-carlo' ? source.sampler.factors : 0;
  return {
    model, params, source, plan, steps, paths, k, warnings,
    bookPnl: new Float64Array(paths),
    tails: new Float64Array(plan.pathUnits.length * k),
    tailSize: new Int32Array(plan.pathUnits.length),
    tailMin: new Float64Array(plan.pathUnits.length).fill(-Infinity),
    lowMin: new Float64Array(u).fill(-Infinity),
    highMin: new Float64Array(u).fill(-Infinity),
    low: new Float64Array(u * k),
    lowSize: new Int32Array(u),
    high: new Float64Array(u * k),
    highSize: new Int32Array(u),
    belowHits: new Int32Array(plan.below.t.length + u),
    aboveHits: new Int32Array(plan.above.t.length + u),
    marginCalls: new Int32Array(plan.pathUnits.length),
    liquidations: new Int32Array(plan.pathUnits.length),
    anyLiquidation: new Uint8Array(paths),
    done: new Uint8Array(paths),
    scratch: {
      x: new Float64Array(u).fill(1),
      lo: new Float64Array(u),
      hi: new Float64Array(u),
      eps: new Float64Array(maxFactors),
      mb: new Float64Array(units),
      mm: new Float64Array(units),
      pathMb: new Float64Array(plan.pathUnits.length),
      mc: new Uint8Array(plan.pathUnits.length),
      liq: new Uint8Array(plan.pathUnits.length),
    },
  };
}

function heldWarnings(model: ExposureModel): string[] {
  const note = heldNote(model);
  return note ? [note] : [];
}

/** The checked market and its sampler, kept for the next run with the same market (the preview re-runs often). */
let lastMarket: { key: string; value: { ok: true; vols: Float64Array; sampler: Sampler } | { ok: false; error: string } } | null = null;

function marketFor(market: MarketInput, underlyings: string[]): { ok: true; vols: Float64Array; sampler: Sampler } | { ok: false; error: string } {
  const key = JSON.stringify([market, underlyings]);
  if (lastMarket?.key === key) return lastMarket.value;
  const value = ((): { ok: true; vols: Float64Array; sampler: Sampler } | { ok: false; error: string } => {
    const read = readMarket(market, underlyings);
    if (!read.ok) return read;
    const chol = cholesky(read.correlation, underlyings);
    if (!chol.ok) return chol;
    const moving = Int32Array.from(underlyings.keys()).filter((u) => read.vols[u]! > 0);
    return { ok: true, vols: read.vols, sampler: buildSampler(read.correlation, underlyings.length, moving) };
  })();
  lastMarket = { key, value };
  return value;
}

export function startMonteCarlo(model: ExposureModel, market: MarketInput, params: VarParams): RunStart {
  const problem = checkParams(params);
  if (problem) return { ok: false, error: problem };
  const read = marketFor(market, model.underlyings);
  if (!read.ok) return read;
  const steps = Math.max(1, Math.round(params.horizonDays * params.stepsPerDay));
  const dt = params.horizonDays / steps / 365;
  const isMoving = Uint8Array.from(read.vols, (v) => (v > 0 ? 1 : 0));
  const stepSd = read.vols.map((v) => v * Math.sqrt(dt));
  const drift = read.vols.map((v) => -0.5 * v * v * dt);
  const source: Source = { kind: 'monte-carlo', sampler: read.sampler, stepSd, drift, lognormal: params.returns === 'lognormal', years: dt };
  return { ok: true, run: allocate(model, params, source, isMoving, steps, params.paths, heldWarnings(model)) };
}

/** Historical simulation: each path is a window of `horizonDays` consecutive dates, one step a day. */
export function startHistorical(model: ExposureModel, table: ReturnsTable, params: Omit<VarParams, 'paths' | 'seed' | 'stepsPerDay' | 'returns'>): RunStart {
  const days = Math.round(params.horizonDays);
  const paths = table.dates.length - days + 1;
  const full: VarParams = { ...params, horizonDays: days, stepsPerDay: 1, paths: Math.max(paths, 1), seed: 0, returns: 'normal' };
  const problem = checkParams(full);
  if (problem) return { ok: false, error: problem };
  if (paths < 1) return { ok: false, error: `${table.source}: ${table.dates.length} date(s) give no window of ${days} day(s)` };
  const at = new Map(table.assets.map((a, i) => [a.toUpperCase(), i]));
  const columns = Int32Array.from(model.underlyings, (u) => at.get(u) ?? -1);
  const warnings = heldWarnings(model);
  const missing = model.underlyings.filter((u, i) => columns[i] === -1 && !isStablecoin(u));
  if (missing.length > 0) warnings.push(`${table.source} has no returns for ${missing.join(', ')}: held at today's price`);
  let gaps = 0;
  for (const v of table.returns) if (Number.isNaN(v)) gaps++;
  if (gaps > 0) warnings.push(`${table.source}: ${gaps} missing date × asset value(s) taken as a 0 return`);
  const source: Source = { kind: 'historical', returns: table.returns, columns, assets: table.assets.length };
  const isMoving = Uint8Array.from(columns, (c) => (c >= 0 ? 1 : 0));
  return { ok: true, run: allocate(model, full, source, isMoving, days, paths, warnings) };
}

function stepPrices(run: VarRun, path: number, step: number, rng: ReturnType<typeof createRng> | null): void {
  const { x, eps } = run.scratch;
  const moving = run.plan.moving;
  const s = run.source;
  if (s.kind === 'historical') {
    const row = (path + step) * s.assets;
    for (let j = 0; j < moving.length; j++) {
      const u = moving[j]!;
      const r = s.returns[row + s.columns[u]!]!;
      x[u] = x[u]! * (1 + (Number.isNaN(r) ? 0 : r));
    }
    return;
  }
  const { sampler, stepSd, drift, lognormal } = s;
  const { start, col, val } = sampler;
  for (let f = 0; f < sampler.factors; f++) eps[f] = rng!.normal();
  for (let j = 0; j < moving.length; j++) {
    const u = moving[j]!;
    let z = 0;
    const end = start[j + 1]!;
    for (let k = start[j]!; k < end; k++) z += val[k]! * eps[col[k]!]!;
    if (lognormal) x[u] = x[u]! * Math.exp(stepSd[u]! * z + drift[u]!);
    else x[u] = Math.max(0, x[u]! + stepSd[u]! * z);
  }
}

/**
 * Offers a value to heap h (of k) in `heaps`; `mins` keeps each full heap's smallest value in one
 * compact array, so that the common case — a value that does not make the k worst — reads no heap.
 */
function offer(heaps: Float64Array, sizes: Int32Array, mins: Float64Array, h: number, k: number, value: number): void {
  if (value <= mins[h]!) return;
  const size = heapOffer(heaps, h * k, sizes[h]!, k, value);
  sizes[h] = size;
  if (size === k) mins[h] = heaps[h * k]!;
}

/** Simulates paths first .. first+count-1 into the run. */
export function runPaths(run: VarRun, first: number, count: number): void {
  const { model, params, steps, k, plan } = run;
  const { x, lo, hi, mb, mm, mc, liq, pathMb } = run.scratch;
  const { moving, pathUnits, bookSlope, needLow, needHigh, below, above, anyBelow, anyAbove, mmBound } = plan;
  const { pathConstant, pathExpStart, pathExpSlope, pathExpUnderlying } = plan;
  const bounds = BOUND_RATIOS.length;
  const tailMin = run.tailMin;
  const pathMb0 = plan.pathMb0;
  const { belowHits, aboveHits, lowMin, highMin } = run;
  const { belowTop, aboveBottom } = plan;
  const end = Math.min(run.paths, first + count);
  const mcLevel = params.marginCallHF;
  const stepYears = run.source.kind === 'monte-carlo' ? run.source.years : 1 / 365;
  let alwaysAny = 0;
  for (const v of plan.alwaysLiquidated) alwaysAny |= v;
  for (let p = first; p < end; p++) {
    if (run.done[p]) continue;
    const rng = run.source.kind === 'monte-carlo' ? createRng(params.seed, p) : null;
    for (let j = 0; j < moving.length; j++) {
      const u = moving[j]!;
      x[u] = 1;
      lo[u] = Infinity;
      hi[u] = -Infinity;
    }
    mc.fill(0);
    liq.fill(0);
    for (let s = 0; s < steps; s++) {
      stepPrices(run, p, s, rng);
      let top = 0;
      for (let j = 0; j < moving.length; j++) {
        const u = moving[j]!;
        const v = x[u]!;
        if (v < lo[u]!) lo[u] = v;
        if (v > hi[u]!) hi[u] = v;
        if (v > top) top = v;
      }
      let level = -1;
      for (let l = 0; l < BOUND_RATIOS.length; l++) {
        if (top <= BOUND_RATIOS[l]!) {
          level = l;
          break;
        }
      }
      const years = (s + 1) * stepYears;
      for (let j = 0; j < pathUnits.length; j++) {
        const i = pathUnits[j]!;
        if (level >= 0) {
          // the balance alone first: far from both levels, the MM is not needed
          let balance = pathConstant[j]!;
          const last = pathExpStart[j + 1]!;
          for (let e = pathExpStart[j]!; e < last; e++) balance += pathExpSlope[e]! * x[pathExpUnderlying[e]!]!;
          if (balance > mcLevel * mmBound[j * bounds + level]!) {
            pathMb[j] = balance;
            continue;
          }
        }
        unitAt(model, i, x, years, mb, mm);
        const m = mm[i]!;
        const b = mb[i]!;
        pathMb[j] = b;
        if (m > 0) {
          if (b <= m) liq[j] = 1;
          if (b < mcLevel * m) mc[j] = 1;
        }
      }
    }
    let book = 0;
    let any = alwaysAny;
    for (let j = 0; j < moving.length; j++) {
      const u = moving[j]!;
      const v = x[u]!;
      book += bookSlope[u]! * (v - 1);
      if (needLow[u] && -v > lowMin[u]!) offer(run.low, run.lowSize, lowMin, u, k, -v);
      if (needHigh[u] && v > highMin[u]!) offer(run.high, run.highSize, highMin, u, k, v);
      // a unit with x ≤ t reached its level when the lowest ratio did; one with x ≥ t, the highest
      // most paths stay clear of every threshold: no search then (it would land past the last one)
      // a path clear of every threshold of u (the common case) needs no lookup
      if (lo[u]! <= belowTop[u]!) belowHits[firstAtOrAbove(below, u, lo[u]!) + u]! += 1;
      if (hi[u]! >= aboveBottom[u]!) aboveHits[firstAbove(above, u, hi[u]!) + u]! += 1;
      if (lo[u]! <= anyBelow[u]! || hi[u]! >= anyAbove[u]!) any = 1;
    }
    for (let j = 0; j < pathUnits.length; j++) {
      const pnl = pathMb[j]! - pathMb0[j]!;
      book += pnl;
      if (-pnl > tailMin[j]!) offer(run.tails, run.tailSize, tailMin, j, k, -pnl);
      run.marginCalls[j]! += mc[j]!;
      run.liquidations[j]! += liq[j]!;
      any |= liq[j]!;
    }
    run.bookPnl[p] = book;
    run.anyLiquidation[p] = any;
    run.done[p] = 1;
  }
}

export function pathsDone(run: VarRun): number {
  let n = 0;
  for (const d of run.done) n += d;
  return n;
}

const money = (v: number) => v.toFixed(2);
const share = (hits: number, n: number) => (hits / n).toFixed(6);

function tails(worst: Float64Array, n: number, confidences: number[]): TailFigures[] {
  return confidences.map((c) => {
    const t = tailFromWorst(worst, n, c);
    return { confidence: String(c), var: money(t.var), es: money(t.es) };
  });
}

export type VarOutcome = { ok: true; report: VarReport } | { ok: false; error: string };

/** Per unit: paths on which it was liquidated and margin-called, from the per-path counts and the thresholds. */
function levelCounts(run: VarRun): { liquidations: Int32Array; marginCalls: Int32Array } {
  const { plan, paths, model } = run;
  const liquidations = new Int32Array(model.units.length);
  const marginCalls = new Int32Array(model.units.length);
  plan.pathUnits.forEach((i, j) => {
    liquidations[i] = run.liquidations[j]!;
    marginCalls[i] = run.marginCalls[j]!;
  });
  const add = (owner: number, hits: number) => ((owner & 1) === 0 ? liquidations : marginCalls)[owner >> 1]! += hits;
  const { below, above } = plan;
  for (let u = 0; u < model.underlyings.length; u++) {
    // a path whose lowest ratio fell at place j reached every threshold from j on
    let running = 0;
    for (let idx = below.start[u]!; idx < below.start[u + 1]!; idx++) {
      running += run.belowHits[idx + u]!;
      add(below.owner[idx]!, running);
    }
    // a path whose highest ratio stopped before place j reached every threshold before j
    running = 0;
    for (let idx = above.start[u + 1]! - 1; idx >= above.start[u]!; idx--) {
      running += run.aboveHits[idx + 1 + u]!;
      add(above.owner[idx]!, running);
    }
  }
  for (const i of plan.thresholdUnits) {
    if (plan.alwaysLiquidated[i]) liquidations[i] = paths;
    if (plan.alwaysMarginCall[i]) marginCalls[i] = paths;
  }
  return { liquidations, marginCalls };
}

/** VaR and ES of a unit with PnL s·(x − 1), from its worst end ratios (worst first). */
function slopeTails(ends: Float64Array, s: number, n: number, confidences: number[]): TailFigures[] {
  return confidences.map((c) => {
    const m = Math.min(tailCount(n, c), ends.length);
    let sum = 0;
    for (let j = 0; j < m; j++) sum += -(s * (ends[j]! - 1));
    return { confidence: String(c), var: money(-(s * (ends[m - 1]! - 1))), es: money(sum / m) };
  });
}

/** Per unit: VaR and ES at each confidence. */
function unitTails(run: VarRun): TailFigures[][] {
  const { model, plan, k, paths, params } = run;
  const out: TailFigures[][] = new Array<TailFigures[]>(model.units.length);
  plan.pathUnits.forEach((i, j) => (out[i] = tails(sortedDescending(run.tails, j * k, run.tailSize[j]!), paths, params.confidences)));
  const lows = new Map<number, Float64Array>();
  const highs = new Map<number, Float64Array>();
  const none = params.confidences.map((c) => ({ confidence: String(c), var: money(0), es: money(0) }));
  plan.thresholdUnits.forEach((i, j) => {
    const u = plan.thresholdUnderlying[j]!;
    const s = plan.thresholdSlope[j]!;
    if (u < 0 || s === 0) {
      out[i] = none;
      return;
    }
    // PnL s·(x − 1): a long's worst losses are the lowest end ratios, a short's the highest
    let ends: Float64Array;
    if (s > 0) {
      ends = lows.get(u) ?? sortedDescending(run.low, u * k, run.lowSize[u]!).map((v) => -v);
      lows.set(u, ends);
    } else {
      ends = highs.get(u) ?? sortedDescending(run.high, u * k, run.highSize[u]!);
      highs.set(u, ends);
    }
    out[i] = slopeTails(ends, s, paths, params.confidences);
  });
  return out;
}

/** Labels and today's balances as text, made once per model (a big book has tens of thousands of units). */
const texts = new WeakMap<ExposureModel, { labels: string[]; marginBalances: string[] }>();

function unitTexts(model: ExposureModel): { labels: string[]; marginBalances: string[] } {
  let t = texts.get(model);
  if (!t) {
    t = { labels: model.units.map(unitLabel), marginBalances: Array.from(model.mb0, money) };
    texts.set(model, t);
  }
  return t;
}

export function finishRun(run: VarRun): VarOutcome {
  const done = pathsDone(run);
  if (done < run.paths) return { ok: false, error: `the run has ${done} of ${run.paths} paths; it was stopped before the end` };
  const { model, params, paths } = run;
  const losses = run.bookPnl.map((v) => -v);
  const counts = levelCounts(run);
  const unitTailFigures = unitTails(run);
  const text = unitTexts(model);
  const none = share(0, paths);
  const units: UnitRisk[] = model.units.map((u, i) => ({
    account: u.account,
    unit: u.unit,
    label: text.labels[i]!,
    marginBalance: text.marginBalances[i]!,
    tails: unitTailFigures[i]!,
    pMarginCall: counts.marginCalls[i] === 0 ? none : share(counts.marginCalls[i]!, paths),
    pLiquidation: counts.liquidations[i] === 0 ? none : share(counts.liquidations[i]!, paths),
  }));
  let anyLiq = 0;
  for (const a of run.anyLiquidation) anyLiq += a;
  const mb = model.mb0.reduce((s, v) => s + v, 0);
  return {
    ok: true,
    report: {
      method: run.source.kind,
      paths,
      horizonDays: params.horizonDays,
      steps: run.steps,
      seed: run.source.kind === 'monte-carlo' ? params.seed : null,
      convention: QUANTILE_CONVENTION,
      book: { marginBalance: money(mb), tails: tails(sortedDescending(losses), paths, params.confidences), pAnyLiquidation: share(anyLiq, paths) },
      units,
      pnl: run.bookPnl.slice(),
      warnings: run.warnings,
    },
  };
}
