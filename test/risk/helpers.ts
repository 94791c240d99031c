import fc from 'fast-check';
import { buildExposureModel } from '../../src/engine/risk/exposure';
import { finishRun, runPaths, startMonteCarlo, type VarParams } from '../../src/engine/risk/montecarlo';
import type { MarketInput } from '../../src/engine/risk/market';
import type { PortfolioRow } from '../../src/engine/types';
import type { VarReport } from '../../src/engine/risk/types';
import { AS_OF, row } from '../engine/helpers';

export const PARAMS: VarParams = { horizonDays: 1, stepsPerDay: 1, confidences: [0.99, 0.975], paths: 1000, seed: 7, returns: 'normal', marginCallHF: 1.25 };

/** A market where every asset has the given annualised vol and no correlation. */
export function market(vols: Record<string, number>): MarketInput {
  const assets = Object.keys(vols);
  return { assets, vols: assets.map((a) => String(vols[a])), correlations: assets.map((a) => assets.map((b) => (a === b ? '1' : '0'))) };
}

/** `start`: price ratios to today's the paths start from, by underlying (1 for any not named). */
export function monteCarlo(rows: PortfolioRow[], m: MarketInput, params: Partial<VarParams> = {}, chunks: number[] | null = null, start: Record<string, number> = {}): VarReport {
  const model = buildExposureModel({ source: 'test.csv', rows }, new Map(), AS_OF);
  const started = startMonteCarlo(model, m, { ...PARAMS, ...params }, Float64Array.from(model.underlyings, (u) => start[u] ?? 1));
  if (!started.ok) throw new Error(started.error);
  const run = started.run;
  if (chunks) {
    // chunks as [first, count] pairs, in any order
    for (let i = 0; i < chunks.length; i += 2) runPaths(run, chunks[i]!, chunks[i + 1]!);
  } else {
    runPaths(run, 0, run.paths);
  }
  const done = finishRun(run);
  if (!done.ok) throw new Error(done.error);
  return done.report;
}

/** Daily vol d as an annualised vol: d × √365 (the engine's convention). */
export const annual = (daily: number) => daily * Math.sqrt(365);

/**
 * A random perp for the engine's property tests: linear at 100 (entry 101), on a Binance tier table or
 * fixed rates, with a maintenance amount (MM 0 at low prices) or not, cross or isolated.
 */
export const perpArb = fc.record({
  asset: fc.constantFrom('BTC', 'ETH', 'SOL'),
  qty: fc.integer({ min: -40, max: 40 }).filter((q) => q !== 0),
  account: fc.constantFrom('a', 'b'),
  isolated: fc.boolean(),
  margin: fc.integer({ min: 20, max: 2000 }),
  cum: fc.constantFrom(null, '5', '40'),
});

type DrawnPerp = typeof perpArb extends fc.Arbitrary<infer T> ? T : never;

/** The row of a drawn perp, in `account` (the drawn one unless given). */
export function perpRow(venue: 'binance' | 'generic', p: DrawnPerp, account: string = p.account): PortfolioRow {
  return row({
    venue,
    account,
    symbol: `${p.asset}USDT`,
    qty: String(p.qty),
    markPrice: '100',
    entryPrice: '101',
    ...(p.cum ? { mmr: '0.01', maintenanceAmount: p.cum } : {}),
    ...(p.isolated ? { marginMode: 'isolated' as const, isolatedMargin: String(p.margin) } : {}),
  });
}
