/**
 * `tsx bench/cascade.ts [ACCOUNTS]`: a liquidation cascade over a seeded book (default 100k
 * accounts) for 10 rounds. Prints the one-off preparation per portfolio (import, prepared book: the
 * worker caches it) apart from the cascade itself, whose target is <= 1 s. Times are medians in one
 * process; compare them as ratios, the machine's noise moves absolute times.
 */
import { performance } from 'node:perf_hooks';
import { prepareCascadeBook, runCascade } from '../src/engine/cascade';
import { EMPTY_SCENARIO } from '../src/engine/types';
import { importPortfolio } from '../src/import';
import { cascadeBookCsv } from '../scripts/make-cascade-sample';

function timed<T>(fn: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

const accounts = Number(process.argv[2] ?? 100_000);
const csv = cascadeBookCsv(accounts, 11);
const imported = timed(() => importPortfolio({ fileName: 'bench.csv', content: csv }));
if (!imported.result.ok) throw new Error('generated book did not import');
const portfolio = imported.result.portfolio;
const book = timed(() => prepareCascadeBook(portfolio, new Map()));
// depth per underlying scaled with the book, so that the cascade keeps going for its 10 rounds
const scale = accounts / 1000;
const params = {
  impact: [
    { underlying: 'BTC', model: 'sqrt' as const, depth: String(2_000_000 * scale), coefficient: '0.02' },
    { underlying: 'ETH', model: 'linear' as const, depth: String(1_500_000 * scale) },
    { underlying: 'SOL', model: 'linear' as const, depth: String(500_000 * scale) },
  ],
  feeRate: '0.01',
  fund: String(50_000 * scale),
  partial: { kind: 'full' as const },
  maxRounds: 10,
};
const scenario = { ...EMPTY_SCENARIO, shocks: [['BTC', '-0.08'], ['ETH', '-0.1'], ['SOL', '-0.12']] as Array<[string, string]> };
runCascade({ book: book.result, scenario, params }); // warm-up
const runs = [0, 1, 2].map(() => timed(() => runCascade({ book: book.result, scenario, params })));
runs.sort((a, b) => a.ms - b.ms);
const median = runs[1]!;
if (!median.result.ok) throw new Error(median.result.error);
const r = median.result.result;
console.table([{
  accounts,
  units: r.units,
  rows: portfolio.rows.length,
  'import ms': imported.ms.toFixed(0),
  'prepare book ms (cached per portfolio)': book.ms.toFixed(0),
  rounds: r.rounds.length,
  liquidations: r.liquidations.round.length,
  'ADL events': r.adl.unit.length,
  'cascade ms (median of 3)': median.ms.toFixed(0),
}]);
console.log(`cascade: ${(median.ms / 1000).toFixed(2)} s for ${r.rounds.length} rounds (target <= 1 s for 100k accounts x 10 rounds)`);
