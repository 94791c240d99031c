import { cents } from './cents';
import { unitLabel, type ExposureModel } from './exposure';
import type { VarRun } from './montecarlo';
import { QUANTILE_CONVENTION, tailCount } from './tail';
import { giveBack } from './runBuffers';
import { largest, selectLargest } from './topK';
import type { TailFigures, UnitIdentity, UnitRisk, VarFigures, VarReport } from './types';

/**
 * The report of a finished run (float64 statistics): VaR and ES of the book and of every unit, and
 * the paths that margin-called or liquidated each unit. The book's figures are text (money with 2
 * decimals); the units' are columns (types.ts UnitColumns), made text by unitRows where rows are
 * wanted (the CLI) and by the page for the rows it shows.
 */

/** toFixed(2), faster (cents.ts) */
const money = cents;
/** A share of paths as the report writes it: 6 decimals. */
export const share = (hits: number, n: number) => (hits / n).toFixed(6);

/**
 * The confidences of a run with m = ⌈N(1−α)⌉ each (tail.ts), and the order that visits them by m
 * ascending: one pass over a unit's worst losses then gives every confidence's ES, each sum being
 * the prefix of the same additions in the same order (so the figures tailFromWorst gives, bit for bit).
 */
interface Levels {
  labels: string[];
  counts: number[];
  byCount: number[];
}

function levelsOf(confidences: number[], n: number): Levels {
  const counts = confidences.map((c) => tailCount(n, c));
  return { labels: confidences.map(String), counts, byCount: counts.map((_, i) => i).sort((a, b) => counts[a]! - counts[b]!) };
}

/**
 * VaR and ES at each level from the worst values, worst first: losses themselves (slope null), or
 * end ratios x of a unit whose loss is −s·(x − x0) (x0: its underlying's start ratio); written at
 * [at · levels + c] of varOut / esOut.
 */
function tailsInto(worst: Float64Array, levels: Levels, slope: number | null, varOut: Float64Array, esOut: Float64Array, at: number, x0 = 1): void {
  const base = at * levels.counts.length;
  let sum = 0;
  let i = 0;
  for (const c of levels.byCount) {
    const m = Math.min(levels.counts[c]!, worst.length);
    if (slope === null) for (; i < m; i++) sum += worst[i]!;
    else for (; i < m; i++) sum += -(slope * (worst[i]! - x0));
    varOut[base + c] = slope === null ? worst[m - 1]! : -(slope * (worst[m - 1]! - x0));
    esOut[base + c] = sum / m;
  }
}

/** The same figures as text (the book's). */
function tailsOf(worst: Float64Array, levels: Levels): TailFigures[] {
  const v = new Float64Array(levels.counts.length);
  const e = new Float64Array(levels.counts.length);
  tailsInto(worst, levels, null, v, e, 0);
  return levels.labels.map((confidence, c) => ({ confidence, var: money(v[c]!), es: money(e[c]!) }));
}

/** The m largest losses (−PnL), worst first: a selection, then a sort of those m only. */
function worstLosses(pnl: Float64Array, m: number): Float64Array {
  const losses = pnl.map((v) => -v);
  const k = Math.min(m, losses.length);
  selectLargest(losses, 0, losses.length, k);
  const out = losses.slice(0, k);
  out.sort();
  out.reverse();
  return out;
}

export type VarOutcome = { ok: true; report: VarReport } | { ok: false; error: string };
export type VarFiguresOutcome = { ok: true; figures: VarFigures } | { ok: false; error: string };

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
  // a unit at a level where the paths start has reached it on every path
  for (let i = 0; i < model.units.length; i++) {
    if (run.startLiquidated[i]) liquidations[i] = paths;
    if (run.startMarginCall[i]) marginCalls[i] = paths;
  }
  return { liquidations, marginCalls };
}

/**
 * Per unit: VaR and ES at each level. A threshold unit's PnL is s·(x − x0), so its worst losses are
 * its underlying's lowest end ratios (a long) or highest (a short), shared by all its units.
 */
