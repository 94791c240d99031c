import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { compareVenues, type VenueComparison } from '../../src/engine/compare';
import { AS_OF, expectClose, row, spot } from './helpers';

/**
 * One long and one short on a 10,000 USDT account, margined under every venue. Hand arithmetic:
 * long 1 BTC from 50,000 with 10,000 of collateral: 10,000 + (P - 50,000) = MM(P)
 * - binance tier 1 (mmr 0.4%, notional <= 50,000): 0.996 P = 40,000          -> P = 40,160.6425...
 * - bybit tier 1 (0.5%) on the entry value: MM = 250 fixed                    -> P = 40,250
 * - okx default 0.5% + taker fee 0.05%: 0.9945 P = 40,000                     -> P = 40,221.2167...
 * - hyperliquid BTC 40x: mmr 1/80: 0.9875 P = 40,000                         -> P = 40,506.3291...
 * - deribit 1% + 0.005% × 1 BTC = 1.005%: 0.98995 P = 40,000                 -> P = 40,406.0811...
 */
function compare(rows = book()): VenueComparison {
  const result = compareVenues({ rows, source: 'test.csv', asOf: AS_OF });
  if (!result.ok) throw new Error(result.error);
  return result.comparison;
}

function book() {
  return [
    spot('USDT', '10000', '1', { venue: 'binance' }),
    row({ venue: 'binance', symbol: 'BTCUSDT', qty: '1', entryPrice: '50000', markPrice: '50000', leverage: '10', venueLiquidationPrice: '40160.64', venueMaintenanceMargin: '200' }),
    spot('USDT', '10000', '1', { venue: 'binance', account: 'hedge' }),
    row({ venue: 'binance', account: 'hedge', symbol: 'BTCUSDT', qty: '-1', entryPrice: '45000', markPrice: '45000', leverage: '10' }),
  ];
}

describe('compareVenues', () => {
  it('gives each venue its own liquidation price for the same long', () => {
    const long = compare().positions.find((p) => p.account === 'main' && p.symbol === 'BTCUSDT')!;
    const lp = (venue: string) => long.venues.find((v) => v.venue === venue)!.liquidationPrice;
    expectClose(lp('binance'), new Dec(40000).div('0.996'));
    expect(lp('bybit')).toBe('40250');
    expectClose(lp('okx'), new Dec(40000).div('0.9945'));
    expectClose(lp('hyperliquid'), new Dec(40000).div('0.9875'));
    expectClose(lp('deribit'), new Dec(40000).div('0.98995'));
    // the highest liquidation price of a long is the nearest: Hyperliquid's
    expect(long.mostConservative).toBe('hyperliquid');
    expect(long.venues.find((v) => v.venue === 'aave-v3')!.available).toBe(false);
  });

  it('names the reason of each difference in plain words', () => {
    const long = compare().positions.find((p) => p.account === 'main' && p.symbol === 'BTCUSDT')!;
    const reasons = (venue: string) => long.venues.find((v) => v.venue === venue)!.reasons.join(' | ');
    expect(reasons('okx')).toMatch(/fee term/);
    expect(reasons('deribit')).toMatch(/rate grows with size/);
    expect(reasons('hyperliquid')).toMatch(/half the initial rate at max leverage/);
    // the hedge account's short crosses Binance's 50,000 bracket on the way to its liquidation price:
    // 10,000 + 45,000 - P = 0.005 P - 50  =>  P = 55,050 / 1.005 = 54,776.119...
    const short = compare().positions.find((p) => p.account === 'hedge' && p.symbol === 'BTCUSDT')!;
    const binance = short.venues.find((v) => v.venue === 'binance')!;
    expectClose(binance.liquidationPrice, new Dec(55050).div('1.005'));
    expect(binance.reasons.join(' ')).toMatch(/tier at the liquidation price: the notional moves from tier 1 to tier 2/);
  });

  it('MM on entry value: Bybit\'s reason appears when the mark has left the entry', () => {
    const rows = [spot('USDT', '10000', '1', { venue: 'bybit' }), row({ venue: 'bybit', symbol: 'BTCUSDT', qty: '1', entryPrice: '50000', markPrice: '52000' })];
    const p = compare(rows).positions[1]!;
    expect(p.venues.find((v) => v.venue === 'bybit')!.reasons.join(' ')).toMatch(/MM on entry value/);
  });

  it('sets the venue\'s own figures beside ours, with the gap', () => {
    const long = compare().positions.find((p) => p.account === 'main' && p.symbol === 'BTCUSDT')!;
    // ours 40,160.6425..., theirs 40,160.64: gap 0.0025...; MM 50,000 × 0.004 = 200 on both sides
    expect(long.theirs!.maintenanceMarginGap).toBe('0');
    expectClose(long.theirs!.liquidationPriceGap, new Dec(40000).div('0.996').minus('40160.64'), '1e-9');
  });

  it('shows each unit\'s ratio as the venue shows it: OKX MB/MM, the others MM/MB', () => {
    const main = compare().units.find((u) => u.account === 'main')!;
    // binance: MM = 200, MB = 10,000 -> 0.02; okx: MM = 50,000 × 0.0055 = 275 -> MB / MM = 36.3636...
    expect(main.venues.find((v) => v.venue === 'binance')!.venueRatio!.value).toBe('0.02');
    expectClose(main.venues.find((v) => v.venue === 'okx')!.venueRatio!.value, new Dec(10000).div(275));
    expect(main.mostConservative).toBe('hyperliquid'); // MM 625: the lowest HF, 16
  });

  it('a lending book: Aave\'s close factor and the bonus as the cost of a liquidation', () => {
    // 4 ETH at 2,500 (LT 0.825, bonus 5%) against 6,000 USDC: HF 1.375; a liquidation repays 50% = 3,000 and costs 150
    const rows = [spot('ETH', '4', '2500', { venue: 'aave-v3' }), spot('USDC', '-6000', '1', { venue: 'aave-v3' })];
    const aave = compare(rows).units[0]!.venues.find((v) => v.venue === 'aave-v3')!;
    expect(aave.healthFactor).toBe('1.375');
    expect(aave.liquidation).toEqual({ closeFactor: '0.5', repaid: '3000', cost: '150' });
  });
});
