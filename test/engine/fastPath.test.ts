import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { compileScenario, evaluateFast, prepareFastBook, STATUS_CODES, type FastFigures } from '../../src/engine/fast';
import { prepareScenario } from '../../src/engine/scenario';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type PortfolioRow, type Report, type Scenario, type Thresholds } from '../../src/engine/types';
import { prepareAccounts } from '../../src/engine/units';
import { AS_OF, evaluate, row, spot } from './helpers';

/**
 * Reconciliation: the float64 fast path against the decimal engine. The tolerance is half of the
 * smallest unit the screen shows (src/lib/format.ts): money to 2 decimals (0.005), HF to 2 decimals
 * (0.005). Statuses must be equal: near a level the fast path hands the unit to the decimal engine.
 */
const HALF_CENT = 0.005;
const HALF_HF_STEP = 0.005;

function fast(rows: PortfolioRow[], scenario: Scenario, thresholds: Thresholds = DEFAULT_THRESHOLDS) {
  const checked = prepareScenario(scenario, thresholds);
  if (!checked.ok) throw new Error(checked.error);
  const book = prepareFastBook(prepareAccounts({ source: 't.csv', rows }, new Map(), { asOf: AS_OF, volShock: 0, days: 0 }));
  return { book, figures: evaluateFast(book, compileScenario(book, checked.scenario)) };
}

function within(actual: number, expected: string | null, tolerance: number, what: string): void {
  if (expected === null) {
    expect(Number.isNaN(actual) || actual === Infinity, `${what}: expected none, got ${actual}`).toBe(true);
    return;
  }
  const error = Math.abs(new Dec(expected).minus(actual).toNumber());
  expect(error, `${what}: decimal ${expected}, fast ${actual}`).toBeLessThanOrEqual(tolerance);
}

/** Every unit and row of the decimal report against the fast figures; returns the largest money error. */
function reconcile(report: Report, book: ReturnType<typeof fast>['book'], f: FastFigures): number {
  let worst = 0;
  const index = new Map(book.units.map((u, i) => [`${u.account}\u0000${u.id}`, i]));
  const present = book.units.filter((_, i) => f.unitPresent[i] === 1).length;
  expect(present).toBe(report.accounts.reduce((n, a) => n + a.units.length, 0));
  for (const account of report.accounts) {
    for (const unit of account.units) {
      const u = index.get(`${account.account}\u0000${unit.unit}`)!;
      const what = `${account.account}/${unit.unit}`;
      expect(f.unitPresent[u], what).toBe(1);
      within(f.unitMarginBalance[u]!, unit.marginBalance, HALF_CENT, `${what} MB`);
      within(f.unitMaintenance[u]!, unit.maintenanceMargin, HALF_CENT, `${what} MM`);
      within(f.unitInitial[u]!, unit.initialMargin, HALF_CENT, `${what} IM`);
      within(f.unitHealth[u]!, unit.healthFactor, HALF_HF_STEP, `${what} HF`);
      expect(STATUS_CODES[f.unitStatus[u]!], `${what} status`).toBe(unit.status);
      worst = Math.max(worst, Math.abs(new Dec(unit.marginBalance).minus(f.unitMarginBalance[u]!).toNumber()));
      const start = book.unitStart[u]!;
      unit.positions.forEach((p, k) => {
        expect(book.rowLine[start + k]).toBe(p.line);
        within(f.rowNotional[start + k]!, p.notional, HALF_CENT, `${what} line ${p.line} notional`);
        within(f.rowPnl[start + k]!, p.type === 'spot' ? null : p.unrealizedPnl, HALF_CENT, `${what} line ${p.line} PnL`);
        within(f.rowMaintenance[start + k]!, p.maintenanceMargin ?? '0', HALF_CENT, `${what} line ${p.line} MM`);
      });
    }
  }
  return worst;
}

// --- random books: margin and lending venues, cross and isolated, tiers, spot debt, options
const MARKS: Record<string, number> = { BTC: 60000, ETH: 3000, SOL: 150 };
const dec = (min: number, max: number, scale: number) =>
  fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((n) => new Dec(n).div(scale).toFixed());

const derivativeArb = fc.record({
  underlying: fc.constantFrom('BTC', 'ETH', 'SOL'),
  type: fc.constantFrom('perp' as const, 'perp' as const, 'future' as const, 'option' as const),
  qty: dec(0.01, 30, 100),
  short: fc.boolean(),
  entryMove: fc.option(dec(-0.3, 0.3, 1000), { nil: null }),
  isolated: fc.boolean(),
  isolatedMargin: dec(50, 20000, 100),
  mmr: fc.option(dec(0.002, 0.05, 10000), { nil: null }),
  cum: fc.option(dec(0, 200, 10), { nil: null }),
  leverage: fc.option(fc.constantFrom('5', '10', '20'), { nil: null }),
});

const accountArb = fc.record({
  venue: fc.constantFrom('generic' as const, 'binance' as const, 'aave-v3' as const, 'bybit' as const, 'okx' as const, 'hyperliquid' as const, 'deribit' as const),
  usdt: dec(0, 200000, 100),
  btc: dec(0, 3, 1000),
  debt: fc.option(dec(0.1, 20, 10), { nil: null }),
  derivatives: fc.array(derivativeArb, { minLength: 0, maxLength: 5 }),
});

type AccountSpec = typeof accountArb extends fc.Arbitrary<infer T> ? T : never;

