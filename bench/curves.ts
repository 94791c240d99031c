/**
 * Chart data timings (`npm run bench` runs it; alone: `npx tsx bench/curves.ts [sizes]`). For 1k /
 * 10k / 100k generated positions:
 * - preparation: the chart sums on the fast book the worker already holds (the layout itself is
 *   shown apart: the slider channel pays it once per load), against the decimal pieces of every
 *   unit the charts used to build (measured up to 10k, extrapolated linearly at 100k);
 * - one scenario change: the fast figures, every position's liquidation price (float64 solver),
 *   and the chart data the page asks for (riskiest unit's decimal curve, ladder, PnL), each part's
 *   median apart, and the whole against the fast figures alone; and what the distance-to-liquidation
 *   alert asks for (fast figures and every unit's liquidation shock, no rows);
 * - every unit's decimal curve at once (up to 10k).
 * Medians in one process; read the ratios, the machine's load moves absolute times.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chartData, portfolioCurves, prepareCharts } from '../src/engine/curves';
import { compileScenario, evaluateFast, prepareFastBook } from '../src/engine/fast';
import { solveLiquidation } from '../src/engine/fast/liquidation';
import { movingSegments } from '../src/engine/liquidation';
import { prepareScenario } from '../src/engine/scenario';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO } from '../src/engine/types';
import { prepareAccounts, type PreparedAccount } from '../src/engine/units';
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

/** What the charts prepared before they moved onto the fast book: decimal pieces per unit and underlying. */
function decimalPieces(accounts: readonly PreparedAccount[]): number {
  let segments = 0;
  for (const account of accounts) {
    for (const unit of account.units) {
      const marks = unit.rows.map((r) => r.mark);
      for (const underlying of new Set(unit.rows.map((r) => r.src.underlying))) {
        segments += movingSegments(unit, marks, unit.rows.map((r) => r.src.underlying === underlying)).length;
      }
    }
  }
  return segments;
}

// a slider drag: the `all` move walks through -1% ... -10%
function scenarioAt(i: number) {
  const checked = prepareScenario({ ...EMPTY_SCENARIO, all: String(-(i % 10) / 100 - 0.01) }, DEFAULT_THRESHOLDS);
  if (!checked.ok) throw new Error(checked.error);
  return checked.scenario;
}

export async function run(sizes: number[] = [1_000, 10_000, 100_000]): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  let decimalPerRow = NaN;
  for (const positions of sizes) {
    const accountCount = Math.max(10, positions / 10);
    const imported = importPortfolio({ fileName: 'bench.csv', content: generatePortfolioCsv(positions, accountCount) });
    if (!imported.ok) throw new Error('generated portfolio did not import');
    const accounts = prepareAccounts(imported.portfolio, new Map(), { asOf: new Date().toISOString(), volShock: 0, days: 0 });
    const layoutMs = time(1, () => prepareFastBook(accounts));
    const book = prepareFastBook(accounts);
    const prepareMs = time(3, () => prepareCharts(book));
    const prepared = prepareCharts(book);
    let decimalMs: number;
    let note = 'measured';
    if (positions <= 10_000) {
      decimalMs = time(1, () => decimalPieces(accounts));
      decimalPerRow = decimalMs / positions;
    } else {
      decimalMs = decimalPerRow * positions;
      note = 'extrapolated';
    }
    // one scenario change, as the worker does it (its cache misses: every step is a new scenario)
    const fastMs: number[] = [];
    const solveMs: number[] = [];
    const chartMs: number[] = [];
    const changeMs = time(7, (i) => {
      const scenario = scenarioAt(i);
      const t0 = performance.now();
      const compiled = compileScenario(book, scenario);
      const figures = evaluateFast(book, compiled);
      const t1 = performance.now();
      const liquidation = solveLiquidation(book, compiled, figures);
      const t2 = performance.now();
      chartData(prepared, { scenario, unit: null, fast: { compiled, figures, liquidation } });
      fastMs.push(t1 - t0);
      solveMs.push(t2 - t1);
      chartMs.push(performance.now() - t2);
    });
    // what the distance-to-liquidation alert asks for: every unit's liquidation shock, no rows
    const unitsOnlyMs = time(5, (i) => {
      const compiled = compileScenario(book, scenarioAt(i));
      solveLiquidation(book, compiled, evaluateFast(book, compiled), { rows: false });
    });
    const curvesMs = positions <= 10_000 ? time(1, (i) => portfolioCurves(prepared, scenarioAt(i))) : NaN;
    rows.push({
      positions,
      units: book.unitCount,
      'fast book ms (worker, once)': layoutMs.toFixed(0),
      'chart prep ms (once)': prepareMs.toFixed(1),
      'decimal pieces ms (old prep)': `${decimalMs.toFixed(0)} (${note})`,
      'old prep / new prep': `×${(decimalMs / prepareMs).toFixed(0)}`,
      'per change ms': changeMs.toFixed(1),
      'of which: fast figures ms': median(fastMs).toFixed(1),
      'liquidation solve ms': median(solveMs).toFixed(1),
      'chart data ms': median(chartMs).toFixed(1),
      'per change / fast figures': `×${(changeMs / median(fastMs)).toFixed(1)}`,
      'alert shocks ms (fast + units only)': unitsOnlyMs.toFixed(1),
      'all units curves ms (decimal)': Number.isNaN(curvesMs) ? 'n/a' : curvesMs.toFixed(0),
    });
  }
  console.table(rows);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await run(process.argv[2] ? process.argv[2].split(',').map(Number) : undefined);
}
