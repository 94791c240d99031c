/**
 * Risk benchmark: Monte Carlo VaR over a synthetic book of 100k positions on 200 underlyings
 * (bench/generate.ts, each account's assets renamed into one of 40 groups: 5 × 40 = 200 names).
 * Targets (issue 5): 10k paths ≤ 0.5 s, a 1k-path preview ≤ 50 ms. Medians of a few runs. The fast
 * book (the worker's fast session lays it out once per load, for the sliders) and the exposure model
 * built from it (once per load, on the first risk request) are timed on their own.
 * Run: npx tsx bench/risk.ts
 */
import { performance } from 'node:perf_hooks';
import { prepareFastBook } from '../src/engine/fast';
import { exposureFromBook } from '../src/engine/risk/exposure';
import { prepareAccounts } from '../src/engine/units';
import { defaultMarket } from '../src/engine/risk/market';
import { finishRun, runPaths, startMonteCarlo, type VarParams } from '../src/engine/risk/montecarlo';
import { importPortfolio } from '../src/import';
import { generatePortfolioCsv } from './generate';

function withUnderlyings(csv: string, groups: number): string {
  const [header, ...lines] = csv.trimEnd().split('\n');
  return `${header},underlying\n${lines
    .map((line) => {
      const [account, , symbol] = line.split(',');
      const group = Number(account!.replace('acct', '')) % groups;
      return `${line},${symbol === 'USDT' ? 'USDT' : `${symbol!.replace(/USDT$/, '')}${group}`}`;
    })
    .join('\n')}\n`;
}

function median(runs: number, fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const positions = 100_000;
const csv = withUnderlyings(generatePortfolioCsv(positions, positions / 100), 40);
const imported = importPortfolio({ fileName: 'bench.csv', content: csv });
if (!imported.ok) throw new Error(`generated book did not import: ${imported.errors[0]?.message}`);
const t0 = performance.now();
const book = prepareFastBook(prepareAccounts(imported.portfolio, new Map(), { asOf: new Date().toISOString(), volShock: 0, days: 0 }));
const bookMs = performance.now() - t0;
const t1 = performance.now();
const model = exposureFromBook(book);
const buildMs = performance.now() - t1;
const market = defaultMarket(model.underlyings);
const params = (paths: number): VarParams => ({ horizonDays: 1, stepsPerDay: 1, confidences: [0.99, 0.975], paths, seed: 1, returns: 'lognormal', marginCallHF: 1.25 });

function monteCarlo(paths: number): void {
  const started = startMonteCarlo(model, market, params(paths));
  if (!started.ok) throw new Error(started.error);
  runPaths(started.run, 0, paths);
  if (!finishRun(started.run).ok) throw new Error('run did not finish');
}

monteCarlo(1000); // warm-up
const fullMs = median(3, () => monteCarlo(10_000));
const previewMs = median(5, () => monteCarlo(1_000));
console.table([
  { what: 'fast book (shared with the sliders, once per load)', ms: bookMs.toFixed(0), target: '—' },
  { what: 'exposure model from the fast book (once per load)', ms: buildMs.toFixed(0), target: '—' },
  { what: 'Monte Carlo 10k paths', ms: fullMs.toFixed(0), target: '≤ 500' },
  { what: 'preview 1k paths', ms: previewMs.toFixed(1), target: '≤ 50' },
]);
console.log(`${positions} positions, ${model.units.length} units, ${model.underlyings.length} underlyings, ${model.expUnderlying.length} unit × underlying exposures`);
console.log(`ratios: 10k / 1k paths ×${(fullMs / previewMs).toFixed(1)} (×10 is linear); 10k vs target ×${(fullMs / 500).toFixed(2)}; 1k vs target ×${(previewMs / 50).toFixed(2)}`);
