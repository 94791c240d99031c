import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExposureModel, unitAt, type ExposureModel } from '../../src/engine/risk/exposure';
import type { MarketInput } from '../../src/engine/risk/market';
import { finishRun, runPaths, startMonteCarlo, type VarParams, type VarRun } from '../../src/engine/risk/montecarlo';
import { BOUND_RATIOS } from '../../src/engine/risk/plan';
import { createRng } from '../../src/engine/risk/prng';
import { tailFromWorst } from '../../src/engine/risk/tail';
import type { VarReport } from '../../src/engine/risk/types';
import { AS_OF, spot } from '../engine/helpers';
import { PARAMS, market, perpArb, perpRow } from './helpers';

/**
 * The engine runs paths in blocks side by side (pathBlock.ts), keeps only each unit's k worst
 * losses (topK.ts), looks thresholds up in a grid (thresholdTable.ts) and sums every confidence's ES
 * in one pass (finish.ts). None of that may change a figure: here a path at a time, every value
 * kept, full sorts and a scan of every threshold give the same report to the last bit (toBe / toEqual,
 * no tolerance). The plan (which units are settled by thresholds) is the engine's own: plan.ts is
 * checked against every unit on every path in shortcuts.test.ts.
 *
 * Paths may start from a what-if's prices (run.start, ratios to today's): PnL is then measured from
 * the balance there, and a unit already at a level there has reached it on every path.
 */
function reference(run: VarRun): Omit<VarReport, 'convention' | 'warnings' | 'method' | 'seed' | 'horizonDays' | 'steps'> {
  const { model, plan, params, paths, steps } = run;
  const source = run.source;
  if (source.kind !== 'monte-carlo') throw new Error('reference: Monte Carlo only');
  const { sampler, stepSd, drift, lognormal, years } = source;
  const u = model.underlyings.length;
  const J = plan.pathUnits.length;
  const mcLevel = params.marginCallHF;
  const bookPnl = new Float64Array(paths);
  const unitLosses = Array.from({ length: J }, () => new Float64Array(paths));
  const ends = Array.from({ length: u }, () => new Float64Array(paths));
  const liqHits = new Int32Array(model.units.length);
  const mcHits = new Int32Array(model.units.length);
  let anyHits = 0;
  const mb = new Float64Array(model.units.length);
  const mm = new Float64Array(model.units.length);
  const startMb = new Float64Array(model.units.length);
  const startMm = new Float64Array(model.units.length);
  model.units.forEach((_, i) => unitAt(model, i, run.start, 0, startMb, startMm));
  const atStart = (i: number, level: number) => startMm[i]! > 0 && (level === 1 ? startMb[i]! <= startMm[i]! : startMb[i]! < level * startMm[i]!);
  for (let p = 0; p < paths; p++) {
    const rng = createRng(params.seed, p);
    const x = Float64Array.from(run.start);
    const lo = new Float64Array(u).fill(Infinity);
    const hi = new Float64Array(u).fill(-Infinity);
    const pathMb = new Float64Array(J);
    const liq = new Uint8Array(J);
    const mc = new Uint8Array(J);
    for (let s = 0; s < steps; s++) {
      const eps = Array.from({ length: sampler.factors }, () => rng.normal());
      plan.moving.forEach((und, j) => {
        let z = 0;
        for (let k = sampler.start[j]!; k < sampler.start[j + 1]!; k++) z += sampler.val[k]! * eps[sampler.col[k]!]!;
        x[und] = lognormal ? x[und]! * Math.exp(stepSd[und]! * z + drift[und]!) : Math.max(0, x[und]! + stepSd[und]! * z);
      });
      let top = 0;
      for (const und of plan.moving) {
        lo[und] = Math.min(lo[und]!, x[und]!);
        hi[und] = Math.max(hi[und]!, x[und]!);
        top = Math.max(top, x[und]!);
      }
      const level = BOUND_RATIOS.findIndex((r) => top <= r);
      plan.pathUnits.forEach((i, j) => {
        let balance = plan.pathConstant[j]!;
        for (let e = plan.pathExpStart[j]!; e < plan.pathExpStart[j + 1]!; e++) balance += plan.pathExpSlope[e]! * x[plan.pathExpUnderlying[e]!]!;
        if (level >= 0 && balance > mcLevel * plan.mmBound[j * BOUND_RATIOS.length + level]!) {
          pathMb[j] = balance;
          return;
        }
        unitAt(model, i, x, (s + 1) * years, mb, mm);
        pathMb[j] = mb[i]!;
        if (mm[i]! > 0 && mb[i]! <= mm[i]!) liq[j] = 1;
        if (mm[i]! > 0 && mb[i]! < mcLevel * mm[i]!) mc[j] = 1;
      });
    }
    let book = 0;
    for (const und of plan.moving) {
      book += plan.bookSlope[und]! * (x[und]! - run.start[und]!);
      ends[und]![p] = x[und]!;
    }
    let any = false;
    plan.pathUnits.forEach((i, j) => {
      const pnl = pathMb[j]! - startMb[i]!;
      book += pnl;
      unitLosses[j]![p] = -pnl;
      liqHits[i]! += liq[j]!;
      mcHits[i]! += mc[j]!;
      if (liq[j]) any = true;
    });
    // every threshold scanned: x ≤ t is reached when the path's lowest ratio is, x ≥ t when its highest is
    const hit = (owner: number) => {
      if ((owner & 1) === 0) {
        liqHits[owner >> 1]! += 1;
        any = true;
      } else {
        mcHits[owner >> 1]! += 1;
      }
    };
    for (let und = 0; und < u; und++) {
      for (let idx = plan.below.start[und]!; idx < plan.below.start[und + 1]!; idx++) if (lo[und]! <= plan.below.t[idx]!) hit(plan.below.owner[idx]!);
      for (let idx = plan.above.start[und]!; idx < plan.above.start[und + 1]!; idx++) if (hi[und]! >= plan.above.t[idx]!) hit(plan.above.owner[idx]!);
    }
    if (plan.alwaysLiquidated.includes(1) || model.units.some((_, i) => atStart(i, 1))) any = true;
    if (any) anyHits++;
    bookPnl[p] = book;
  }
  for (const i of plan.thresholdUnits) {
    if (plan.alwaysLiquidated[i]) liqHits[i] = paths;
    if (plan.alwaysMarginCall[i]) mcHits[i] = paths;
  }
  model.units.forEach((_, i) => {
    if (atStart(i, 1)) liqHits[i] = paths;
    if (atStart(i, mcLevel)) mcHits[i] = paths;
  });
  const descending = (values: Float64Array) => Float64Array.from(values).sort().reverse();
  const tails = (worst: Float64Array) =>
    params.confidences.map((c) => {
      const t = tailFromWorst(worst, paths, c);
      return { confidence: String(c), var: t.var.toFixed(2), es: t.es.toFixed(2) };
    });
  const unitTails: VarReport['units'][number]['tails'][] = [];
  plan.pathUnits.forEach((i, j) => (unitTails[i] = tails(descending(unitLosses[j]!))));
  plan.thresholdUnits.forEach((i, j) => {
    const und = plan.thresholdUnderlying[j]!;
    const s = plan.thresholdSlope[j]!;
    unitTails[i] = und < 0 || s === 0 ? tails(new Float64Array(paths)) : tails(descending(ends[und]!.map((v) => -(s * (v - run.start[und]!)))));
  });
  return {
    paths,
    book: { marginBalance: startMb.reduce((a, v) => a + v, 0).toFixed(2), tails: tails(descending(bookPnl.map((v) => -v))), pAnyLiquidation: (anyHits / paths).toFixed(6) },
    units: model.units.map((unit, i) => ({
      account: unit.account,
      unit: unit.unit,
      label: '',
      marginBalance: startMb[i]!.toFixed(2),
      tails: unitTails[i]!,
      pMarginCall: (mcHits[i]! / paths).toFixed(6),
      pLiquidation: (liqHits[i]! / paths).toFixed(6),
    })),
    pnl: bookPnl,
  };
}

