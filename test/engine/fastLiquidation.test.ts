import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { compileScenario, evaluateFast, prepareFastBook } from '../../src/engine/fast';
import { LiquidationSource, solveLiquidation } from '../../src/engine/fast/liquidation';
import { prepareScenario } from '../../src/engine/scenario';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type PortfolioRow, type Report, type Scenario } from '../../src/engine/types';
import { prepareAccounts } from '../../src/engine/units';
import { AS_OF, evaluate, row, spot } from './helpers';
import { booksArb, scenarioArb } from './randomBooks';

/**
 * The float64 liquidation solver against the decimal report. Tolerances are half of the smallest
 * unit the screen shows (src/lib/format.ts): a price from 1,000 up to 2 decimals (0.005), below
 * that to 6 significant digits; a distance or shock as a percentage to 2 decimals (0.00005).
 */
const HALF_PERCENT_STEP = 0.00005;

function halfPriceStep(price: number): number {
  const p = Math.abs(price);
  if (p >= 1000) return 0.005;
  if (p === 0) return 0.005;
  return 0.5 * 10 ** (Math.floor(Math.log10(p)) - 5);
}

function solve(rows: PortfolioRow[], scenario: Scenario) {
  const checked = prepareScenario(scenario, DEFAULT_THRESHOLDS);
  if (!checked.ok) throw new Error(checked.error);
  const book = prepareFastBook(prepareAccounts({ source: 't.csv', rows }, new Map(), { asOf: AS_OF, volShock: 0, days: 0 }));
  const s = compileScenario(book, checked.scenario);
  const figures = evaluateFast(book, s);
  return { book, figures, liquidation: solveLiquidation(book, s, figures) };
}

function close(actual: number, expected: string | null, tolerance: number, what: string): void {
  if (expected === null) {
    expect(Number.isNaN(actual), `${what}: decimal none, fast ${actual}`).toBe(true);
    return;
  }
  const error = Math.abs(new Dec(expected).minus(Number.isNaN(actual) ? Infinity : actual).toNumber());
  expect(error, `${what}: decimal ${expected}, fast ${actual}`).toBeLessThanOrEqual(tolerance);
}

/** Every present unit and row of the report against the solver; returns how many units float64 solved. */
function reconcile(report: Report, solved: ReturnType<typeof solve>): number {
  const { book, liquidation: l } = solved;
  const index = new Map(book.units.map((u, i) => [`${u.account}\u0000${u.id}`, i]));
  let fast = 0;
  for (const account of report.accounts) {
    for (const unit of account.units) {
      const u = index.get(`${account.account}\u0000${unit.unit}`)!;
      const what = `${account.account}/${unit.unit}`;
      expect(l.unitSource[u], what).not.toBe(LiquidationSource.Unsolved);
      if (l.unitSource[u] === LiquidationSource.Fast) fast++;
      close(l.unitShockDown[u]!, unit.liquidationShock.down, HALF_PERCENT_STEP, `${what} shock down`);
      close(l.unitShockUp[u]!, unit.liquidationShock.up, HALF_PERCENT_STEP, `${what} shock up`);
      const start = book.unitStart[u]!;
      unit.positions.forEach((p, k) => {
        const i = start + k;
        const lp = p.liquidationPrice;
        close(l.rowPrice[i]!, lp, lp === null ? 0 : halfPriceStep(Number(lp)), `${what} line ${p.line} liquidation price`);
        close(l.rowDistance[i]!, p.distanceToLiquidation, HALF_PERCENT_STEP, `${what} line ${p.line} distance`);
      });
    }
  }
  return fast;
}

const caseArb = booksArb.chain((rows) => fc.tuple(fc.constant(rows), scenarioArb(rows)));

