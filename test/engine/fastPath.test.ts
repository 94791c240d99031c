import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { compileScenario, evaluateFast, prepareFastBook, STATUS_CODES, type FastFigures } from '../../src/engine/fast';
import { prepareScenario } from '../../src/engine/scenario';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type PortfolioRow, type Report, type Scenario, type Thresholds } from '../../src/engine/types';
import { prepareAccounts } from '../../src/engine/units';
import { AS_OF, evaluate, row, spot } from './helpers';
import { booksArb, scenarioArb } from './randomBooks';

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

const caseArb = booksArb.chain((rows) => fc.tuple(fc.constant(rows), scenarioArb(rows, true), fc.constantFrom('1.5', '2', '3')));

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
