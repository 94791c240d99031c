/**
 * Risk benchmark: Monte Carlo VaR over a synthetic book of 100k positions on 200 underlyings
 * (bench/generate.ts, each account's assets renamed into one of 40 groups: 5 × 40 = 200 names, plus
 * USDT collateral). Targets (issue 5): 10k paths ≤ 0.5 s, a 1k-path preview ≤ 50 ms. Medians (p50)
 * of a few runs, wall clock and this process's CPU time. The fast book (the worker's fast session
 * lays it out once per load, for the sliders) and the exposure model built from it (once per load,
 * on the first risk request) are timed on their own, as is a run's first start (market and plan,
 * kept for the runs after it). Each timed run is also split into start, run and finish (medians).
 *
 * The machine is shared: a bare loop of multiply-adds over typed arrays is timed in the same run, so
 * the figures can be read as multiples of what this machine does per simple operation right now.
 * Run: npx tsx bench/risk.ts
 */
import { performance } from 'node:perf_hooks';
import { prepareFastBook } from '../src/engine/fast';
import { exposureFromBook } from '../src/engine/risk/exposure';
import { defaultMarket } from '../src/engine/risk/market';
import { finishFigures, runPaths, startMonteCarlo, type VarParams } from '../src/engine/risk/montecarlo';
import { riskWhatIf } from '../src/engine/risk/whatIf';
import { prepareScenario } from '../src/engine/scenario';
import { EMPTY_SCENARIO } from '../src/engine/types';
import { prepareAccounts } from '../src/engine/units';
import { importPortfolio } from '../src/import';
import { generatePortfolioCsv, mulberry32 } from './generate';

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

interface Timing {
  wall: number;
  cpu: number;
}

function p50(runs: number, fn: () => void): Timing {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    walls.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpus.push((used.user + used.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return { wall: mid(walls), cpu: mid(cpus) };
}

/** ns per multiply-add of a bare typed-array loop (the machine's speed right now). */
function bareLoopNs(): number {
  const n = 6000;
  const random = mulberry32(7);
  const index = Int32Array.from({ length: n }, (_, i) => (i * 7) % 201);
  const weight = Float64Array.from({ length: n }, () => random());
  const x = new Float64Array(201).fill(1.01);
  let sink = 0;
  const rounds = 5000;
  const t = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) sink += weight[i]! * x[index[i]!]!;
    x[r % 201]! += 1e-9;
  }
  const ns = ((performance.now() - t) * 1e6) / (n * rounds);
  if (sink === 42) console.log('');
  return ns;
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

/** Wall ms of each phase of the runs timed (start, run, finish), for the breakdown. */
const phases: Record<number, number[][]> = {};

function monteCarlo(paths: number): void {
  const t0 = performance.now();
  const started = startMonteCarlo(model, market, params(paths));
  if (!started.ok) throw new Error(started.error);
  const t1 = performance.now();
  runPaths(started.run, 0, paths);
  const t2 = performance.now();
  if (!finishFigures(started.run).ok) throw new Error('run did not finish');
  (phases[paths] ??= []).push([t1 - t0, t2 - t1, performance.now() - t2]);
}

/** Median wall ms of start / run / finish over the runs of `paths` paths. */
function breakdown(paths: number): string {
  const runs = phases[paths] ?? [];
  const mid = (k: number) => runs.map((r) => r[k]!).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return `start ${mid(0).toFixed(1)} + run ${mid(1).toFixed(1)} (${((mid(1) * 1000) / paths).toFixed(1)} µs a path) + finish ${mid(2).toFixed(1)} ms`;
}

const ts = performance.now();
const first = startMonteCarlo(model, market, params(1000));
const firstStartMs = performance.now() - ts;
if (!first.ok) throw new Error(first.error);
const { plan } = first.run;
monteCarlo(1000); // warm-up
delete phases[1000];
const full = p50(3, () => monteCarlo(10_000));
const preview = p50(5, () => monteCarlo(1_000));
// a preview that follows the what-if (the worker's path for a slider step): the scenario checked, the
// model under it (collateral and cuts: made once, kept), the start ratios, then the run; each step
// moves BTC0 further, as a drag does
const whatIfName = model.underlyings.find((u) => u.startsWith('BTC'))!;
let step = 0;
const whatIfPreview = p50(7, () => {
  step++;
  const scenario = { ...EMPTY_SCENARIO, shocks: [[whatIfName, String(-0.01 * step)] as [string, string]], addCollateral: [['acct1', '5000'] as [string, string]] };
  const prepared = prepareScenario(scenario, { targetHF: '1.25', marginCallHF: '1.25' });
  if (!prepared.ok) throw new Error(prepared.error);
  const w = riskWhatIf(model, book, prepared.scenario);
  const started = startMonteCarlo(w.model, market, params(1000), w.start);
  if (!started.ok) throw new Error(started.error);
  runPaths(started.run, 0, 1000);
  if (!finishFigures(started.run).ok) throw new Error('run did not finish');
});
// a preview after the margin-call level changed: a new plan (a crossing per unit), kept after
const tm = performance.now();
const moved = startMonteCarlo(model, market, { ...params(1000), marginCallHF: 1.4 });
const newLevelMs = performance.now() - tm;
if (!moved.ok) throw new Error(moved.error);
const bare = bareLoopNs();
const row = (what: string, t: Timing | number, target: string) =>
  typeof t === 'number' ? { what, 'p50 wall ms': t.toFixed(0), 'p50 cpu ms': '—', target } : { what, 'p50 wall ms': t.wall.toFixed(1), 'p50 cpu ms': t.cpu.toFixed(1), target };
console.table([
  row('fast book (shared with the sliders, once per load)', bookMs, '—'),
  row('exposure model from the fast book (once per load)', buildMs, '—'),
  row("a run's first start (market check, sampler, plan; kept)", firstStartMs, '—'),
  row('a start with a new margin-call level (new plan; kept)', newLevelMs, '—'),
  row('Monte Carlo 10k paths (start + run + finish)', full, '≤ 500'),
  row('preview 1k paths (start + run + finish)', preview, '≤ 50'),
  row('preview 1k paths from a what-if slider step (+ scenario, model kept)', whatIfPreview, '≤ 50'),
]);
console.log(
  `${positions} positions, ${model.units.length} units, ${model.underlyings.length} underlyings (${plan.moving.length} moving), ${model.expUnderlying.length} unit × underlying exposures; ` +
    `${plan.pathUnits.length} units evaluated per path, ${plan.thresholdUnits.length} settled by thresholds; ${first.run.source.kind === 'monte-carlo' ? first.run.source.sampler.val.length : 0} sampler terms per step`,
);
console.log(`medians, 10k: ${breakdown(10_000)}; 1k: ${breakdown(1000)}`);
console.log(`bare multiply-add loop right now: ${bare.toFixed(2)} ns (an idle recent x86 core: ~0.5 ns)`);
console.log(
  `ratios: 10k / 1k paths ×${(full.wall / preview.wall).toFixed(1)} (×10 is linear); 10k vs target ×${(full.wall / 500).toFixed(2)}; 1k vs target ×${(preview.wall / 50).toFixed(2)}; 1k from a what-if vs target ×${(whatIfPreview.wall / 50).toFixed(2)}; ` +
    `10k wall / cpu ×${(full.wall / full.cpu).toFixed(2)} (above 1: waiting for a core)`,
);
