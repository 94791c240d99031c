import { describe, expect, it } from 'vitest';
import { evaluate, positionOf, row, spot } from './helpers';

/**
 * Deribit Support, "Linear Perpetual" (support.deribit.com/hc/en-us/articles/25944738177565), table
 * "Standard Margin IM & MM examples", BTC_USDC at a price of 100,000:
 * IM = 2% + (position size in BTC) × 0.005%, MM = 1% + (position size in BTC) × 0.005%;
 * 25 BTC: IM 2.125% = 0.53125 BTC = 53,125 USDC, MM 1.125% = 0.28125 BTC = 28,125 USDC;
 * 350 BTC: IM 3.75% = 13.125 BTC = 1,312,500 USDC. (docs/venue-sources.md §8)
 */
describe('deribit: the published size-scaled rates', () => {
  const btc = (qty: string) =>
    row({ venue: 'deribit', symbol: 'BTC_USDC-PERPETUAL', underlying: 'BTC', qty, markPrice: '100000', entryPrice: '100000' });

  it('25 BTC of BTC_USDC at 100,000: IM 53,125 USDC, MM 28,125 USDC, rates 2.125% and 1.125%', () => {
    const p = positionOf(evaluate([btc('25'), spot('USDC', '1000000', '1', { venue: 'deribit' })]), 'BTC_USDC-PERPETUAL');
    expect(p.initialMargin).toBe('53125');
    expect(p.maintenanceMargin).toBe('28125');
    expect(p.imr).toBe('0.02125');
    expect(p.mmr).toBe('0.01125');
  });

  it('350 BTC of BTC_USDC at 100,000: IM 3.75% = 1,312,500 USDC', () => {
    const p = positionOf(evaluate([btc('350'), spot('USDC', '10000000', '1', { venue: 'deribit' })]), 'BTC_USDC-PERPETUAL');
    expect(p.initialMargin).toBe('1312500');
    // MM by the same rule: 1% + 350 × 0.005% = 2.75%; 35,000,000 × 2.75% = 962,500
    expect(p.maintenanceMargin).toBe('962500');
  });
});