function unitTails(run: VarRun, levels: Levels): { var: Float64Array; es: Float64Array } {
  const { model, plan } = run;
  const out = { var: new Float64Array(model.units.length * levels.counts.length), es: new Float64Array(model.units.length * levels.counts.length) };
  for (let j = 0; j < plan.pathUnits.length; j++) tailsInto(largest(run.unitWorst, j), levels, null, out.var, out.es, plan.pathUnits[j]!);
  // per underlying, made on first use: lowest end ratios (worst first) for longs, highest for shorts
  const lows = new Array<Float64Array | undefined>(model.underlyings.length);
  const highs = new Array<Float64Array | undefined>(model.underlyings.length);
  for (let j = 0; j < plan.thresholdUnits.length; j++) {
    const u = plan.thresholdUnderlying[j]!;
    const s = plan.thresholdSlope[j]!;
    // a unit with nothing moving loses nothing: its figures stay 0
    if (u < 0 || s === 0) continue;
    let ends: Float64Array;
    if (s > 0) {
      ends = lows[u] ?? (lows[u] = negated(largest(run.lows, u)));
    } else {
      ends = highs[u] ?? (highs[u] = largest(run.highs, u));
    }
    tailsInto(ends, levels, s, out.var, out.es, plan.thresholdUnits[j]!, run.start[u]!);
  }
  return out;
}

function negated(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = -values[i]!;
  return values;
}

/** The figures of a finished run (kept: a second call gives the same object). */
export function finishFigures(run: VarRun): VarFiguresOutcome {
  if (run.outcome) return run.outcome;
  let done = 0;
  for (const d of run.done) done += d;
  if (done < run.paths) return { ok: false, error: `the run has ${done} of ${run.paths} paths; it was stopped before the end` };
  run.outcome = figures(run);
  giveBack(run.buffers);
  return run.outcome;
}

/** The report with a row of text per unit (the CLI's JSON, tests). */
export function finishRun(run: VarRun): VarOutcome {
  const outcome = finishFigures(run);
  return outcome.ok ? { ok: true, report: unitRows(outcome.figures, run.model.units.map(identityOf)) } : outcome;
}

/**
 * Ends a run that will not be finished (a newer one replaced it): its buffers go to the next run,
 * and it reports that it was replaced instead of running on.
 */
export function abandonRun(run: VarRun): void {
  if (run.outcome) return;
  run.outcome = { ok: false, error: 'that run was replaced by a newer one' };
  giveBack(run.buffers);
}

function figures(run: VarRun): VarFiguresOutcome {
  const { params, paths } = run;
  const levels = levelsOf(params.confidences, paths);
  const counts = levelCounts(run);
  const tails = unitTails(run, levels);
  let anyLiq = 0;
  for (const a of run.anyLiquidation) anyLiq += a;
  let mb = 0;
  for (let i = 0; i < run.startMb.length; i++) mb += run.startMb[i]!;
  return {
    ok: true,
    figures: {
      method: run.source.kind,
      paths,
      horizonDays: params.horizonDays,
      steps: run.steps,
      seed: run.source.kind === 'monte-carlo' ? params.seed : null,
      convention: QUANTILE_CONVENTION,
      book: { marginBalance: money(mb), tails: tailsOf(worstLosses(run.bookPnl, Math.max(...levels.counts)), levels), pAnyLiquidation: share(anyLiq, paths) },
      units: { confidences: levels.labels, marginBalance: run.startMb === run.model.mb0 ? run.startMb.slice() : run.startMb, var: tails.var, es: tails.es, marginCalls: counts.marginCalls, liquidations: counts.liquidations },
      pnl: run.bookPnl,
      warnings: run.warnings,
    },
  };
}

export function identityOf(unit: ExposureModel['units'][number]): UnitIdentity {
  return { account: unit.account, unit: unit.unit, label: unitLabel(unit) };
}

/**
 * The figures with a row of text per unit: money with 2 decimals, shares with 6. Unit i of the
 * columns is units[i].
 */
export function unitRows(f: VarFigures, units: readonly UnitIdentity[]): VarReport {
  const { units: columns, ...summary } = f;
  const levels = columns.confidences.length;
  // many units share a count (0 most of all): each share is written once
  const shares = new Map<number, string>();
  const shareOf = (hits: number): string => {
    let t = shares.get(hits);
    if (t === undefined) shares.set(hits, (t = share(hits, f.paths)));
    return t;
  };
  const rows = units.map((u, i): UnitRisk => ({
    account: u.account,
    unit: u.unit,
    label: u.label,
    marginBalance: money(columns.marginBalance[i]!),
    tails: columns.confidences.map((confidence, c) => ({ confidence, var: money(columns.var[i * levels + c]!), es: money(columns.es[i * levels + c]!) })),
    pMarginCall: shareOf(columns.marginCalls[i]!),
    pLiquidation: shareOf(columns.liquidations[i]!),
  }));
  return { ...summary, units: rows };
}
