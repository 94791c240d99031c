/**
 * `tsx bench/cascade.ts [ACCOUNTS]` (and `npm run bench`): a liquidation cascade over a seeded book
 * (default 100k accounts, the shape of issue 6) for 10 rounds. Reports, in one process:
 * - the one-off preparation per portfolio, step by step: the import, the decimal preparation of
 *   every row with the fast path's float layout (the worker holds these for the what-if sliders
 *   already), and the cascade's own book on that layout (cached in the worker per portfolio);
 * - the cascade itself (10 rounds), whose target is <= 1 s.
 * Wall and CPU times are medians of 3; on a shared machine compare the ratios, not absolute times.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { cascadeBookOf, runCascade, type CascadeParams } from '../src/engine/cascade';
import { prepareFastBook } from '../src/engine/fast';
import { HELD_AT_MARK, holdOptionsAtMark } from '../src/engine/options/repricing';
import { EMPTY_SCENARIO, type Scenario } from '../src/engine/types';
import { prepareAccounts } from '../src/engine/units';
import { importPortfolio } from '../src/import';
import { cascadeBookCsv } from '../scripts/make-cascade-sample';

interface Timed<T> {
  ms: number;
  cpuMs: number;
  result: T;
}

function timed<T>(fn: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, cpuMs: process.cpuUsage(cpu).user / 1000, result };
}

function median<T>(fn: () => T, runs = 3): Timed<T> {
  const all = Array.from({ length: runs }, () => timed(fn)).sort((a, b) => a.ms - b.ms);
  return all[Math.floor(runs / 2)]!;
}

export function cascadeBenchParams(accounts: number): CascadeParams {
  // depth per underlying scaled with the book, so that the cascade keeps going for its 10 rounds
  const scale = accounts / 1000;
  return {
    impact: [
      { underlying: 'BTC', model: 'sqrt', depth: String(2_000_000 * scale), coefficient: '0.02' },
      { underlying: 'ETH', model: 'linear', depth: String(1_500_000 * scale) },
      { underlying: 'SOL', model: 'linear', depth: String(500_000 * scale) },
    ],
    feeRate: '0.01',
    fund: String(50_000 * scale),
    partial: { kind: 'full' },
    maxRounds: 10,
  };
}

export const CASCADE_BENCH_SCENARIO: Scenario = { ...EMPTY_SCENARIO, shocks: [['BTC', '-0.08'], ['ETH', '-0.1'], ['SOL', '-0.12']] };

export async function run(accounts = 100_000): Promise<void> {
  const csv = cascadeBookCsv(accounts, 11);
  const imported = timed(() => importPortfolio({ fileName: 'bench.csv', content: csv }));
  if (!imported.result.ok) throw new Error('generated book did not import');
  const portfolio = holdOptionsAtMark(imported.result.portfolio);
  const layout = median(() => prepareFastBook(prepareAccounts(portfolio, new Map(), HELD_AT_MARK)), 1);
  const book = median(() => cascadeBookOf(layout.result));
  const params = cascadeBenchParams(accounts);
  runCascade({ book: book.result, scenario: CASCADE_BENCH_SCENARIO, params }); // warm-up
  const cascade = median(() => runCascade({ book: book.result, scenario: CASCADE_BENCH_SCENARIO, params }));
  if (!cascade.result.ok) throw new Error(cascade.result.error);
  const r = cascade.result.result;
  const ms = (t: Timed<unknown>) => `${t.ms.toFixed(0)} (cpu ${t.cpuMs.toFixed(0)})`;
  console.log(`\nLiquidation cascade: ${accounts.toLocaleString('en-US')} accounts, ${r.units.toLocaleString('en-US')} units, ${portfolio.rows.length.toLocaleString('en-US')} rows; ${r.rounds.length} rounds, ${r.liquidations.round.length} liquidations, ${r.adl.unit.length} ADL events`);
  console.table([
    { step: 'import CSV (once per file)', 'ms (cpu)': ms(imported), 'x cascade': (imported.ms / cascade.ms).toFixed(2) },
    { step: 'decimal rows + fast layout (once per portfolio; the worker holds it for what-if)', 'ms (cpu)': ms(layout), 'x cascade': (layout.ms / cascade.ms).toFixed(2) },
    { step: 'cascade book on the layout (once per portfolio, cached)', 'ms (cpu)': ms(book), 'x cascade': (book.ms / cascade.ms).toFixed(2) },
    { step: 'cascade, 10 rounds (per run)', 'ms (cpu)': ms(cascade), 'x cascade': '1.00' },
  ]);
  console.log(`cascade: ${(cascade.ms / 1000).toFixed(2)} s wall, ${(cascade.cpuMs / 1000).toFixed(2)} s cpu = ${(cascade.ms / 1000).toFixed(2)} x the 1 s target`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run(Number(process.argv[2] ?? 100_000));
