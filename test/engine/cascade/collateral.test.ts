import { describe, expect, it } from 'vitest';
import { row, spot } from '../helpers';
import { cascade } from './helpers';

/**
 * Spot collateral in the cascade, worked by hand (docs/cascade.md, "Spot collateral"). Generic venue
 * (haircut 0), own mmr 0.01, fee 0, fund 0. BTC has a linear impact of depth D = 10,000: the price
 * ratio is 1 - 0.01 * Q / D after a cumulative sale Q, a round fills at 1 - 0.01 * (Q_a + Q_b) / (2 D).
 * ETH has no impact spec: its price stays at the shock.
 *
 * A: 1.05 BTC spot collateral at 10,000 (no stablecoin) + 100 ETH perp long, entry and mark 1,000.
 * B: 150 USDT + 1 BTC perp long, entry and mark 10,000: HF <= 1 when 150 + (M - 10,000) <= 0.01 M,
 *    i.e. M <= 9,850 / 0.99 = 9,949.49; healthy while BTC stays at 10,000.
 * The shock: ETH -10%, BTC unshocked.
 */
const eth = (account: string) => row({ account, symbol: 'ETHUSDT', qty: '100', entryPrice: '1000', markPrice: '1000', mmr: '0.01' });
const btc = (account: string) => row({ account, symbol: 'BTCUSDT', qty: '1', entryPrice: '10000', markPrice: '10000', mmr: '0.01' });
const b = () => [spot('USDT', '150', '1', { account: 'B' }), btc('B')];
const params = { impact: [{ underlying: 'BTC', model: 'linear' as const, depth: '10000' }] };
const shock: Array<[string, string]> = [['ETH', '-0.1']];

describe('spot collateral sold in a liquidation', () => {
  it("liquidates B only because A's collateral sale pushed BTC down", () => {
    const { result } = cascade([spot('BTC', '1.05', '10000', { account: 'A' }), eth('A'), ...b()], params, shock);
    // Round 1 at BTC 10,000, ETH 900. A: MB = 1.05 * 10,000 + 100 * (900 - 1000) = 500, MM = 100 * 900 * 0.01 = 900,
    // HF 0.556: liquidated. B: MB = 150, MM = 100, HF 1.5.
    // A's ETH is closed: PnL 100 * (900 - 1000) = -10,000 realised; A holds no stablecoin, so its stable balance is
    // -10,000 and the venue sells BTC worth 10,000 at the round's mark, pro rata over A's one collateral row:
    // 1.05 * 10,000 / 10,500 = 1 BTC. Notional into the market: 90,000 (ETH) + 10,000 (BTC) = 100,000.
    // BTC flow 1 * 10,000; fill 1 - 0.01 * (0 + 10,000) / (2 * 10,000) = 0.995 -> 9,950: slippage 1 * (10,000 - 9,950) = 50.
    // A's wallet -10,000 + 9,950 = -50, with 0.05 BTC left: equity -50 + 0.05 * 10,000 = 450, solvent.
    // New BTC ratio 1 - 0.01 * 10,000 / 10,000 = 0.99 -> 9,900.
    const [r1, r2] = result.rounds;
    expect(r1).toMatchObject({ round: 1, liquidated: 1, liquidatedNotional: '100000', impactCost: '50', bankrupt: 0 });
    expect(r1!.flows).toContainEqual(['BTC', '10000']);
    expect(r1!.flows).toContainEqual(['ETH', '100000']);
    expect(r1!.ratios).toContainEqual(['BTC', '0.99']);
    // Round 2 at BTC 9,900: B has MB = 150 - 100 = 50, MM = 99: HF 0.505, liquidated (its USDT covers it: no sale).
    // Fill 1 - 0.01 * (10,000 + 20,000) / 20,000 = 0.985 -> 9,850: slippage 50; B's equity 150 + (9,850 - 10,000) = 0.
    // New ratio 1 - 0.01 * 20,000 / 10,000 = 0.98. A holds only spot now: nothing left to liquidate; round 3 is empty.
    expect(r2).toMatchObject({ round: 2, liquidated: 1, liquidatedNotional: '9900', impactCost: '50', bankrupt: 0 });
    expect(r2!.ratios).toContainEqual(['BTC', '0.98']);
    expect(result.stop).toBe('no-liquidation');
    expect(result.names).toEqual(['A · cross', 'B · cross']);
    expect(Array.from(result.liquidations.collateralSold)).toEqual([10000, 0]);
    // Accounting. Price effect: BTC exposure 20,500 (A 10,500 + B 10,000) less round 1's flow 10,000 = 10,500, times
    // (0.99 - 1) = -105; then 10,500 - 10,000 = 500 (A's 0.05 BTC) times (0.98 - 0.99) = -5: -110.
    // Accounts: A 500 -> -50 + 0.05 * 9,800 = 440 (-60); B 150 -> 0 (-150): -210. Impact 50 + 50 = 100.
    // -210 + 0 (fund) + 100 = -110.
    expect(result.accounting).toEqual({ accountsChange: '-210', fundChange: '0', impactCost: '100', priceEffect: '-110', fees: '0' });
  });

  it('the same book with the collateral held as USDT: nothing is sold, BTC stays, B survives', () => {
    // A: 10,500 USDT instead: the same MB 500 and HF 0.556, but after the ETH close its stable balance is
    // 10,500 - 10,000 = 500 >= 0: nothing to cover, no BTC flow.
    const { result } = cascade([spot('USDT', '10500', '1', { account: 'A' }), eth('A'), ...b()], params, shock);
    expect(result.rounds).toHaveLength(1);
    expect(result.rounds[0]!.flows).toContainEqual(['BTC', '0']);
    expect(result.names).toEqual(['A · cross']);
    expect(Array.from(result.liquidations.collateralSold)).toEqual([0]);
  });

  it('sells all the collateral when it is worth less than the shortfall, and the fee counts in it', () => {
    // A: 0.5 BTC (5,000) + the ETH long; fee 1%. MB = 5,000 - 10,000 < 0: liquidated. Stable balance
    // after the close -10,000, fee 0.01 * 90,000 = 900: shortfall 10,900 > 5,000, all 0.5 BTC sold.
    const { result } = cascade([spot('BTC', '0.5', '10000', { account: 'A' }), eth('A')], { ...params, feeRate: '0.01' }, shock);
    expect(Array.from(result.liquidations.collateralSold)).toEqual([5000]);
    expect(result.rounds[0]!.flows).toContainEqual(['BTC', '5000']);
  });
});
