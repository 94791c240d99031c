import { cholesky } from './cholesky';
import { unitAt, type ExposureModel } from './exposure';
import { heldNote } from './held';
import { readMarket, type MarketInput } from './market';
import type { VarFiguresOutcome } from './finish';
import { simulateBlock, type PathBlock } from './pathBlock';
import { planRun, type RunPlan } from './plan';
import { buildSampler, type Sampler } from './sampler';
import { tailCount } from './tail';
import type { TopK } from './topK';
import { takeBuffers, type RunBuffers } from './runBuffers';
import type { ReturnsTable } from './types';
import { isStablecoin } from '../stablecoins';

export { abandonRun, finishFigures, finishRun, unitRows, type VarFiguresOutcome, type VarOutcome } from './finish';

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
 * Paths run in blocks side by side (pathBlock.ts); the report is made in finish.ts.
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
  /** per path unit (plan.pathUnits order): its k worst losses */
  unitWorst: TopK;
  /** per underlying: its k lowest end ratios (as −x) and its k highest */
  lows: TopK;
  highs: TopK;
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
  /** 1 when a unit is liquidated on every path (plan.alwaysLiquidated, or at the start): every path then has one */
  alwaysAny: number;
  /** per underlying: the price ratio to today's every path starts from (1, or a what-if's, whatIf.ts) */
  start: Float64Array;
  /** per unit: margin balance at the start (the base of its PnL), and whether it is liquidated / margin-called there already (then on every path) */
  startMb: Float64Array;
  startLiquidated: Uint8Array;
  startMarginCall: Uint8Array;
  /** per path unit (plan.pathUnits order): startMb */
  pathStartMb: Float64Array;
  done: Uint8Array;
  warnings: string[];
  /** the buffers of a block of paths side by side (pathBlock.ts), reused block after block */
  block: PathBlock;
  /** the big buffers above, given back for the next run when this one is finished (runBuffers.ts) */
  buffers: RunBuffers;
  /** the report, once finished (the buffers are then another run's) */
  outcome: VarFiguresOutcome | null;
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

/**
 * The plans of a model for a few sets of moving underlyings and margin-call levels, kept for the
 * next runs: a plan of a big book is a crossing per unit, and a preview re-runs with the same one.
 */
const plans = new WeakMap<ExposureModel, Map<string, RunPlan>>();
const PLANS_KEPT = 4;

function planFor(model: ExposureModel, isMoving: Uint8Array, marginCallHF: number, everyUnit: boolean, start: Float64Array): RunPlan {
  // a plan reads the start ratios of the underlyings that do not move only (plan.ts)
  let still = '';
  for (let u = 0; u < start.length; u++) if (!isMoving[u] && start[u] !== 1) still += `${u}:${start[u]},`;
  const key = `${isMoving.join('')}|${marginCallHF}|${everyUnit}|${still}`;
  const owner = model.planOf ?? model;
  let kept = plans.get(owner);
  if (!kept) plans.set(owner, (kept = new Map()));
  const hit = kept.get(key);
  if (hit) {
    // most recently used last
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const plan = planRun(model, isMoving, marginCallHF, everyUnit, start);
  kept.set(key, plan);
  if (kept.size > PLANS_KEPT) kept.delete(kept.keys().next().value!);
  return plan;
}

function touchesMoved(model: ExposureModel, i: number, moved: Uint8Array): boolean {
  for (let e = model.expStart[i]!; e < model.expStart[i + 1]!; e++) if (moved[model.expUnderlying[e]!]) return true;
  for (let o = model.optionStart[i]!; o < model.optionStart[i + 1]!; o++) if (moved[model.options[o]!.underlying]) return true;
  return false;
}

/** Every unit at the start ratios: its balance (the base of its PnL) and whether it is at a level already. */
function startFigures(model: ExposureModel, start: Float64Array, marginCallHF: number): Pick<VarRun, 'startMb' | 'startLiquidated' | 'startMarginCall'> {
  const n = model.units.length;
  // a unit with nothing on a moved underlying stands where the model's own figures at x = 1 put it
  // (the same sums): only the others are evaluated again (a slider step moves one of 200 assets)
  const fromToday = start.every((x) => x === 1);
  const startMb = fromToday ? model.mb0 : model.mb0.slice();
  const mm = fromToday ? model.mm0 : model.mm0.slice();
  if (!fromToday) {
    const moved = Uint8Array.from(start, (x) => (x === 1 ? 0 : 1));
    for (let i = 0; i < n; i++) if (touchesMoved(model, i, moved)) unitAt(model, i, start, 0, startMb, mm);
  }
  const startLiquidated = new Uint8Array(n);
  const startMarginCall = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!(mm[i]! > 0)) continue;
    startLiquidated[i] = startMb[i]! <= mm[i]! ? 1 : 0;
    startMarginCall[i] = startMb[i]! < marginCallHF * mm[i]! ? 1 : 0;
  }
  return { startMb, startLiquidated, startMarginCall };
}

