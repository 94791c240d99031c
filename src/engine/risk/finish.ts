import { unitLabel, type ExposureModel } from './exposure';
import type { VarRun } from './montecarlo';
import { QUANTILE_CONVENTION, sortedDescending, tailCount, tailFromWorst } from './tail';
import { largest } from './topK';
import type { TailFigures, UnitRisk, VarReport } from './types';

/**
 * The report of a finished run (float64 statistics, money as text with 2 decimals): VaR and ES of
 * the book and of every unit, and the share of paths that margin-called or liquidated each unit.
 */

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
  plan.pathUnits.forEach((i, j) => (out[i] = tails(largest(run.unitWorst, j), paths, params.confidences)));
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
      ends = lows.get(u) ?? largest(run.lows, u).map((v) => -v);
      lows.set(u, ends);
    } else {
      ends = highs.get(u) ?? largest(run.highs, u);
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
  let done = 0;
  for (const d of run.done) done += d;
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