function toRows(accounts: AccountSpec[]): PortfolioRow[] {
  const rows: PortfolioRow[] = [];
  accounts.forEach((a, n) => {
    const base = { account: `acct${n}`, venue: a.venue };
    rows.push(spot('USDT', a.usdt === '0' ? '1' : a.usdt, '1', base));
    if (a.btc !== '0') rows.push(spot('BTC', a.btc, String(MARKS.BTC), { ...base, haircut: a.venue === 'aave-v3' ? '0.2' : null }));
    if (a.debt) rows.push(spot('ETH', `-${a.debt}`, String(MARKS.ETH), base));
    if (a.venue === 'aave-v3') return; // a lending venue holds spot only (portfolio-csv.md)
    for (const d of a.derivatives) {
      const mark = new Dec(MARKS[d.underlying]!);
      const isolated = d.isolated && d.type !== 'option';
      rows.push(row({
        ...base, symbol: `${d.underlying}USDT`, underlying: d.underlying, type: d.type, qty: d.short ? `-${d.qty}` : d.qty,
        markPrice: mark.toFixed(), entryPrice: d.entryMove === null ? null : mark.times(new Dec(1).plus(d.entryMove)).toFixed(),
        marginMode: isolated ? 'isolated' : 'cross', isolatedMargin: isolated ? d.isolatedMargin : null,
        mmr: d.mmr, maintenanceAmount: d.mmr && d.cum ? d.cum : null, leverage: d.leverage,
        expiry: d.type === 'perp' ? null : '2026-06-26T08:00:00Z',
        option: d.type === 'option' ? { strike: mark.toFixed(), optionType: 'call', iv: '0.6', underlyingPrice: mark.toFixed(), rate: '0' } : null,
        // Deribit's perps and futures are inverse: qty is then a USD face value
        ...(a.venue === 'deribit' && d.type !== 'option' ? { inverse: true } : {}),
      }));
    }
  });
  return rows;
}

const scenarioArb = (rows: PortfolioRow[]) =>
  fc.record({
    shocks: fc.array(fc.tuple(fc.constantFrom('BTC', 'ETH', 'SOL', 'USDT'), dec(-0.9, 2, 1000)), { maxLength: 3 }),
    all: dec(-0.9, 3, 200),
    // options: the vol shock and time shift reprice them (exact fallback)
    volShock: dec(-0.5, 1, 100),
    days: dec(0, 30, 1),
    addCollateral: fc.array(fc.tuple(fc.constantFrom('acct0', 'acct1', 'acct2', 'nobody'), dec(-5000, 50000, 100)), { maxLength: 2 }),
    cuts: fc.array(
      fc.tuple(fc.oneof(fc.constantFrom('cross:acct0', 'cross:acct1'), fc.constantFrom(...rows.map((r) => `line:${r.line}`))), dec(0, 1, 100)),
      { maxLength: 3 },
    ),
  }).map((s): Scenario => ({ ...EMPTY_SCENARIO, ...s }));

const caseArb = fc
  .array(accountArb, { minLength: 1, maxLength: 3 })
  .map(toRows)
  .chain((rows) => fc.tuple(fc.constant(rows), scenarioArb(rows), fc.constantFrom('1.5', '2', '3')));

describe('fast path equals the decimal engine (within half the displayed unit)', () => {
  it('property: every unit total and row figure, on random books and scenarios', () => {
    fc.assert(
      fc.property(caseArb, ([rows, scenario, targetHF]) => {
        const thresholds = { targetHF, marginCallHF: '1.25' };
        const { book, figures } = fast(rows, scenario, thresholds);
        reconcile(evaluate(rows, { scenario, thresholds }), book, figures);
      }),
      { numRuns: 150 },
    );
  });

  it('a notional exactly on a Binance tier cap goes to the decimal engine and keeps its tier', () => {
    // BTCUSDT tier 1 ends at notional 50,000 (mmr 0.4%); 1 BTC at 50,000 is exactly on the cap: MM = 200
    const rows = [spot('USDT', '1000', '1', { venue: 'binance' }), row({ venue: 'binance', symbol: 'BTCUSDT', qty: '1', markPrice: '50000' })];
    const { book, figures } = fast(rows, EMPTY_SCENARIO);
    expect(figures.unitExact[0]).toBe(1);
    expect(figures.unitMaintenance[0]).toBe(200);
    reconcile(evaluate(rows), book, figures);
  });

  it('an HF exactly on the target goes to the decimal engine: status ok, not warning', () => {
    // MB 1,500, MM = 2 * 50,000 * 0.01 = 1,000: HF 1.5 = target, which is ok (below target is warning)
    const rows = [spot('USDT', '1500', '1'), row({ symbol: 'BTCUSDT', qty: '2', markPrice: '50000', mmr: '0.01' })];
    const { figures } = fast(rows, EMPTY_SCENARIO);
    expect(figures.unitExact[0]).toBe(1);
    expect(STATUS_CODES[figures.unitStatus[0]!]).toBe('ok');
  });

  it('collateral added to an account without a cross unit makes that unit appear, as in the report', () => {
    const rows = [row({ account: 'iso', symbol: 'BTCUSDT', qty: '1', markPrice: '50000', mmr: '0.01', marginMode: 'isolated', isolatedMargin: '1000' })];
    const scenario = { ...EMPTY_SCENARIO, addCollateral: [['iso', '250']] as Array<[string, string]> };
    const { book, figures } = fast(rows, scenario);
    reconcile(evaluate(rows, { scenario }), book, figures);
    expect(figures.unitMarginBalance[0]).toBe(250);
    expect(fast(rows, EMPTY_SCENARIO).figures.unitPresent[0]).toBe(0);
  });
});
