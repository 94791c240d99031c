import { describe, expect, it } from 'vitest';
import { row, spot } from '../helpers';
import { cascade } from './helpers';

/**
 * Hand-worked cascades. Generic venue, own mmr 0.01, no tiers. Linear impact: the price ratio is
 * shock * (1 - 0.01 * Q / D) for the cumulative sale Q (at today's marks); a round fills at
 * shock * (1 - 0.01 * (Q_before + Q_after) / (2 D)) (docs/cascade.md).
 */
const btc = (account: string, qty: string) => row({ account, symbol: 'BTCUSDT', qty, entryPrice: '10000', markPrice: '10000', mmr: '0.01' });
const usdt = (account: string, qty: string) => spot('USDT', qty, '1', { account });

// A: 1,050 USDT + 1 BTC long at 10,000. HF <= 1 when 1050 + (M - 10000) <= 0.01 M, i.e. M <= 9040.40
// B: 1,200 USDT + 1 BTC long at 10,000. HF <= 1 when M <= 8800 / 0.99 = 8888.89
// C: 5,000 USDT + 1 BTC short at 10,000: in profit when BTC falls, the other side for ADL.
const book = () => [usdt('A', '1050'), btc('A', '1'), usdt('B', '1200'), btc('B', '1'), usdt('C', '5000'), btc('C', '-1')];
const shock: Array<[string, string]> = [['BTC', '-0.1']];

