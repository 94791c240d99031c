import { cents } from './cents';
import { unitLabel, type ExposureModel } from './exposure';
import type { VarRun } from './montecarlo';
import { QUANTILE_CONVENTION, tailCount } from './tail';
import { giveBack } from './runBuffers';
import { largest, selectLargest } from './topK';
import type { TailFigures, UnitRisk, VarReport } from './types';

/**
 * The report of a finished run (float64 statistics, money as text with 2 decimals): VaR and ES of
 * the book and of every unit, and the share of paths that margin-called or liquidated each unit.
 */

/** toFixed(2), faster (cents.ts) */
const money = cents;
const share = (hits: number, n: number) => (hits / n).toFixed(6);

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
 * end ratios x of a unit whose loss is −s·(x − 1).
 */
function tailsOf(worst: Float64Array, levels: Levels, slope: number | null): TailFigures[] {
  const out = new Array<TailFigures>(levels.counts.length);
  let sum = 0;
  let at = 0;
  for (const c of levels.byCount) {
    const m = Math.min(levels.counts[c]!, worst.length);
    if (slope === null) for (; at < m; at++) sum += worst[at]!;
    else for (; at < m; at++) sum += -(slope * (worst[at]! - 1));
    const last = slope === null ? worst[m - 1]! : -(slope * (worst[m - 1]! - 1));
    out[c] = { confidence: levels.labels[c]!, var: money(last), es: money(sum / m) };
  }
  return out;
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

/**
 * Per unit: VaR and ES at each level. A threshold unit's PnL is s·(x − 1), so its worst losses are
 * its underlying's lowest end ratios (a long) or highest (a short), shared by all its units.
 */
function unitTails(run: VarRun, levels: Levels): TailFigures[][] {
  const { model, plan } = run;
  const out: TailFigures[][] = new Array<TailFigures[]>(model.units.length);
  for (let j = 0; j < plan.pathUnits.length; j++) out[plan.pathUnits[j]!] = tailsOf(largest(run.unitWorst, j), levels, null);
  // per underlying, made on first use: lowest end ratios (worst first) for longs, highest for shorts
  const lows = new Array<Float64Array | undefined>(model.underlyings.length);
  const highs = new Array<Float64Array | undefined>(model.underlyings.length);
  const none = levels.labels.map((c) => ({ confidence: c, var: money(0), es: money(0) }));
  for (let j = 0; j < plan.thresholdUnits.length; j++) {
    const i = plan.thresholdUnits[j]!;
    const u = plan.thresholdUnderlying[j]!;
    const s = plan.thresholdSlope[j]!;
    if (u < 0 || s === 0) {
      out[i] = none;
      continue;
    }
    let ends: Float64Array;
    if (s > 0) {
      ends = lows[u] ?? (lows[u] = negated(largest(run.lows, u)));
    } else {
      ends = highs[u] ?? (highs[u] = largest(run.highs, u));
    }
    out[i] = tailsOf(ends, levels, s);
  }
  return out;
}

function negated(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = -values[i]!;
  return values;
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
  if (run.outcome) return run.outcome;
  let done = 0;
  for (const d of run.done) done += d;
  if (done < run.paths) return { ok: false, error: `the run has ${done} of ${run.paths} paths; it was stopped before the end` };
  run.outcome = report(run);
  giveBack(run.buffers);
  return run.outcome;
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

function report(run: VarRun): VarOutcome {
  const { model, params, paths } = run;
  const levels = levelsOf(params.confidences, paths);
  const counts = levelCounts(run);
  const unitTailFigures = unitTails(run, levels);
  const text = unitTexts(model);
  // many units share a count (0 most of all): each share is written once
  const shares = new Map<number, string>();
  const zero = share(0, paths);
  const shareOf = (hits: number): string => {
    if (hits === 0) return zero;
    let t = shares.get(hits);
    if (t === undefined) shares.set(hits, (t = share(hits, paths)));
    return t;
  };
  const units = new Array<UnitRisk>(model.units.length);
  for (let i = 0; i < units.length; i++) {
    const u = model.units[i]!;
    units[i] = {
      account: u.account,
      unit: u.unit,
      label: text.labels[i]!,
      marginBalance: text.marginBalances[i]!,
      tails: unitTailFigures[i]!,
      pMarginCall: shareOf(counts.marginCalls[i]!),
      pLiquidation: shareOf(counts.liquidations[i]!),
    };
  }
  let anyLiq = 0;
  for (const a of run.anyLiquidation) anyLiq += a;
  let mb = 0;
  for (let i = 0; i < model.mb0.length; i++) mb += model.mb0[i]!;
  return {
    ok: true,
    report: {
      method: run.source.kind,
      paths,
      horizonDays: params.horizonDays,
      steps: run.steps,
      seed: run.source.kind === 'monte-carlo' ? params.seed : null,
      convention: QUANTILE_CONVENTION,
      book: { marginBalance: money(mb), tails: tailsOf(worstLosses(run.bookPnl, Math.max(...levels.counts)), levels, null), pAnyLiquidation: share(anyLiq, paths) },
      units,
      pnl: run.bookPnl,
      warnings: run.warnings,
    },
  };
}
