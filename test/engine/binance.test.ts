import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { BINANCE_TIER_TABLES } from '../../src/engine/venues/binance';
import { parseLeverageBrackets } from '../../src/engine/venues/tiers';
import { evaluate, expectClose, positionOf, row, spot, unitOf } from './helpers';

/**
 * Binance USDⓈ-M examples. Sources (see docs/venue-sources.md):
 * - FAQ "How to Calculate Liquidation Price of USDⓈ-M Contracts": LP = (WB - TMM1 + UPNL1 + cum - side*|q|*E) / (|q|*mmr - side*|q|)
 * - FAQ (liquidation / stop-loss): "wallet balance of 500 USDT ... long BTCUSDT position worth 1,000 USDT with 20x leverage
 *   at $50,000 ... your liquidation price will be $25,100.40."
 * - FAQ: "the Maintenance Amount on Level 3 = 250,000 * (1% - 0.5%) + 50 USDT = 1,300 USDT", and "if the position size of
 *   a USDT-margined BTCUSDT contract is 264,000 USDT, then the maintenance margin rate would be 1%".
 */

// The BTCUSDT table those FAQ examples were written against (leverageBracket dump, see docs/venue-sources.md §2.3).
const OLD_BTC_BRACKETS = [
  {
    symbol: 'BTCUSDT',
    brackets: [
      { bracket: 1, initialLeverage: 125, notionalCap: 50000, notionalFloor: 0, maintMarginRatio: 0.004, cum: 0 },
      { bracket: 2, initialLeverage: 100, notionalCap: 250000, notionalFloor: 50000, maintMarginRatio: 0.005, cum: 50 },
      { bracket: 3, initialLeverage: 50, notionalCap: 3000000, notionalFloor: 250000, maintMarginRatio: 0.01, cum: 1300 },
      { bracket: 4, initialLeverage: 20, notionalCap: 20000000, notionalFloor: 3000000, maintMarginRatio: 0.025, cum: 46300 },
    ],
  },
];

function oldTables() {
  const parsed = parseLeverageBrackets(OLD_BTC_BRACKETS, 'faq', '2021');
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.tables;
}

