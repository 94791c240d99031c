/**
 * Option benchmarks (issue 4): the 21 x 11 risk matrix over 100k positions with option repricing,
 * and portfolio greeks for 10k options (`npx tsx bench/options.ts`, or through `npm run bench`).
 * Medians of several runs in one process; compare as ratios, absolute times move with the machine's
 * load. The worker compiles a book once per loaded portfolio and reuses it for every what-if, so
 * both the compile and the per-what-if times are shown.
 */
import { pathToFileURL } from 'node:url';
import { compileGreeks, portfolioGreeks } from '../src/engine/options/greeks';
import { rectangularGrid } from '../src/engine/options/riskGrid';
import { compileBook, evaluateGrid } from '../src/engine/options/riskMatrix';
import { prepareScenario } from '../src/engine/scenario';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type PortfolioRow } from '../src/engine/types';
import { mulberry32 } from './generate';

const AS_OF = '2026-01-01T00:00:00Z';

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * Median CPU time of this process (user + system, from process.cpuUsage) over `runs` runs after one
 * warm-up: with 8 sessions on 2 cores, wall time mostly measures the wait for a core.
 */
function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    result = fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), result };
}

const UNDERLYINGS: Array<[string, number]> = [['BTC', 60000], ['ETH', 3000]];

type Sharing = 'listed' | 'own mark' | 'own iv';

/**
 * `positions` rows over `accounts` accounts: 80% options drawn from a listed-contract universe
 * (2 underlyings x 12 expiries x 31 strikes x call/put, as venues list them), 20% perps.
 * 'listed': one mark per contract; 'own mark': every option its own mark (positions still share
 * model terms, as real books do); 'own iv': every option its own iv too, so no two positions share
 * a model contract (the worst case: every position repriced on its own).
 */
function book(positions: number, accounts: number, sharing: Sharing): PortfolioRow[] {
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
    const mark = sharing === 'listed' ? (intrinsic + S * 0.03).toFixed(2) : (intrinsic + S * 0.02 * (1 + random())).toFixed(4);
    const iv = sharing === 'own iv' ? (0.4 + 0.4 * random()).toFixed(6) : '0.6';
    rows.push({
      ...base, line: i + 2, account, venue: 'generic', symbol: `${u}-${week}-${strike}-${call ? 'C' : 'P'}`, type: 'option', underlying: u, qty,
      entryPrice: mark, markPrice: mark, expiry: new Date(Date.parse(AS_OF) + week * 7 * 86_400_000).toISOString(),
      option: { strike: String(strike), optionType: call ? 'call' : 'put', iv, underlyingPrice: String(S), rate: '0' },
    });
  }
  return rows;
}

const GRID_TARGET_MS = 250;
const GREEKS_TARGET_MS = 50;

export async function run(): Promise<void> {
  const checked = prepareScenario(EMPTY_SCENARIO, DEFAULT_THRESHOLDS);
  if (!checked.ok) throw new Error(checked.error);
  const grid = rectangularGrid();
  const table: Array<Record<string, string | number>> = [];
  const cases: Array<[number, Sharing]> = [[100_000, 'listed'], [100_000, 'own mark'], [10_000, 'own mark'], [10_000, 'own iv'], [100_000, 'own iv']];
  for (const [positions, sharing] of cases) {
    const portfolio = { source: 'bench', rows: book(positions, 1000, sharing) };
    const compiled = time(3, () => compileBook(portfolio));
    const evaluated = time(5, () => evaluateGrid(compiled.result, grid, { asOf: AS_OF, scenario: checked.scenario }));
    table.push({
      book: `${positions.toLocaleString('en-US')} positions, ${sharing}`,
      'model contracts': compiled.result.models.length,
      'compile ms (once per load)': compiled.ms.toFixed(1),
      [`${grid.scenarios.length}-cell grid ms (per what-if)`]: evaluated.ms.toFixed(1),
      [`grid / ${GRID_TARGET_MS} ms target`]: (evaluated.ms / GRID_TARGET_MS).toFixed(2),
      'first request / target': ((compiled.ms + evaluated.ms) / GRID_TARGET_MS).toFixed(2),
    });
  }
  console.table(table);

  const tenK = { source: 'bench', rows: book(12_500, 100, 'own iv').filter((r) => r.type === 'option').slice(0, 10_000) };
  const full = time(5, () => portfolioGreeks({ portfolio: tenK, asOf: AS_OF }));
  const greeksBook = compileGreeks(tenK);
  const perWhatIf = time(5, () => portfolioGreeks({ portfolio: greeksBook, asOf: AS_OF }));
  console.log(
    `greeks for ${tenK.rows.length.toLocaleString('en-US')} options, each its own contract: ${full.ms.toFixed(1)} ms from the rows (×${(full.ms / GREEKS_TARGET_MS).toFixed(2)} of the ${GREEKS_TARGET_MS} ms target), ` +
      `${perWhatIf.ms.toFixed(1)} ms per what-if from the book the worker keeps (×${(perWhatIf.ms / GREEKS_TARGET_MS).toFixed(2)})`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
