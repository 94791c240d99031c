/**
 * Option benchmarks (issue 4): the 21 x 11 risk matrix over 100k positions with option repricing,
 * and portfolio greeks for 10k options. `npx tsx bench/options.ts`. Medians of several runs in one
 * process; compare as ratios, absolute times move with the machine's load.
 */
import { performance } from 'node:perf_hooks';
import { portfolioGreeks } from '../src/engine/options/greeks';
import { rectangularGrid } from '../src/engine/options/riskGrid';
import { compileBook, evaluateGrid } from '../src/engine/options/riskMatrix';
import { prepareScenario } from '../src/engine/scenario';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type PortfolioRow } from '../src/engine/types';
import { mulberry32 } from './generate';

const AS_OF = '2026-01-01T00:00:00Z';


function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

const UNDERLYINGS: Array<[string, number]> = [['BTC', 60000], ['ETH', 3000]];

/**
 * `positions` rows over `accounts` accounts: 80% options drawn from a listed-contract universe
 * (2 underlyings x 12 expiries x 31 strikes x call/put, as venues list them), 20% perps.
 * With `distinct`, every option gets its own mark, so no two positions share a contract (worst case).
 */
function book(positions: number, accounts: number, distinct: boolean): PortfolioRow[] {
  const random = mulberry32(7);
  const rows: PortfolioRow[] = [];
  const base = { contractSize: '1', marginMode: 'cross' as const, isolatedMargin: null, leverage: null, imr: null, mmr: null, maintenanceAmount: null, haircut: null };
  for (let i = 0; i < positions; i++) {
    const [u, S] = UNDERLYINGS[Math.floor(random() * UNDERLYINGS.length)]!;
    const account = `acct${i % accounts}`;
    const qty = ((random() - 0.5) * 20).toFixed(2);
    if (random() < 0.2) {
      rows.push({ ...base, line: i + 2, account, venue: 'generic', symbol: `${u}USDT`, type: 'perp', underlying: u, qty, entryPrice: String(S), markPrice: String(S), expiry: null, option: null });
      continue;
    }
    const week = 1 + Math.floor(random() * 12);
    const strike = Math.round(S * (0.55 + 0.03 * Math.floor(random() * 31)));
    const call = random() < 0.5;
    const intrinsic = Math.max(0, call ? S - strike : strike - S);
    const mark = distinct ? (intrinsic + S * 0.02 * (1 + random())).toFixed(4) : (intrinsic + S * 0.03).toFixed(2);
    rows.push({
      ...base, line: i + 2, account, venue: 'generic', symbol: `${u}-${week}-${strike}-${call ? 'C' : 'P'}`, type: 'option', underlying: u, qty,
      entryPrice: mark, markPrice: mark, expiry: new Date(Date.parse(AS_OF) + week * 7 * 86_400_000).toISOString(),
      option: { strike: String(strike), optionType: call ? 'call' : 'put', iv: '0.6', underlyingPrice: String(S), rate: '0' },
    });
  }
  return rows;
}

const checked = prepareScenario(EMPTY_SCENARIO, DEFAULT_THRESHOLDS);
if (!checked.ok) throw new Error(checked.error);
const grid = rectangularGrid();
const table: Array<Record<string, string | number>> = [];
for (const [label, positions, distinct] of [['listed contracts', 100_000, false], ['listed contracts', 10_000, false], ['every contract distinct', 10_000, true]] as const) {
  const portfolio = { source: 'bench', rows: book(positions, 1000, distinct) };
  const compiled = time(3, () => compileBook(portfolio));
  const evaluated = time(5, () => evaluateGrid(compiled.result, grid, { asOf: AS_OF, scenario: checked.scenario }));
  table.push({
    book: `${positions.toLocaleString('en-US')} positions, ${label}`,
    'distinct contracts': compiled.result.models.length,
    'compile ms': compiled.ms.toFixed(1),
    [`${grid.scenarios.length}-scenario grid ms`]: evaluated.ms.toFixed(1),
  });
}
console.table(table);

const tenK = { source: 'bench', rows: book(12_500, 100, true).filter((r) => r.type === 'option').slice(0, 10_000) };
const greeks = time(5, () => portfolioGreeks({ portfolio: tenK, asOf: AS_OF }));
console.log(`greeks for ${tenK.rows.length.toLocaleString('en-US')} options: ${greeks.ms.toFixed(1)} ms (target 50 ms)`);
const [big, small] = table;
console.log(`grid 100k / 10k positions (listed contracts): ×${(Number(big!['231-scenario grid ms']) / Number(small!['231-scenario grid ms'])).toFixed(1)} (×10 is linear); target 250 ms at 100k`);
