/**
 * Chart data timings (run with `npx tsx bench/curves.ts`): for 1k / 10k / 100k generated positions,
 * the one-off decimal preparation of the per-unit pieces, the scenario-dependent chart data the page
 * asks for on each change (riskiest unit's curve, ladder, PnL), and every unit's HF curve at once.
 * Medians in one process; read them as ratios, the machine's noise moves absolute times.
 */
import { performance } from 'node:perf_hooks';
import { chartData, portfolioCurves, prepareCharts } from '../src/engine/curves';
import { prepareScenario } from '../src/engine/scenario';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO } from '../src/engine/types';
import { prepareAccounts } from '../src/engine/units';
import { importPortfolio } from '../src/import';
import { generatePortfolioCsv } from './generate';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(runs: number, fn: (i: number) => T): number {
  fn(0);
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const rows: Array<Record<string, string | number>> = [];
for (const positions of sizes) {
  const accounts = Math.max(10, positions / 10);
  const imported = importPortfolio({ fileName: 'bench.csv', content: generatePortfolioCsv(positions, accounts) });
  if (!imported.ok) throw new Error('generated portfolio did not import');
  const accountsPrepared = prepareAccounts(imported.portfolio, new Map(), { asOf: new Date().toISOString(), volShock: 0, days: 0 });
  const prepareMs = time(1, () => prepareCharts(accountsPrepared));
  const prepared = prepareCharts(accountsPrepared);
  // a slider drag: the `all` move walks through -1% ... -10%
  const scenarioAt = (i: number) => {
    const checked = prepareScenario({ ...EMPTY_SCENARIO, all: String(-(i % 10) / 100 - 0.01) }, DEFAULT_THRESHOLDS);
    if (!checked.ok) throw new Error(checked.error);
    return checked.scenario;
  };
  const chartsMs = time(5, (i) => chartData(prepared, { scenario: scenarioAt(i), unit: null }));
  const curvesRuns = positions >= 100_000 ? 1 : 3;
  const curvesMs = time(curvesRuns, (i) => portfolioCurves(prepared, scenarioAt(i)));
  rows.push({
    positions,
    accounts,
    units: prepared.units.length,
    'prepare ms (once, decimal)': prepareMs.toFixed(0),
    'chart data ms (per change)': chartsMs.toFixed(1),
    'all units curves ms': curvesMs.toFixed(0),
    'µs per unit curve': ((curvesMs * 1000) / prepared.units.length).toFixed(0),
  });
}
console.table(rows);