describe('float64 liquidation prices equal the decimal report (within half the displayed unit)', () => {
  it('property: every position liquidation price and distance, every unit liquidation shock', () => {
    let fastUnits = 0;
    fc.assert(
      fc.property(caseArb, ([rows, scenario]) => {
        fastUnits += reconcile(evaluate(rows, { scenario }), solve(rows, scenario));
      }),
      { numRuns: 120 },
    );
    // most units are solved in float64, not handed to the decimal engine
    expect(fastUnits).toBeGreaterThan(120);
  }, 120_000);

  it('Binance FAQ: 0.02 BTC long at 50,000 with 500 USDT liquidates at 25,100.40', () => {
    // HF = 1: 500 + 0.02 (P - 50000) = 0.004 * 0.02 P  =>  0.01992 P = 500  =>  P = 25100.4016 (tier 1, mmr 0.4%)
    const rows = [spot('USDT', '500', '1', { venue: 'binance' }), row({ venue: 'binance', symbol: 'BTCUSDT', qty: '0.02', entryPrice: '50000', markPrice: '50000' })];
    const { liquidation: l } = solve(rows, EMPTY_SCENARIO);
    expect(l.unitSource[0]).toBe(LiquidationSource.Fast);
    expect(l.rowPrice[1]).toBeCloseTo(500 / 0.01992, 6);
    // distance (M - LP) / M = 1 - 500 / 996; the unit's shock down is the same move, and there is none up
    expect(l.rowDistance[1]).toBeCloseTo(1 - 500 / 996, 12);
    expect(l.unitShockDown[0]).toBeCloseTo(500 / 996 - 1, 12);
    expect(Number.isNaN(l.unitShockUp[0]!)).toBe(true);
    expect(l.unitDistance[0]).toBeCloseTo(1 - 500 / 996, 12);
  });

  it('tiers are re-evaluated at the liquidation price: a short crosses from tier 1 into tier 2', () => {
    // Binance BTCUSDT: tier 1 to notional 50,000 (mmr 0.4%, cum 0), tier 2 to 600,000 (mmr 0.5%, cum 50).
    // 1 BTC short at 40,000, wallet 20,000: MB = 20000 - (P - 40000) = 60000 - P.
    // Tier 1 (P <= 50,000): 60000 - P = 0.004 P  =>  P = 59,760.96 > 50,000, outside tier 1;
    // tier 2: 60000 - P = 0.005 P - 50  =>  P = 60050 / 1.005 = 59,751.24.
    const rows = [spot('USDT', '20000', '1', { venue: 'binance' }), row({ venue: 'binance', symbol: 'BTCUSDT', qty: '-1', entryPrice: '40000', markPrice: '40000' })];
    const { liquidation: l } = solve(rows, EMPTY_SCENARIO);
    expect(l.rowPrice[1]).toBeCloseTo(60050 / 1.005, 6);
    // a short's distance is (LP - M) / M
    expect(l.rowDistance[1]).toBeCloseTo(60050 / 1.005 / 40000 - 1, 12);
    expect(l.unitShockUp[0]).toBeCloseTo(60050 / 1.005 / 40000 - 1, 12);
  });

  it('a perp without an entry price has no PnL: its MM alone can liquidate (decimal and fast agree)', () => {
    // 1 BTC at 50,000, mmr 1%, no entry: MB = 1000 at every price, MM = 0.01 P: HF = 1 at P = 100,000 (+100%)
    const rows = [spot('USDT', '1000', '1'), row({ symbol: 'BTCUSDT', qty: '1', markPrice: '50000', entryPrice: null, mmr: '0.01' })];
    const report = evaluate(rows);
    expect(report.accounts[0]!.units[0]!.liquidationShock.up).toBe('1');
    const { liquidation: l } = solve(rows, EMPTY_SCENARIO);
    expect(l.rowPrice[1]).toBeCloseTo(100000, 6);
    expect(l.unitShockUp[0]).toBeCloseTo(1, 12);
  });

  it('units with rows the arrays do not model take the decimal figures, or are marked unsolved', () => {
    const rows = [spot('USDT', '1000', '1', { venue: 'deribit' }), row({ venue: 'deribit', symbol: 'BTC-PERPETUAL', underlying: 'BTC', qty: '10000', markPrice: '50000', inverse: true })];
    const checked = prepareScenario(EMPTY_SCENARIO, DEFAULT_THRESHOLDS);
    if (!checked.ok) throw new Error(checked.error);
    const book = prepareFastBook(prepareAccounts({ source: 't.csv', rows }, new Map(), { asOf: AS_OF, volShock: 0, days: 0 }));
    const s = compileScenario(book, checked.scenario);
    const figures = evaluateFast(book, s);
    expect(solveLiquidation(book, s, figures).unitSource[0]).toBe(LiquidationSource.Decimal);
    const marked = solveLiquidation(book, s, figures, { exact: () => null });
    expect(marked.unitSource[0]).toBe(LiquidationSource.Unsolved);
    expect(Number.isNaN(marked.unitDistance[0]!)).toBe(true);
  });
});
