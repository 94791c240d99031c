import { cholesky } from './cholesky';
import { unitsAt, unitLabel, type ExposureModel } from './exposure';
import { HELD_NOTE } from './held';
import { readMarket, type MarketInput } from './market';
import { createRng } from './prng';
import { QUANTILE_CONVENTION, heapOffer, sortedDescending, tailCount, tailFromWorst } from './tail';
import type { ReturnsTable, TailFigures, UnitRisk, VarReport } from './types';
import { isStablecoin } from '../stablecoins';

/**
 * VaR, expected shortfall and path-based margin-call / liquidation probabilities over a horizon,
 * by Monte Carlo or historical simulation (float64 statistics over the exposure model).
 *
 * A run is made, fed paths in chunks (any split: each path draws from its own stream, see prng.ts),
 * then finished; so the worker can report progress and stop between chunks.
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
}

type Source =
  | { kind: 'monte-carlo'; lower: Float64Array; stepSd: Float64Array; drift: Float64Array; lognormal: boolean }
  | { kind: 'historical'; returns: Float64Array; columns: Int32Array; assets: number };

export interface VarRun {
  model: ExposureModel;
  params: VarParams;
  source: Source;
  steps: number;
  paths: number;
  k: number;
  bookPnl: Float64Array;
  tails: Float64Array;
  tailSize: Int32Array;
  marginCalls: Int32Array;
  liquidations: Int32Array;
  anyLiquidation: Uint8Array;
  done: Uint8Array;
  warnings: string[];
  scratch: { x: Float64Array; eps: Float64Array; mb: Float64Array; mm: Float64Array; mc: Uint8Array; liq: Uint8Array };
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

function allocate(model: ExposureModel, params: VarParams, source: Source, steps: number, paths: number, warnings: string[]): VarRun {
  const units = model.units.length;
  const k = Math.max(...params.confidences.map((c) => tailCount(paths, c)));
  return {
    model, params, source, steps, paths, k, warnings,
    bookPnl: new Float64Array(paths),
    tails: new Float64Array(units * k),
    tailSize: new Int32Array(units),
    marginCalls: new Int32Array(units),
    liquidations: new Int32Array(units),
    anyLiquidation: new Uint8Array(paths),
    done: new Uint8Array(paths),
    scratch: {
      x: new Float64Array(model.underlyings.length),
      eps: new Float64Array(model.underlyings.length),
      mb: new Float64Array(units),
      mm: new Float64Array(units),
      mc: new Uint8Array(units),
      liq: new Uint8Array(units),
    },
  };
}

function heldWarnings(model: ExposureModel): string[] {
  return model.held.length > 0 ? [`${model.held.length} option row(s): ${HELD_NOTE}`] : [];
}

export function startMonteCarlo(model: ExposureModel, market: MarketInput, params: VarParams): RunStart {
  const problem = checkParams(params);
  if (problem) return { ok: false, error: problem };
  const read = readMarket(market, model.underlyings);
  if (!read.ok) return read;
  const chol = cholesky(read.correlation, model.underlyings);
  if (!chol.ok) return chol;
  const steps = Math.max(1, Math.round(params.horizonDays * params.stepsPerDay));
  const dt = params.horizonDays / steps / 365;
  const stepSd = read.vols.map((v) => v * Math.sqrt(dt));
  const drift = read.vols.map((v) => -0.5 * v * v * dt);
  const source: Source = { kind: 'monte-carlo', lower: chol.lower, stepSd, drift, lognormal: params.returns === 'lognormal' };
  return { ok: true, run: allocate(model, params, source, steps, params.paths, heldWarnings(model)) };
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
  return { ok: true, run: allocate(model, full, source, days, paths, warnings) };
}

function stepPrices(run: VarRun, path: number, step: number, rng: ReturnType<typeof createRng> | null): void {
  const { x, eps } = run.scratch;
  const n = x.length;
  const s = run.source;
  if (s.kind === 'historical') {
    const row = (path + step) * s.assets;
    for (let u = 0; u < n; u++) {
      const c = s.columns[u]!;
      const r = c < 0 ? 0 : s.returns[row + c]!;
      x[u] = x[u]! * (1 + (Number.isNaN(r) ? 0 : r));
    }
    return;
  }
  for (let u = 0; u < n; u++) eps[u] = rng!.normal();
  const { lower, stepSd, drift, lognormal } = s;
  for (let u = 0; u < n; u++) {
    const sd = stepSd[u]!;
    if (sd === 0) continue;
    let z = 0;
    const base = u * n;
    for (let j = 0; j <= u; j++) z += lower[base + j]! * eps[j]!;
    if (lognormal) x[u] = x[u]! * Math.exp(sd * z + drift[u]!);
    else x[u] = Math.max(0, x[u]! + sd * z);
  }
}

/** Simulates paths first .. first+count-1 into the run. */
export function runPaths(run: VarRun, first: number, count: number): void {
  const { model, params, steps, k } = run;
  const { x, mb, mm, mc, liq } = run.scratch;
  const units = model.units.length;
  const end = Math.min(run.paths, first + count);
  const mcLevel = params.marginCallHF;
  for (let p = first; p < end; p++) {
    if (run.done[p]) continue;
    const rng = run.source.kind === 'monte-carlo' ? createRng(params.seed, p) : null;
    x.fill(1);
    mc.fill(0);
    liq.fill(0);
    for (let s = 0; s < steps; s++) {
      stepPrices(run, p, s, rng);
      unitsAt(model, x, mb, mm);
      for (let i = 0; i < units; i++) {
        const m = mm[i]!;
        if (m > 0) {
          if (mb[i]! <= m) liq[i] = 1;
          if (mb[i]! < mcLevel * m) mc[i] = 1;
        }
      }
    }
    let book = 0;
    let any = 0;
    for (let i = 0; i < units; i++) {
      const pnl = mb[i]! - model.mb0[i]!;
      book += pnl;
      run.tailSize[i] = heapOffer(run.tails, i * k, run.tailSize[i]!, k, -pnl);
      run.marginCalls[i]! += mc[i]!;
      run.liquidations[i]! += liq[i]!;
      any |= liq[i]!;
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

export function finishRun(run: VarRun): VarOutcome {
  const done = pathsDone(run);
  if (done < run.paths) return { ok: false, error: `the run has ${done} of ${run.paths} paths; it was stopped before the end` };
  const { model, params, paths, k } = run;
  const losses = run.bookPnl.map((v) => -v);
  const units: UnitRisk[] = model.units.map((u, i) => ({
    account: u.account,
    unit: u.unit,
    label: unitLabel(u),
    marginBalance: money(model.mb0[i]!),
    tails: tails(sortedDescending(run.tails, i * k, run.tailSize[i]!), paths, params.confidences),
    pMarginCall: share(run.marginCalls[i]!, paths),
    pLiquidation: share(run.liquidations[i]!, paths),
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