function engine(model: ExposureModel, m: MarketInput, params: VarParams, chunks: number[], start?: Float64Array): { report: VarReport; expected: ReturnType<typeof reference> } {
  const started = startMonteCarlo(model, m, params, start);
  if (!started.ok) throw new Error(started.error);
  const expected = reference(started.run);
  for (let i = 0; i < chunks.length; i += 2) runPaths(started.run, chunks[i]!, chunks[i + 1]!);
  runPaths(started.run, 0, params.paths);
  const done = finishRun(started.run);
  if (!done.ok) throw new Error(done.error);
  return { report: done.report, expected };
}

describe('block engine = a path at a time, bit for bit', () => {
  it('random books, levels, steps, confidences and chunks (property)', () => {
    fc.assert(
      fc.property(
        fc.array(perpArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('binance', 'generic'),
        fc.record({
          seed: fc.integer({ min: 0, max: 10_000 }),
          paths: fc.integer({ min: 1, max: 700 }),
          stepsPerDay: fc.integer({ min: 1, max: 3 }),
          horizonDays: fc.integer({ min: 1, max: 3 }),
          confidences: fc.constantFrom<number[]>([0.99, 0.975], [0.9, 0.99], [0.95]),
          marginCallHF: fc.constantFrom(1, 1.25, 1.5),
          returns: fc.constantFrom('lognormal' as const, 'normal' as const),
          everyUnitPerPath: fc.boolean(),
        }),
        fc.array(fc.nat({ max: 700 }), { maxLength: 6 }),
        // where the paths start, per underlying of the model (BTC, ETH, SOL, USDT): today's prices,
        // or a what-if's; USDT has no volatility in this market, so it stays where it starts
        fc.option(fc.tuple(fc.constantFrom(1, 0.7, 0.95, 1.3), fc.constantFrom(1, 0.8, 1.6), fc.constantFrom(1, 0.5), fc.constantFrom(1, 0.97)), { nil: undefined }),
        (positions, venue, p, chunks, startAt) => {
          const rows = [
            spot('USDT', '2000', '1', { venue, account: 'a' }),
            spot('USDT', '2500', '1', { venue, account: 'b' }),
            ...positions.map((q) => perpRow(venue, q)),
          ];
          const model = buildExposureModel({ source: 'test.csv', rows }, new Map(), AS_OF);
          const start = startAt && Float64Array.from(model.underlyings, (name) => startAt[['BTC', 'ETH', 'SOL', 'USDT'].indexOf(name)]!);
          const { report, expected } = engine(model, market({ BTC: 0.9, ETH: 1.1, SOL: 1.4 }), { ...PARAMS, ...p }, chunks, start);
          expect(report.book).toEqual(expected.book);
          expect(Array.from(report.pnl)).toEqual(Array.from(expected.pnl));
          report.units.forEach((unit, i) => {
            const want = expected.units[i]!;
            expect(unit.tails).toEqual(want.tails);
            expect(unit.pMarginCall).toBe(want.pMarginCall);
            expect(unit.pLiquidation).toBe(want.pLiquidation);
            expect(unit.marginBalance).toBe(want.marginBalance);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