describe('Binance FAQ examples', () => {
  it('cross, one long: 500 USDT wallet, 1,000 USDT of BTCUSDT at 50,000 with 20x liquidates at 25,100.40', () => {
    // |q| = 1000 / 50000 = 0.02 BTC; tier 1: mmr 0.004, cum 0.
    // LP = (500 - 0 + 0 + 0 - 1 * 0.02 * 50000) / (0.02 * 0.004 - 1 * 0.02) = (-500) / (-0.01992) = 25100.4016...
    const report = evaluate([
      spot('USDT', '500', '1', { venue: 'binance' }),
      row({ venue: 'binance', symbol: 'BTCUSDT', qty: '0.02', entryPrice: '50000', markPrice: '50000', leverage: '20' }),
    ]);
    const btc = positionOf(report, 'BTCUSDT');
    expectClose(btc.liquidationPrice, new Dec(500).div('0.01992'));
    expect(new Dec(btc.liquidationPrice!).toDecimalPlaces(2).toFixed(2)).toBe('25100.40');
    // IM = 1000 / 20 = 50; MM = 1000 * 0.004 = 4; HF = 500 / 4 = 125
    const unit = unitOf(report);
    expect(unit.initialMargin).toBe('50');
    expect(unit.maintenanceMargin).toBe('4');
    expect(unit.healthFactor).toBe('125');
    expect(btc.bracket).toBe(1);
  });

  it('cross with other positions: the FAQ variable set (WB 1,535,443.01, TMM1 71,200.81144, UPNL1 -56,354.57, cum 135,365)', () => {
    // Long 3,683.979 at 1,456.84 with mmr 10% and cum 135,365 (row rates), the other contract carrying TMM1 and UPNL1:
    // numerator   = 1,535,443.01 - 71,200.81144 + (-56,354.57) + 135,365 - 3,683.979 * 1,456.84
    //             = 1,543,252.62856 - 5,366,967.96636 = -3,823,715.3378
    // denominator = 3,683.979 * 0.10 - 3,683.979 = -3,315.5811      => LP = 3,823,715.3378 / 3,315.5811 = 1,153.2565...
    // The other contract: qty 1, mark 712,008.1144, mmr 0.1 => MM 71,200.81144; entry 768,362.6844 => UPNL -56,354.57.
    const report = evaluate([
      spot('USDT', '1535443.01', '1'),
      row({ symbol: 'ETHUSDT', qty: '3683.979', entryPrice: '1456.84', markPrice: '1456.84', mmr: '0.1', maintenanceAmount: '135365' }),
      row({ symbol: 'OTHERUSDT', qty: '1', entryPrice: '768362.6844', markPrice: '712008.1144', mmr: '0.1' }),
    ]);
    const eth = positionOf(report, 'ETHUSDT');
    expectClose(eth.liquidationPrice, new Dec('3823715.3378').div('3315.5811'));
    expect(new Dec(eth.liquidationPrice!).toDecimalPlaces(4).toFixed(4)).toBe('1153.2565');
  });

  it('maintenance amount recursion: level 3 cum = 250,000 * (1% - 0.5%) + 50 = 1,300; MM at 500,000 = 5,000 - 1,300', () => {
    const tables = oldTables();
    const report = evaluate(
      [spot('USDT', '100000', '1', { venue: 'binance' }), row({ venue: 'binance', symbol: 'BTCUSDT', qty: '10', markPrice: '50000' })],
      { tierTables: tables },
    );
    const btc = positionOf(report, 'BTCUSDT');
    expect(btc.bracket).toBe(3);
    expect(btc.maintenanceAmount).toBe('1300');
    expect(btc.maintenanceMargin).toBe('3700'); // 500,000 * 0.01 - 1,300
  });

  it('264,000 USDT of BTCUSDT takes the 1% rate (FAQ), with the table the FAQ used', () => {
    const report = evaluate(
      [spot('USDT', '100000', '1', { venue: 'binance' }), row({ venue: 'binance', symbol: 'BTCUSDT', qty: '4.4', markPrice: '60000' })],
      { tierTables: oldTables() },
    );
    expect(positionOf(report, 'BTCUSDT').mmr).toBe('0.01');
  });

  it('isolated short: WB is the isolated wallet, TMM1 = UPNL1 = 0', () => {
    // ETHUSDT short 12 at 3,420, isolated 4,100; tier 1 (notional 40,686 <= 50,000): mmr 0.004, cum 0.
    // LP = (4100 + 0 - (-1) * 12 * 3420) / (12 * 0.004 - (-1) * 12) = 45140 / 12.048 = 3746.6799...
    // At that price the notional is 44,960 <= 50,000: still tier 1.
    const report = evaluate([
      row({ venue: 'binance', symbol: 'ETHUSDT', qty: '-12', entryPrice: '3420', markPrice: '3390.5', marginMode: 'isolated', isolatedMargin: '4100' }),
    ]);
    expectClose(positionOf(report, 'ETHUSDT').liquidationPrice, new Dec(45140).div('12.048'));
  });

  it('re-evaluates the tier at the liquidation price (tier 2 today, tier 1 at the LP)', () => {
    // 2024 BTCUSDT table: tier 1 <= 50,000 at 0.4%, tier 2 at 0.5% with cum 50. Long 1 at 60,000, wallet 15,000.
    // With tier 2: LP = (60000 - 15000 - 50) / 0.995 = 45,175.88: notional 45,175.88 is in tier 1, so tier 2 is wrong.
    // With tier 1: LP = (60000 - 15000 - 0) / 0.996 = 45,180.7228...: notional in tier 1, consistent. That is the answer.
    const report = evaluate([
      spot('USDT', '15000', '1', { venue: 'binance' }),
      row({ venue: 'binance', symbol: 'BTCUSDT', qty: '1', entryPrice: '60000', markPrice: '60000' }),
    ]);
    const btc = positionOf(report, 'BTCUSDT');
    expect(btc.bracket).toBe(2);
    expectClose(btc.liquidationPrice, new Dec(45000).div('0.996'));
  });
});

describe('built-in Binance tier tables', () => {
  it('has BTCUSDT, ETHUSDT, SOLUSDT, BNBUSDT, XRPUSDT', () => {
    for (const s of ['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'BNBUSDT', 'XRPUSDT']) expect(BINANCE_TIER_TABLES.has(s)).toBe(true);
  });

  it('every table keeps MM continuous: cum_n = cum_(n-1) + floor_n * (mmr_n - mmr_(n-1)) (the FAQ recursion)', () => {
    for (const table of BINANCE_TIER_TABLES.values()) {
      table.tiers.forEach((tier, i) => {
        const previous = table.tiers[i - 1];
        const expected = previous ? previous.cum.plus(tier.floor.times(tier.mmr.minus(previous.mmr))) : new Dec(0);
        expect(tier.cum.toFixed(), `${table.symbol} bracket ${tier.bracket}`).toBe(expected.toFixed());
      });
    }
  });

  it('refuses a bracket file with a gap between brackets', () => {
    const broken = [{ symbol: 'X', brackets: [
      { bracket: 1, initialLeverage: 10, notionalCap: 100, notionalFloor: 0, maintMarginRatio: 0.01, cum: 0 },
      { bracket: 2, initialLeverage: 5, notionalCap: 300, notionalFloor: 200, maintMarginRatio: 0.02, cum: 1 },
    ] }];
    const parsed = parseLeverageBrackets(broken, 'x.json', 'now');
    expect(parsed.ok).toBe(false);
  });
});
