/**
 * `npm run bench`: times the importer and the all-decimal engine on synthetic books. Figures are
 * medians of several runs in one process; compare them as ratios (10k vs 1k rows), since the
 * machine's noise moves absolute times from run to run.
 */
import { performance } from 'node:perf_hooks';
import { evaluatePortfolio } from '../src/engine/evaluate';
import { importPortfolio } from '../src/import';
import { generatePortfolioCsv } from './generate';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result = fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const rows: Array<Record<string, string | number>> = [];
for (const positions of [1_000, 10_000]) {
  const csv = generatePortfolioCsv(positions, Math.max(10, positions / 100));
  const imported = time(5, () => importPortfolio({ fileName: 'bench.csv', content: csv }));
  if (!imported.result.ok) throw new Error('generated portfolio did not import');
  const portfolio = imported.result.portfolio;
  const evaluated = time(3, () => evaluatePortfolio({ portfolio, asOf: '2026-01-01T00:00:00Z' }));
  rows.push({
    positions,
    'import ms': imported.ms.toFixed(1),
    'evaluate ms (all decimal)': evaluated.ms.toFixed(1),
    'µs per position': ((imported.ms + evaluated.ms) * 1000 / positions).toFixed(1),
  });
}
console.table(rows);
const [small, large] = rows;
console.log(`scaling 10k / 1k: import ×${(Number(large!['import ms']) / Number(small!['import ms'])).toFixed(1)}, evaluate ×${(Number(large!['evaluate ms (all decimal)']) / Number(small!['evaluate ms (all decimal)'])).toFixed(1)} (×10 is linear)`);
