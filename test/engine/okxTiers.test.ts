import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { OKX_TIER_TABLES, okxContractValues, parseOkxPositionTiers } from '../../src/engine/venues/okx';
import { tierAtQuantity } from '../../src/engine/venues/tiers';
import type { PortfolioRow } from '../../src/engine/types';
import { evaluate, expectClose, positionOf, row, spot, unitOf } from './helpers';

/**
 * Source: OKX announcement "OKX to adjust position tiers of perpetual swaps" (2023-05-15, effective
 * 2023-05-19), ADAUSDT perpetual after the change: tier 1 up to 1,500 contracts, mmr 0.50%, 75x;
 * tier 2 up to 3,000, 0.75%, 50x; tier 3 up to 6,000, 1.00%, 40x. ADA-USDT-SWAP ctVal = 100 ADA.
 * The taker fee of 0.05% rides on the rate in the liquidation condition (docs/venue-sources.md §9).
 */

const ADA = (qtyContracts: string, extra: Partial<PortfolioRow> = {}): PortfolioRow =>
  row({ venue: 'okx', symbol: 'ADA-USDT-SWAP', underlying: 'ADA', qty: qtyContracts, contractSize: '100', entryPrice: '0.4', markPrice: '0.4', ...extra });

describe('OKX position tiers: counted in contracts, loaded from OKX\'s own response', () => {
  it('the shipped table turns contract bounds into ADA: caps 1,500 × 100, 3,000 × 100, 6,000 × 100', () => {
    const table = OKX_TIER_TABLES.get('ADAUSDT')!;
    expect(table).toBe(OKX_TIER_TABLES.get('ADA-USDT'));
    expect(table.sizedIn).toBe('quantity');
    expect(table.asOf).toBe('2023-05-19');
    expect(table.tiers.map((t) => [t.bracket, t.floor.toFixed(), t.cap.toFixed(), t.mmr.toFixed(), t.cum.toFixed(), t.maxLeverage.toFixed()])).toEqual([
      [1, '0', '150000', '0.005', '0', '75'],
      [2, '150000', '300000', '0.0075', '0', '50'],
      [3, '300000', '600000', '0.01', '0', '40'],
    ]);
  });

  it('a tier covers sizes up to and including its maxSz: 1,500 contracts is tier 1, 1,501 is tier 2', () => {
    const table = OKX_TIER_TABLES.get('ADAUSDT')!;
    expect(tierAtQuantity(table, new Dec(1500 * 100)).tiers[0]!.bracket).toBe(1);
    expect(tierAtQuantity(table, new Dec(1501 * 100)).tiers[0]!.bracket).toBe(2);
  });

  it('isolated long 2,000 contracts (200,000 ADA) at 0.40 with 1,600 USDT of margin: tier 2, MM and liquidation price by hand', () => {
    // notional 200,000 × 0.40 = 80,000; tier 2 mmr 0.75% + fee 0.05% = 0.8%; MM = 80,000 × 0.008 = 640.
    // Liquidation: 1,600 + 200,000 (P - 0.4) = 200,000 P × 0.008  =>  198,400 P = 78,400  =>  P = 0.3951612903...
    const report = evaluate([ADA('2000', { marginMode: 'isolated', isolatedMargin: '1600' })]);
    const ada = positionOf(report, 'ADA-USDT-SWAP');
    expect(ada.mmr).toBe('0.008');
    expect(ada.maintenanceMargin).toBe('640');
    expectClose(ada.liquidationPrice, new Dec(78400).div(198400));
  });

  it('the tier stays with the size when the price moves: at 0.20 the same 2,000 contracts are still tier 2', () => {
    // a notional table would drop to a lower tier at half the price; OKX's count of contracts does not change.
    // MM = 200,000 × 0.20 × 0.008 = 320
    const report = evaluate([ADA('2000', { markPrice: '0.2' }), spot('USDT', '100000', '1', { venue: 'okx' })]);
    expect(positionOf(report, 'ADA-USDT-SWAP').maintenanceMargin).toBe('320');
  });

  it('the initial rate is 1 / maxLever of the tier: 1,000 contracts at 0.40 (tier 1, 75x) and 4,000 (tier 3, 40x)', () => {
    // tier 1: 100,000 × 0.4 / 75 = 533.33...; tier 3: 400,000 × 0.4 / 40 = 4,000
    const small = evaluate([ADA('1000'), spot('USDT', '100000', '1', { venue: 'okx' })]);
    expectClose(positionOf(small, 'ADA-USDT-SWAP').initialMargin, new Dec(40000).div(75));
    const large = evaluate([ADA('4000'), spot('USDT', '100000', '1', { venue: 'okx' })]);
    expect(positionOf(large, 'ADA-USDT-SWAP').initialMargin).toBe('4000');
    // MM of the unit: 400,000 × 0.4 = 160,000 at tier 3's 1% + fee 0.05% = 1,680
    expect(unitOf(large).maintenanceMargin).toBe('1680');
  });
});

describe('OKX position-tiers loader: clear errors', () => {
  const response = {
    code: '0',
    msg: '',
    data: [
      { uly: 'XYZ-USDT', instFamily: 'XYZ-USDT', instId: '', tier: '1', minSz: '0', maxSz: '10', mmr: '0.01', imr: '0.02', maxLever: '50' },
      { uly: 'XYZ-USDT', instFamily: 'XYZ-USDT', instId: '', tier: '2', minSz: '11', maxSz: '20', mmr: '0.02', imr: '0.04', maxLever: '25' },
    ],
  };

  it('contract values come from OKX\'s instruments response', () => {
    const values = okxContractValues({ code: '0', data: [{ instType: 'SWAP', instId: 'XYZ-USDT-SWAP', instFamily: 'XYZ-USDT', uly: 'XYZ-USDT', ctVal: '0.5', ctValCcy: 'XYZ' }] });
    expect(values.ok).toBe(true);
    if (!values.ok) return;
    const parsed = parseOkxPositionTiers(response, values.values, 'test', '2025-01-01');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // 10 contracts × 0.5 = 5 XYZ; 20 × 0.5 = 10 XYZ
    expect(parsed.tables.get('XYZUSDT')!.tiers.map((t) => t.cap.toFixed())).toEqual(['5', '10']);
  });

  it('without a contract value the family is refused, saying what is missing', () => {
    const parsed = parseOkxPositionTiers(response, new Map(), 'test', '2025-01-01');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatch(/XYZ-USDT: contract value \(ctVal\) unknown/);
  });

  it('an error answer, a bad number and tiers out of order are each named', () => {
    const ct = new Map([['XYZ-USDT', new Dec('1')]]);
    const failed = parseOkxPositionTiers({ code: '51000', msg: 'Parameter instType error', data: [] }, ct, 'test', '2025-01-01');
    expect(failed.ok ? [] : failed.errors).toEqual(['position-tiers: OKX answered code "51000" (Parameter instType error), not "0"']);
    const bad = parseOkxPositionTiers({ code: '0', data: [{ ...response.data[0], mmr: 'abc' }, { ...response.data[1], maxSz: '5' }] }, ct, 'test', '2025-01-01');
    expect(bad.ok ? [] : bad.errors).toEqual(['data[0].mmr: expected a number, found "abc"']);
    const disorder = parseOkxPositionTiers({ code: '0', data: [response.data[0], { ...response.data[1], maxSz: '5' }] }, ct, 'test', '2025-01-01');
    expect(disorder.ok ? [] : disorder.errors).toEqual(["XYZ-USDT: tier 2 ends at 5 contracts, not above tier 1's 10"]);
  });
});
