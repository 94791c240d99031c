import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { EMPTY_SCENARIO } from '../../src/engine/types';
import { evaluate, expectClose, row, spot, unitOf } from './helpers';

describe('remediation (target HF 1.5 by default)', () => {
  it('one position: add 200, or close 2/15 of it', () => {
    // MB 1,300; MM = 100,000 * 0.01 = 1,000; HF 1.3.
    // add: 1.5 * 1,000 - 1,300 = 200.  close: MM(y) = 1,000 y = 1,300 / 1.5  =>  y = 13/15, fraction 2/15.
    const unit = unitOf(evaluate([spot('USDT', '1300', '1'), row({ symbol: 'BTCUSDT', qty: '2', markPrice: '50000', mmr: '0.01' })]));
    expect(unit.remediation?.addCollateral).toBe('200');
    expectClose(unit.remediation?.reduceFraction ?? null, new Dec(2).div(15));
    expectClose(unit.remediation?.reduceSingle?.fraction ?? null, new Dec(2).div(15));
  });

  it('two positions: cutting all, or only the one with the largest MM', () => {
    // BTC MM 1,000, ETH MM 300 (mmr 1%), MB 1,500: HF 1.1538; target MM = 1,500 / 1.5 = 1,000.
    // add: 1.5 * 1,300 - 1,500 = 450.  all: 1,300 y = 1,000 => fraction 3/13.  BTC only: 1,000 y + 300 = 1,000 => 0.3.
    const unit = unitOf(evaluate([
      spot('USDT', '1500', '1'),
      row({ symbol: 'BTCUSDT', qty: '2', markPrice: '50000', mmr: '0.01' }),
      row({ symbol: 'ETHUSDT', qty: '10', markPrice: '3000', mmr: '0.01' }),
    ]));
    expect(unit.remediation?.addCollateral).toBe('450');
    expectClose(unit.remediation?.reduceFraction ?? null, new Dec(3).div(13));
    expect(unit.remediation?.reduceSingle).toMatchObject({ symbol: 'BTCUSDT', fraction: '0.3' });
  });

  it('across a tier boundary: the cut lands in tier 1 of Binance BTCUSDT', () => {
    // Long 2 at 60,000: notional 120,000 in tier 2 (0.5%, cum 50): MM = 550. MB = 270 (wallet, no PnL).
    // target MM = 270 / 1.5 = 180 < MM at 50,000 (= 200), so the answer is in tier 1 (0.4%, cum 0):
    // 0.004 * 120,000 y = 180 => y = 0.375, fraction 0.625. (Tier 2's formula would give 600 y - 50 = 180, y = 0.3833: wrong tier.)
    const unit = unitOf(evaluate([
      spot('USDT', '270', '1', { venue: 'binance' }),
      row({ venue: 'binance', symbol: 'BTCUSDT', qty: '2', markPrice: '60000' }),
    ]));
    expect(unit.remediation?.reduceFraction).toBe('0.625');
    expect(unit.remediation?.addCollateral).toBe('555'); // 1.5 * 550 - 270
  });

  it('none at or above the target, none without maintenance margin', () => {
    expect(unitOf(evaluate([spot('USDT', '1500', '1'), row({ symbol: 'BTCUSDT', qty: '2', markPrice: '50000', mmr: '0.01' })])).remediation).toBeNull();
    expect(unitOf(evaluate([spot('USDT', '10', '1')])).remediation).toBeNull();
  });

  it('a negative balance cannot be mended by closing alone', () => {
    const unit = unitOf(evaluate([spot('USDT', '100', '1'), row({ symbol: 'BTCUSDT', qty: '1', entryPrice: '50000', markPrice: '49000', mmr: '0.01' })]));
    // MB = 100 - 1,000 = -900: add 1.5 * 490 + 900 = 1,635
    expect(unit.remediation?.addCollateral).toBe('1635');
    expect(unit.remediation?.reduceFraction).toBeNull();
  });

  it('property: the suggested collateral and the suggested cut each bring HF exactly to the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 20000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 100, max: 400 }), (wallet, qtyCents, target100) => {
        const targetHF = new Dec(target100).div(100).plus(1).toFixed(); // 2.00 .. 5.00
        const thresholds = { targetHF, marginCallHF: '1.25' };
        const rows = (qty: string) => [spot('USDT', String(wallet), '1', { venue: 'binance' }), row({ venue: 'binance', symbol: 'BTCUSDT', qty, markPrice: '60000' })];
        const qty = new Dec(qtyCents).div(100);
        const unit = unitOf(evaluate(rows(qty.toFixed()), { thresholds }));
        if (!unit.remediation) return;
        const added = unitOf(evaluate(rows(qty.toFixed()), { thresholds, scenario: { ...EMPTY_SCENARIO, addCollateral: [['main', unit.remediation.addCollateral]] } }));
        expectClose(added.healthFactor, targetHF, '1e-30');
        const fraction = unit.remediation.reduceFraction;
        if (fraction === null) return;
        const cut = unitOf(evaluate(rows(qty.times(new Dec(1).minus(fraction)).toFixed()), { thresholds }));
        expectClose(cut.healthFactor, targetHF, '1e-20');
      }),
      { numRuns: 100 },
    );
  });
});