function allocate(model: ExposureModel, params: VarParams, source: Source, isMoving: Uint8Array, steps: number, paths: number, warnings: string[], start: Float64Array): VarRun {
  const u = model.underlyings.length;
  const plan = planFor(model, isMoving, params.marginCallHF, params.everyUnitPerPath === true, start);
  const atStart = startFigures(model, start, params.marginCallHF);
  const k = Math.min(paths, Math.max(...params.confidences.map((c) => tailCount(paths, c))));
  const maxFactors = source.kind === 'monte-carlo' ? source.sampler.factors : 0;
  const buffers = takeBuffers(u, maxFactors, plan.pathUnits.length, k);
  return {
    model, params, source, plan, steps, paths, k, warnings,
    bookPnl: new Float64Array(paths),
    unitWorst: buffers.unitWorst,
    lows: buffers.lows,
    highs: buffers.highs,
    belowHits: new Int32Array(plan.below.t.length + u),
    aboveHits: new Int32Array(plan.above.t.length + u),
    marginCalls: new Int32Array(plan.pathUnits.length),
    liquidations: new Int32Array(plan.pathUnits.length),
    anyLiquidation: new Uint8Array(paths),
    alwaysAny: plan.alwaysLiquidated.includes(1) || atStart.startLiquidated.includes(1) ? 1 : 0,
    start,
    ...atStart,
    pathStartMb: Float64Array.from(plan.pathUnits, (i) => atStart.startMb[i]!),
    done: new Uint8Array(paths),
    block: buffers.block,
    buffers,
    outcome: null,
  };
}

function checkStart(model: ExposureModel, start: Float64Array): string | null {
  if (start.length !== model.underlyings.length) return `start prices: expected ${model.underlyings.length} ratios, found ${start.length}`;
  for (let u = 0; u < start.length; u++) if (!(start[u]! > 0 && Number.isFinite(start[u]!))) return `start price of ${model.underlyings[u]}: expected a ratio above 0, found ${start[u]}`;
  return null;
}

function heldWarnings(model: ExposureModel): string[] {
  const note = heldNote(model);
  return note ? [note] : [];
}

type MarketRead = { ok: true; vols: Float64Array; sampler: Sampler } | { ok: false; error: string };

/**
 * The checked market and its sampler, kept for the next run with the same market and underlyings:
 * a preview re-runs on every slider step, and a market of 200 assets is 40,000 correlation texts to
 * read and a factorisation. Compared text by text (a copy is kept: the caller may reuse its arrays).
 */
let lastMarket: { market: MarketInput; underlyings: readonly string[]; value: MarketRead } | null = null;

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  // a malformed table (not arrays) is never the same: readMarket reports it
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameMarket(a: MarketInput, b: MarketInput): boolean {
  if (!sameTexts(a.assets, b.assets) || !sameTexts(a.vols, b.vols) || a.correlations.length !== b.correlations.length) return false;
  for (let i = 0; i < a.correlations.length; i++) if (!sameTexts(a.correlations[i]!, b.correlations[i]!)) return false;
  return true;
}

function marketFor(market: MarketInput, underlyings: string[]): MarketRead {
  if (lastMarket && sameTexts(lastMarket.underlyings, underlyings) && sameMarket(lastMarket.market, market)) return lastMarket.value;
  const value = ((): MarketRead => {
    const read = readMarket(market, underlyings);
    if (!read.ok) return read;
    const chol = cholesky(read.correlation, underlyings);
    if (!chol.ok) return chol;
    const moving = Int32Array.from(underlyings.keys()).filter((u) => read.vols[u]! > 0);
    return { ok: true, vols: read.vols, sampler: buildSampler(read.correlation, underlyings.length, moving) };
  })();
  if (Array.isArray(market.assets) && Array.isArray(market.vols) && Array.isArray(market.correlations)) {
    const copy: MarketInput = { assets: [...market.assets], vols: [...market.vols], correlations: market.correlations.map((row) => (Array.isArray(row) ? [...row] : row)) };
    lastMarket = { market: copy, underlyings: [...underlyings], value };
  }
  return value;
}

/** Today's prices: every ratio 1. */
function todaysPrices(model: ExposureModel): Float64Array {
  return new Float64Array(model.underlyings.length).fill(1);
}

/**
 * A Monte Carlo run. `start`: per underlying, the ratio to today's price the paths start from (a
 * what-if's prices, whatIf.ts); PnL is measured from there.
 */
export function startMonteCarlo(model: ExposureModel, market: MarketInput, params: VarParams, start: Float64Array = todaysPrices(model)): RunStart {
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
  const bad = checkStart(model, start);
  if (bad) return { ok: false, error: bad };
  return { ok: true, run: allocate(model, params, source, isMoving, steps, params.paths, heldWarnings(model), start) };
}

/** Historical simulation: each path is a window of `horizonDays` consecutive dates, one step a day. */
export function startHistorical(model: ExposureModel, table: ReturnsTable, params: Omit<VarParams, 'paths' | 'seed' | 'stepsPerDay' | 'returns'>, start: Float64Array = todaysPrices(model)): RunStart {
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
  const bad = checkStart(model, start);
  if (bad) return { ok: false, error: bad };
  return { ok: true, run: allocate(model, full, source, isMoving, days, paths, warnings, start) };
}

/** Simulates paths first .. first+count-1 into the run (those not done yet), a block at a time (pathBlock.ts). */
export function runPaths(run: VarRun, first: number, count: number): void {
  // a finished or abandoned run has given its buffers to the next one
  if (run.outcome) return;
  const end = Math.min(run.paths, first + count);
  const blk = run.block;
  let n = 0;
  for (let p = first; p < end; p++) {
    if (run.done[p]) continue;
    blk.path[n++] = p;
    if (n === blk.size) {
      simulateBlock(run, blk, n);
      n = 0;
    }
  }
  if (n > 0) simulateBlock(run, blk, n);
}

export function pathsDone(run: VarRun): number {
  let n = 0;
  for (const d of run.done) n += d;
  return n;
}