describe('a cascade worked by hand', () => {
  it("liquidates B only because A's forced sale moved the price", () => {
    const { result } = cascade(book(), { impact: [{ underlying: 'BTC', model: 'linear', depth: '5000' }], fund: '100', feeRate: '0.01' }, shock);
    // Round 1 at M = 9,000: A has MB = 1050 - 1000 = 50, MM = 90, HF = 0.5556 <= 1; B has MB 200, MM 90: healthy.
    // A sells 1 BTC: Q = 1 * 10,000 (today's mark). Fill: 0.9 * (1 - 0.01 * (0 + 10000) / (2 * 5000)) = 0.891 -> 8,910.
    // A's slippage 1 * (9000 - 8910) = 90; equity 1050 + (8910 - 10000) = -40: bankrupt, no fee (fee is capped
    // at the equity), the fund pays 40 of its 100. New price: 0.9 * (1 - 0.01 * 10000 / 5000) = 0.882 -> 8,820.
    const [r1, r2] = result.rounds;
    expect(r1).toMatchObject({ round: 1, liquidated: 1, liquidatedNotional: '9000', impactCost: '90', fees: '0', bankrupt: 1, fundPaid: '40', fund: '60' });
    expect(r1!.ratios).toContainEqual(['BTC', '0.882']);
    // Round 2 at M = 8,820: B has MB = 1200 - 1180 = 20, MM = 88.2: HF 0.2268, liquidated.
    // Fill: 0.9 * (1 - 0.01 * (10000 + 20000) / 10000) = 0.873 -> 8,730; slippage 90; equity 1200 - 1270 = -70.
    // The fund pays its last 60; ADL takes 10 from C (short, profit 1,180 at 8,820): C closes
    // 10 / 1180 = 0.0084745762... BTC, to the lot (1e-8) away from zero: 0.00847458, giving up
    // 0.00847458 * 1180 = 10.0000044 of profit. New price 0.9 * (1 - 0.04) = 0.864.
    expect(r2).toMatchObject({ round: 2, liquidated: 1, liquidatedNotional: '8820', impactCost: '90', fundPaid: '60', fund: '0', adlEvents: 1, adlAmount: '10.0000044', uncovered: '0' });
    expect(r2!.ratios).toContainEqual(['BTC', '0.864']);
    expect(result.stop).toBe('no-liquidation');
    expect(result.names).toEqual(['A · cross', 'B · cross', 'C · cross']);
    expect(Array.from(result.adl.unit)).toEqual([2]);
    // Accounting: price effect only in round 2 (after round 1 B's long and C's short cancel):
    // C's remaining short -0.99152542 * 10,000 * (0.864 - 0.882) = 178.4745756.
    // Accounts: A 50 -> 0, B 200 -> 0.0000044, C 6,000 -> 5000 + 0.99152542 * 1360 = 6,348.4745712:
    // sum -50 - 199.9999956 + 348.4745712 = 98.4745756; fund -100; impact 180: 98.4745756 - 100 + 180 = 178.4745756.
    expect(result.accounting).toEqual({ accountsChange: '98.4745756', fundChange: '-100', impactCost: '180', priceEffect: '178.4745756', fees: '0' });
  });

  it('without impact B survives: the same shock liquidates A alone', () => {
    const { result } = cascade(book(), { fund: '100' }, shock);
    expect(result.rounds).toHaveLength(1);
    expect(result.rounds[0]!.liquidated).toBe(1);
    expect(result.names).toEqual(['A · cross']);
  });

  it('no shock, every unit healthy: nothing happens', () => {
    const { result } = cascade(book(), { impact: [{ underlying: 'BTC', model: 'sqrt', depth: '1' }], fund: '5' });
    expect(result.rounds).toEqual([]);
    expect(result.stop).toBe('no-liquidation');
    expect(result.fundEnd).toBe('5');
    expect(result.histogram.before).toEqual(result.histogram.after);
  });

  it('partial liquidation closes just enough for the target HF', () => {
    // A at 9,000: MB 50, MM 90. Target HF 2: MM' = 25, keep y = 25 / 90 = 0.2777...; close 0.7222...,
    // to the lot upwards: 0.72222223 BTC (no impact, no fee: MB stays 50), MM' = 0.27777777 * 90 = 24.9999993.
    const { result, final } = cascade([usdt('A', '1050'), btc('A', '1')], { partial: { kind: 'to-target', targetHF: '2' } }, shock);
    expect(result.rounds).toHaveLength(1);
    expect(result.liquidations.kind[0]).toBe(1); // 'partial'
    expect(final.units[0]!.rows[1]!.q.toFixed()).toBe('0.27777777');
    expect(result.liquidations.notional[0]).toBeCloseTo(0.72222223 * 9000, 6);
  });

  it("Aave: a 50% close factor above HF 0.95, 100% at or below (Aave v3 CLOSE_FACTOR_HF_THRESHOLD)", () => {
    // 10 ETH at 2,000 with liquidation threshold 0.8, 15,000 USDC debt: HF = 16,000 / 15,000 = 1.0667.
    const aave = () => [
      spot('ETH', '10', '2000', { account: 'D', venue: 'aave-v3', haircut: '0.2' }),
      spot('USDC', '-15000', '1', { account: 'D', venue: 'aave-v3' }),
    ];
    // ETH -8%: 1,840; HF = 14,720 / 15,000 = 0.9813 > 0.95: repay 50% = 7,500, seize 7,500 * 1.05 / 1,840
    // = 4.2798913043... ETH, to the lot: 4.27989131. Bonus (the fee) 5% of 7,500 = 375.
    const half = cascade(aave(), { feeRate: '0.05' }, [['ETH', '-0.08']]);
    expect(half.result.liquidations.kind[0]).toBe(2); // close-factor-50
    expect(half.final.units[0]!.rows[0]!.q.toFixed()).toBe('5.72010869');
    expect(half.final.units[0]!.rows[1]!.q.toFixed()).toBe('-7500');
    expect(half.result.rounds[0]!.fees).toBe('375');
    // ETH -15%: 1,700; HF = 13,600 / 15,000 = 0.9067 <= 0.95: repay all 15,000, seize 15,750 / 1,700 = 9.26470589 ETH.
    const all = cascade(aave(), { feeRate: '0.05' }, [['ETH', '-0.15']]);
    expect(all.result.liquidations.kind[0]).toBe(3); // close-factor-100
    expect(all.final.units[0]!.rows[0]!.q.toFixed()).toBe('0.73529411');
    expect(all.final.units[0]!.rows[1]!.q.toFixed()).toBe('0');
  });

  it('square-root impact: selling the depth once moves the price by the coefficient', () => {
    // A's sale Q = 10,000 = D: the price factor is 1 - 0.05 * sqrt(1) = 0.95 -> ratio 0.9 * 0.95 = 0.855;
    // the fill averages sqrt over the path: 1 - 0.05 * (2/3) = 0.96666..., ratio 0.87 to 12 decimals.
    const { result } = cascade(book(), { impact: [{ underlying: 'BTC', model: 'sqrt', depth: '10000', coefficient: '0.05' }] }, shock);
    expect(result.rounds[0]!.ratios).toContainEqual(['BTC', '0.855']);
    // slippage of A: 1 * 9,000 - 10,000 * 0.87 = 300
    expect(result.rounds[0]!.impactCost).toBe('300');
  });

  it('refuses bad parameters with a message that names them', () => {
    expect(() => cascade(book(), { fund: '-1' })).toThrow('fund: expected an amount of 0 or more, found -1');
    expect(() => cascade(book(), { impact: [{ underlying: 'BTC', model: 'linear', depth: '0' }] })).toThrow('depth BTC');
    expect(() => cascade(book(), { maxRounds: 0 })).toThrow('rounds');
  });
});
