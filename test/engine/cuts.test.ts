import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossCutKey, lineCutKey, readCutKey } from '../../src/engine/cuts';
import { Dec } from '../../src/engine/decimal';
import { evaluatePortfolio } from '../../src/engine/evaluate';
import { EMPTY_SCENARIO, type PortfolioRow, type Scenario } from '../../src/engine/types';
import { AS_OF, evaluate, expectClose, positionOf, row, spot, unitOf } from './helpers';

const withCuts = (cuts: Array<[string, string]>): Scenario => ({ ...EMPTY_SCENARIO, cuts });

describe('cut keys', () => {
  it('name a cross unit by account (any text) or a position by its line', () => {
    expect(readCutKey(crossCutKey('desk: one/α'))).toEqual({ kind: 'cross', account: 'desk: one/α' });
    expect(readCutKey(lineCutKey(12))).toEqual({ kind: 'line', line: 12 });
    for (const bad of ['cross:', 'line:', 'line:0', 'line:1.5', 'line:-3', 'isolated:BTC', 'alpha']) expect(readCutKey(bad), bad).toBeNull();
  });

  it('a bad key or fraction is refused with the pair named', () => {
    const rows = [spot('USDT', '1000', '1')];
    const bad = evaluatePortfolio({ portfolio: { source: 't.csv', rows }, asOf: AS_OF, scenario: withCuts([['line:x', '0.5']]) });
    expect(bad).toEqual({ ok: false, error: 'cut "line:x": expected cross:ACCOUNT or line:N' });
    const over = evaluatePortfolio({ portfolio: { source: 't.csv', rows }, asOf: AS_OF, scenario: withCuts([['line:2', '1.5']]) });
    expect(over).toEqual({ ok: false, error: 'cut line:2: expected a fraction from 0 to 1, found "1.5"' });
  });
});

describe('apply-cut what-if (decimal engine)', () => {
  it('halving a position halves its MM; its closed PnL stays in the balance', () => {
    // 5,000 USDT; long 2 BTC, entry 50,000, mark 49,000, mmr 1%: PnL = 2 * (49,000 - 50,000) = -2,000, MB 3,000.
    // Close half: MM = 1 * 49,000 * 0.01 = 490; unrealised PnL -1,000, realised -1,000 into the balance: MB 3,000.
    // HF = 3,000 / 490 = 6.1224...
    const rows = [spot('USDT', '5000', '1'), row({ symbol: 'BTCUSDT', qty: '2', entryPrice: '50000', markPrice: '49000', mmr: '0.01' })];
    const line = rows[1]!.line;
    for (const key of [crossCutKey('main'), lineCutKey(line)]) {
      const report = evaluate(rows, { scenario: withCuts([[key, '0.5']]) });
      const unit = unitOf(report);
      expect(unit.maintenanceMargin).toBe('490');
      expect(unit.marginBalance).toBe('3000');
      expect(unit.unrealizedPnl).toBe('-1000');
      expect(positionOf(report, 'BTCUSDT').qty).toBe('1');
      expectClose(unit.healthFactor, new Dec(3000).div(490));
      expect(report.scenario.cuts).toEqual({ [key]: '0.5' });
    }
  });

  it('cuts compound, and leave spot collateral alone', () => {
    // keep (1 - 0.5)(1 - 0.5) = 0.25 of 2 BTC: MM = 0.5 * 50,000 * 0.01 = 250; USDT collateral 1,300 stays
    const rows = [spot('USDT', '1300', '1'), row({ symbol: 'BTCUSDT', qty: '2', markPrice: '50000', mmr: '0.01' })];
    const unit = unitOf(evaluate(rows, { scenario: withCuts([[crossCutKey('main'), '0.5'], [lineCutKey(rows[1]!.line), '0.5'], [lineCutKey(rows[0]!.line), '0.5']]) }));
    expect(unit.maintenanceMargin).toBe('250');
    expect(unit.collateral).toBe('1300');
  });

  it('a cut naming nothing is a warning, and the report without cuts carries no cuts field', () => {
    const rows = [spot('USDT', '1300', '1'), row({ symbol: 'BTCUSDT', qty: '2', markPrice: '50000', mmr: '0.01' })];
    const report = evaluate(rows, { scenario: withCuts([['cross:nobody', '0.5']]) });
    expect(report.warnings).toContain('cut what-if "cross:nobody" names no perp or future of the portfolio (cross:ACCOUNT or line:N)');
    expect('cuts' in evaluate(rows).scenario).toBe(false);
  });

  it('closing all of a position leaves no exposure and no liquidation price', () => {
    const rows = [spot('USDT', '1300', '1'), row({ symbol: 'BTCUSDT', qty: '2', markPrice: '50000', mmr: '0.01' })];
    const report = evaluate(rows, { scenario: withCuts([[crossCutKey('main'), '1']]) });
    expect(unitOf(report).healthFactor).toBeNull();
    expect(positionOf(report, 'BTCUSDT').liquidationPrice).toBeNull();
  });

  it('property: the suggested cut, applied as a what-if, brings HF to the target (Binance tiers re-evaluated)', () => {
    const book = (wallet: number, btc: Dec, eth: Dec): PortfolioRow[] => [
      spot('USDT', String(wallet), '1', { venue: 'binance' }),
      row({ venue: 'binance', symbol: 'BTCUSDT', qty: btc.toFixed(), markPrice: '60000', entryPrice: '61000' }),
      row({ venue: 'binance', symbol: 'ETHUSDT', qty: eth.neg().toFixed(), markPrice: '3000', entryPrice: '2950' }),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 40000 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 150, max: 300 }), (wallet, btcCents, ethTenths, target100) => {
        const targetHF = new Dec(target100).div(100).toFixed();
        const thresholds = { targetHF, marginCallHF: '1.25' };
        const rows = book(wallet, new Dec(btcCents).div(100), new Dec(ethTenths).div(10));
        const unit = unitOf(evaluate(rows, { thresholds }));
        const r = unit.remediation;
        if (!r) return;
        if (r.reduceFraction !== null) {
          const cut = unitOf(evaluate(rows, { thresholds, scenario: withCuts([[crossCutKey('main'), r.reduceFraction]]) }));
          expectClose(cut.healthFactor, targetHF, '1e-30');
        }
        if (r.reduceSingle) {
          const cut = unitOf(evaluate(rows, { thresholds, scenario: withCuts([[lineCutKey(r.reduceSingle.line), r.reduceSingle.fraction]]) }));
          expectClose(cut.healthFactor, targetHF, '1e-30');
        }
      }),
      { numRuns: 80 },
    );
  });
});
