import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { closeFactor, liquidationCost, parseAaveReserves } from '../../src/engine/venues/aave';
import { BYBIT_TIER_TABLES } from '../../src/engine/venues/bybit';
import { HYPERLIQUID_TIER_TABLES, hyperliquidTable } from '../../src/engine/venues/hyperliquid';
import { evaluate, expectClose, positionOf, row, spot, unitOf } from './helpers';

/** Sources: docs/venue-sources.md §6-§9 (Bybit, Hyperliquid, Deribit, OKX) and §3 (Aave). */

describe('bybit (linear): MM on the value at entry, risk-limit deduction, tiered collateral', () => {
  it('Bybit "Liquidation Price (USDT Contract)" Example 1: long 1 BTC at 20,000 with 50x, MMR 0.5% liquidates at 19,700', () => {
    // IM = 1 × 20,000 / 50 = 400; MM = 1 × 20,000 × 0.5% - 0 = 100; LP = 20,000 - (400 - 100) = 19,700
    const report = evaluate([
      row({ venue: 'bybit', symbol: 'BTCUSDT', qty: '1', entryPrice: '20000', markPrice: '20000', marginMode: 'isolated', isolatedMargin: '400', leverage: '50' }),
    ]);
    const btc = positionOf(report, 'BTCUSDT');
    expect(btc.initialMargin).toBe('400');
    expect(btc.maintenanceMargin).toBe('100');
    expect(btc.liquidationPrice).toBe('19700');
  });

  it('the MM stays on the entry value when the mark moves (Binance would re-price it)', () => {
    // entry 20,000, mark 25,000: Bybit MM = 20,000 × 0.005 = 100, not 25,000 × 0.005 = 125
    const report = evaluate([row({ venue: 'bybit', symbol: 'BTCUSDT', qty: '1', entryPrice: '20000', markPrice: '25000' }), spot('USDT', '1000', '1', { venue: 'bybit' })]);
    expect(positionOf(report, 'BTCUSDT').maintenanceMargin).toBe('100');
  });

  it('the deduction recursion reproduces Bybit\'s published BTCUSDT deduction column', () => {
    // Bybit "Margin Parameters", BTCUSDT: 0, 1,200, 3,020, 4,300, 5,820, 8,460, 15,460, 20,500, 46,000, 66,000, 80,000,
    // 160,000, 300,000, 452,000, 502,000, 777,000, 837,000, 967,000, 1,107,000, 1,482,000
    // e.g. tier 2: 2,000,000 × (0.56% - 0.5%) + 0 = 1,200; tier 3: 2,600,000 × (0.63% - 0.56%) + 1,200 = 3,020
    const published = ['0', '1200', '3020', '4300', '5820', '8460', '15460', '20500', '46000', '66000', '80000', '160000', '300000', '452000', '502000', '777000', '837000', '967000', '1107000', '1482000'];
    expect(BYBIT_TIER_TABLES.get('BTCUSDT')!.tiers.map((t) => t.cum.toFixed())).toEqual(published);
  });

  it('tiered collateral value ratios apply band by band (Bybit UTA example table: BTC 0.98 to 10, 0.95 to 20, 0.9 to 30)', () => {
    // 25 BTC at 50,000: 10 × 0.98 + 10 × 0.95 + 5 × 0.9 = 23.8 BTC count, worth 1,190,000
    const report = evaluate([spot('BTC', '25', '50000', { venue: 'bybit' }), row({ venue: 'bybit', symbol: 'ETHUSDT', qty: '-10', entryPrice: '3000', markPrice: '3000' })]);
    expect(unitOf(report).collateral).toBe('1190000');
    // the haircut shown is the blended one: 1 - 23.8 / 25 = 0.048
    expect(positionOf(report, 'BTC').haircut).toBe('0.048');
  });

  it('Bybit inverse example (Trader B): 60,000 USD of BTCUSD long at 50,000, 0.12 BTC of margin, MMR 0.5% liquidates at 60,000 / 1.314', () => {
    // Position value = 60,000 / 50,000 = 1.2 BTC; MM = 1.2 × 0.5% = 0.006 BTC; IM = 0.12 BTC.
    // LP (long) = qty / [position value + (IM - MM)] = 60,000 / (1.2 + 0.12 - 0.006) = 45,662.10...
    const report = evaluate([
      spot('BTC', '0.12', '50000', { venue: 'bybit', haircut: '0' }),
      row({ venue: 'bybit', symbol: 'BTCUSD', underlying: 'BTC', qty: '60000', entryPrice: '50000', markPrice: '50000', mmr: '0.005', inverse: true }),
    ]);
    expectClose(positionOf(report, 'BTCUSD').liquidationPrice, new Dec(60000).div('1.314'));
  });
});

