/**
 * `npm run bench`: the what-if recompute on synthetic books (1k, 10k, 100k positions over 100 /
 * 1,000 / 10,000 accounts). For one scenario change it reports the fast path's p50/p95, the ratio to
 * an all-decimal recompute and to a bare float64 loop over the same rows, and the reconciliation
 * error (largest |fast - decimal| margin balance). Compare ratios: absolute times move with the
 * machine's load. Then the other bench/*.ts modules run: imported, each either runs on import (risk,
 * cascade) or exports a `run()` that is called (curves, options).
 */
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { Dec } from '../src/engine/decimal';
import { evaluatePortfolio } from '../src/engine/evaluate';
import { compileScenario, evaluateFast, prepareFastBook, allocateFigures } from '../src/engine/fast';
import { prepareScenario } from '../src/engine/scenario';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type Portfolio, type Scenario } from '../src/engine/types';
import { prepareAccounts } from '../src/engine/units';
import { importPortfolio } from '../src/import';
import { generatePortfolioCsv } from './generate';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

function load(positions: number, accounts: number): Portfolio {
  const imported = importPortfolio({ fileName: 'bench.csv', content: generatePortfolioCsv(positions, accounts) });
  if (!imported.ok) throw new Error('generated portfolio did not import');
  return imported.portfolio;
}

const scenarioAt = (step: number): Scenario => ({ ...EMPTY_SCENARIO, shocks: [['BTC', new Dec(-Math.abs(step)).div(200).toFixed()]] });

/** The floor any engine pays: one multiply-add per row over the same typed arrays. */
function bareLoop(mark: Float64Array, qcs: Float64Array, factor: number): number {
  let sum = 0;
  for (let i = 0; i < mark.length; i++) sum += qcs[i]! * mark[i]! * factor;
  return sum;
}

async function main(): Promise<void> {
  const table: Array<Record<string, string | number>> = [];
  for (const [positions, accounts] of [[1_000, 100], [10_000, 1_000], [100_000, 10_000]] as const) {
    const portfolio = load(positions, accounts);
    const book = prepareFastBook(prepareAccounts(portfolio, new Map(), { asOf: new Date().toISOString(), volShock: 0, days: 0 }));
    const out = allocateFigures(book);
    const times: number[] = [];
    for (let step = -30; step < 200; step++) {
      const t = performance.now();
      const checked = prepareScenario(scenarioAt(step % 120), DEFAULT_THRESHOLDS);
      if (!checked.ok) throw new Error(checked.error);
      evaluateFast(book, compileScenario(book, checked.scenario), out);
      if (step >= 0) times.push(performance.now() - t); // the first 30 warm the JIT up

    }
    const bare: number[] = [];
    let sink = 0;
    for (let step = 0; step < 200; step++) {
      const t = performance.now();
      sink += bareLoop(book.rowMark, book.rowQcs, 1 - step / 1000);
      bare.push(performance.now() - t);
    }
    // all-decimal: measured at 1k and 10k; at 100k one run would take minutes, so it is extrapolated
    // linearly from the 10k run (the decimal engine is linear in rows: bench history, ×10 per ×10)
    let decimalMs: number;
    let decimalNote = 'measured';
    let worst = 0;
    const scenario = scenarioAt(37);
    if (positions <= 10_000) {
      const t = performance.now();
      const result = evaluatePortfolio({ portfolio, scenario, asOf: '2026-01-01T00:00:00Z' });
      decimalMs = performance.now() - t;
      if (!result.ok) throw new Error(result.error);
      const checked = prepareScenario(scenario, DEFAULT_THRESHOLDS);
      if (!checked.ok) throw new Error(checked.error);
      const f = evaluateFast(book, compileScenario(book, checked.scenario));
      const index = new Map(book.units.map((u, i) => [`${u.account}\u0000${u.id}`, i]));
      for (const a of result.report.accounts) {
        for (const u of a.units) {
          const i = index.get(`${a.account}\u0000${u.unit}`)!;
          worst = Math.max(worst, Math.abs(new Dec(u.marginBalance).minus(f.unitMarginBalance[i]!).toNumber()), Math.abs(new Dec(u.maintenanceMargin).minus(f.unitMaintenance[i]!).toNumber()));
        }
      }
    } else {
      decimalMs = Number(table[table.length - 1]!['all-decimal ms']) * (positions / 10_000);
      decimalNote = 'extrapolated from 10k';
    }
    const p95 = percentile(times, 0.95);
    table.push({
      positions,
      accounts,
      'fast p50 ms': percentile(times, 0.5).toFixed(2),
      'fast p95 ms': p95.toFixed(2),
      'all-decimal ms': decimalMs.toFixed(0),
      'decimal / fast p95': `×${(decimalMs / p95).toFixed(0)} (${decimalNote})`,
      'fast p95 / bare loop p95': `×${(p95 / percentile(bare, 0.95)).toFixed(1)}`,
      'max |fast − decimal| (MB, MM)': positions <= 10_000 ? worst.toExponential(1) : 'n/a',
    });
    if (sink === 42) console.log(''); // keeps the bare loop from being optimised away
  }
  console.table(table);
  console.log('targets at 100k: fast p95 <= 5 ms, >= 40x faster than all-decimal; reconciliation <= 0.005');

  // other benchmark modules: importing runs those that run on import; those exporting run() are called
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const file of readdirSync(here).filter((f) => f.endsWith('.ts') && !['run.ts', 'generate.ts', 'gen.ts'].includes(f) && !f.startsWith('ui'))) {
    const mod = (await import(pathToFileURL(path.join(here, file)).href)) as { run?: () => Promise<void> };
    if (typeof mod.run === 'function') {
      console.log(`\n== ${file}`);
      await mod.run();
    }
  }
}

await main();