describe('okx: the taker fee in the liquidation condition', () => {
  it('isolated: (margin + PnL) = notional × (mmr + fee) at the liquidation price', () => {
    // long 1 BTC at 50,000 with 5,000 of margin, tier mmr 0.4%, taker fee 0.05%:
    // 5,000 + (P - 50,000) = P × 0.0045  =>  0.9955 P = 45,000  =>  P = 45,203.4154...
    const report = evaluate([
      row({ venue: 'okx', symbol: 'BTC-USDT-SWAP', underlying: 'BTC', qty: '1', entryPrice: '50000', markPrice: '50000', marginMode: 'isolated', isolatedMargin: '5000', mmr: '0.004' }),
    ]);
    const btc = positionOf(report, 'BTC-USDT-SWAP');
    expectClose(btc.liquidationPrice, new Dec(45000).div('0.9955'));
    // MM with the fee term: 50,000 × 0.0045 = 225
    expect(btc.maintenanceMargin).toBe('225');
    expect(btc.mmr).toBe('0.0045');
  });
});

describe('hyperliquid: mmr = 1 / (2 × max leverage) per tier with the deduction', () => {
  it('the docs\' example rate and BTC table: 40x -> 1.25%, 20x past 150M -> 2.5%, deduction 150M × 1.25% = 1,875,000', () => {
    const btc = HYPERLIQUID_TIER_TABLES.get('BTC')!;
    expect(btc.tiers.map((t) => [t.mmr.toFixed(), t.cum.toFixed()])).toEqual([['0.0125', '0'], ['0.025', '1875000']]);
    // continuity at the bound: 150M × 1.25% = 150M × 2.5% - 1.875M = 1.875M
    const t2 = btc.tiers[1]!;
    expect(new Dec('150000000').times(t2.mmr).minus(t2.cum).toFixed()).toBe('1875000');
  });

  it('the testnet DOGE table of the docs: 10x to 20k, 5x to 100k, 3x beyond', () => {
    // mmr 0.05, 0.1, 1/6; deductions 0, 20,000 × (0.1 - 0.05) = 1,000, 1,000 + 100,000 × (1/6 - 0.1) = 7,666.67
    const doge = hyperliquidTable('DOGE', { marginTiers: [{ lowerBound: '0', maxLeverage: 10 }, { lowerBound: '20000', maxLeverage: 5 }, { lowerBound: '100000', maxLeverage: 3 }] });
    expect(doge.tiers[1]!.cum.toFixed()).toBe('1000');
    expectClose(doge.tiers[2]!.cum.toFixed(), new Dec(1000).plus(new Dec(100000).times(new Dec(1).div(6).minus('0.1'))));
  });

  it('isolated long 1 BTC at 100,000 with 2,500 of margin (40x) liquidates where 2,500 + (P - 100,000) = P / 80', () => {
    // 0.9875 P = 97,500  =>  P = 98,734.177...
    const report = evaluate([row({ venue: 'hyperliquid', symbol: 'BTC', type: 'perp', underlying: 'BTC', qty: '1', entryPrice: '100000', markPrice: '100000', marginMode: 'isolated', isolatedMargin: '2500' })]);
    expectClose(positionOf(report, 'BTC').liquidationPrice, new Dec(97500).div('0.9875'));
  });
});

describe('deribit futures: rates growing with size; inverse contracts in the coin', () => {
  const book = () => [
    spot('BTC', '1', '50000', { venue: 'deribit' }),
    row({ venue: 'deribit', symbol: 'BTC-PERPETUAL', underlying: 'BTC', qty: '100000', entryPrice: '50000', markPrice: '50000', inverse: true }),
  ];

  it('IM = 2% + 0.005% per BTC, MM = 1% + 0.005% per BTC of size; HF is the coin ratio', () => {
    // size = 100,000 / 50,000 = 2 BTC; mmr = 0.01 + 0.00005 × 2 = 0.0101; MM = 2 × 0.0101 = 0.0202 BTC = 1,010 USD
    // imr = 0.02 + 0.0001 = 0.0201; IM = 0.0402 BTC = 2,010 USD; HF = 1 BTC / 0.0202 BTC = 49.504950...
    const report = evaluate(book());
    const unit = unitOf(report);
    expect(unit.maintenanceMargin).toBe('1010');
    expect(unit.initialMargin).toBe('2010');
    expectClose(unit.healthFactor, new Dec(1).div('0.0202'));
  });

  it('liquidation solves the coin condition exactly: 3 - 100,000/P = 1,000/P + 500,000/P^2', () => {
    // equity (BTC) = 1 + 100,000 × (1/50,000 - 1/P); MM (BTC) = (100,000/P) × (0.01 + 0.00005 × 100,000/P)
    // => 3P^2 - 101,000 P - 500,000 = 0  =>  P = (101,000 + sqrt(101,000^2 + 6,000,000)) / 6 = 33,671.6...
    const expected = new Dec(101000).plus(new Dec(101000).pow(2).plus(6000000).sqrt()).div(6);
    const report = evaluate(book());
    expectClose(positionOf(report, 'BTC-PERPETUAL').liquidationPrice, expected, '1e-15');
  });

  it('inverse PnL is q × cs × (1/E - 1/M) coins: short 10,000 USD from 40,000 at 50,000 loses 0.05 BTC = 2,500 USD', () => {
    // 10,000 × (1/50,000 - 1/40,000) = -0.05 BTC; at 50,000 that is -2,500
    const report = evaluate([spot('BTC', '1', '50000', { venue: 'deribit' }), row({ venue: 'deribit', symbol: 'BTC-PERPETUAL', underlying: 'BTC', qty: '-10000', entryPrice: '40000', markPrice: '50000', inverse: true })]);
    expect(positionOf(report, 'BTC-PERPETUAL').unrealizedPnl).toBe('-2500');
  });
});

describe('aave-v3 additions', () => {
  it('close factor 50% above HF 0.95, 100% at or below (LiquidationLogic CLOSE_FACTOR_HF_THRESHOLD = 0.95e18)', () => {
    expect(closeFactor(new Dec('0.96')).toFixed()).toBe('0.5');
    expect(closeFactor(new Dec('0.95')).toFixed()).toBe('1');
  });

  it('a liquidation costs the bonus on the repaid debt: 6,000 debt at HF 0.98, bonus 5% -> 3,000 repaid, 150 lost', () => {
    const cost = liquidationCost(new Dec(6000), new Dec('0.98'), new Dec('0.05'));
    expect([cost.closeFactor.toFixed(), cost.repaid.toFixed(), cost.cost.toFixed()]).toEqual(['0.5', '3000', '150']);
  });

  it('reserves load from UiPoolDataProvider fields in basis points; the threshold feeds the health factor', () => {
    const parsed = parseAaveReserves([{ symbol: 'WETH', reserveLiquidationThreshold: '8250', reserveLiquidationBonus: '10500' }]);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(parsed.reserves.get('WETH')!.liquidationThreshold.toFixed()).toBe('0.825');
    expect(parsed.reserves.get('WETH')!.liquidationBonus.toFixed()).toBe('0.05');
    expect(parseAaveReserves([{ symbol: 'X', reserveLiquidationThreshold: 'abc', reserveLiquidationBonus: '9000' }]).ok).toBe(false);
  });

  it('built-in thresholds apply when a row has none: Aave help example 10,000 of ETH at LT 0.80 ... here ETH 0.825', () => {
    // 10,000 × 0.825 / 6,000 = 1.375
    const report = evaluate([spot('ETH', '4', '2500', { venue: 'aave-v3' }), spot('USDC', '-6000', '1', { venue: 'aave-v3' })]);
    expect(unitOf(report).healthFactor).toBe('1.375');
  });
});
