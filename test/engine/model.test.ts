import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { evaluate, expectClose, positionOf, row, spot, unitOf } from './helpers';

describe('Aave v3 health factor', () => {
  it('Aave help example: $10,000 ETH at an 80% liquidation threshold, $6,000 GHO borrowed: HF 1.333', () => {
    // HF = 10,000 * 0.80 / 6,000 = 1.3333... (aave.com/help/borrowing/liquidations)
    const report = evaluate([
      spot('ETH', '4', '2500', { venue: 'aave-v3', haircut: '0.2' }),
      spot('GHO', '-6000', '1', { venue: 'aave-v3' }),
    ]);
    const unit = unitOf(report);
    expectClose(unit.healthFactor, new Dec(8000).div(6000));
    expect(unit.marginBalance).toBe('8000');
    expect(unit.maintenanceMargin).toBe('6000');
    expect(unit.status).toBe('warning'); // 1.25 <= 1.333 < 1.5
    // ETH liquidates where 4 * P * 0.8 = 6,000: P = 1,875
    expect(positionOf(report, 'ETH').liquidationPrice).toBe('1875');
  });

  it('weights each collateral by its own threshold (Aave V2 risk parameters: ETH 82.5%, WBTC 75%)', () => {
    // collateral 10 ETH * 2,000 * 0.825 = 16,500; 1 WBTC * 30,000 * 0.75 = 22,500; debt 26,000 USDC
    // HF = (16,500 + 22,500) / 26,000 = 1.5
    const report = evaluate([
      spot('ETH', '10', '2000', { venue: 'aave-v3', haircut: '0.175' }),
      spot('WBTC', '1', '30000', { venue: 'aave-v3', haircut: '0.25' }),
      spot('USDC', '-26000', '1', { venue: 'aave-v3' }),
    ]);
    expect(unitOf(report).healthFactor).toBe('1.5');
  });
});

describe('a cross account with two underlyings (hand-worked, generic venue, mmr 1%)', () => {
  // USDT 10,000; BTC long 1 at 50,000; ETH short 10 at 3,000; marks at entry.
  // MM = 50,000 * 0.01 + 30,000 * 0.01 = 800; MB = 10,000; HF = 12.5; MR = 0.08
  const rows = () => [
    spot('USDT', '10000', '1'),
    row({ symbol: 'BTCUSDT', qty: '1', markPrice: '50000', mmr: '0.01' }),
    row({ symbol: 'ETHUSDT', qty: '-10', markPrice: '3000', mmr: '0.01' }),
  ];

  it('unit figures', () => {
    const unit = unitOf(evaluate(rows()));
    expect(unit.maintenanceMargin).toBe('800');
    expect(unit.healthFactor).toBe('12.5');
    expect(unit.marginRatio).toBe('0.08');
    expect(unit.marginBuffer).toBe('9200');
    // IM at the generic default imr 0.01: 500 + 300
    expect(unit.availableMargin).toBe('9200');
  });

  it('BTC liquidation price with ETH at its mark', () => {
    // 10,000 + (P - 50,000) - 0.01 P - 300 = 0  =>  0.99 P = 40,300  =>  P = 40,707.0707...
    expectClose(positionOf(evaluate(rows()), 'BTCUSDT').liquidationPrice, new Dec(40300).div('0.99'));
  });

  it('ETH liquidation price with BTC at its mark', () => {
    // 10,000 - 10 (P - 3,000) - 0.1 P - 500 = 0  =>  10.1 P = 39,500  =>  P = 3,910.8910...
    const eth = positionOf(evaluate(rows()), 'ETHUSDT');
    expectClose(eth.liquidationPrice, new Dec(39500).div('10.1'));
    // short: distance = (LP - M) / M
    expectClose(eth.distanceToLiquidation, new Dec(39500).div('10.1').minus(3000).div(3000));
  });

  it('liquidation shock: every non-stable mark times x', () => {
    // 10,000 + 50,000 (x - 1) - 30,000 (x - 1) - 800 x = 0  =>  19,200 x = 10,000  =>  s = x - 1 = -0.47916...
    const shock = unitOf(evaluate(rows())).liquidationShock;
    expectClose(shock.down, new Dec(10000).div(19200).minus(1));
    expect(shock.up).toBeNull(); // net long: no upward move liquidates
  });

  it('a shock equal to the liquidation shock brings HF to 1', () => {
    const down = unitOf(evaluate(rows())).liquidationShock.down!;
    const shocked = unitOf(evaluate(rows(), { scenario: { shocks: [], all: down, volShock: '0', days: '0', addCollateral: [] } }));
    expectClose(shocked.healthFactor, '1', '1e-30');
    expect(shocked.status).toBe('liquidation');
  });
});

describe('scenarios', () => {
  const faq = () => [spot('USDT', '500', '1'), row({ symbol: 'BTCUSDT', qty: '0.02', entryPrice: '50000', markPrice: '50000', mmr: '0.004' })];
  const scenario = (over: object) => ({ shocks: [] as Array<[string, string]>, all: '0', volShock: '0', days: '0', addCollateral: [] as Array<[string, string]>, ...over });

  it('a named shock moves that underlying: BTC -20% => mark 40,000, PnL -200, MM 3.2, HF 93.75', () => {
    // PnL = 0.02 * (40,000 - 50,000) = -200; MB = 300; MM = 800 * 0.004 = 3.2; HF = 300 / 3.2 = 93.75
    const unit = unitOf(evaluate(faq(), { scenario: scenario({ shocks: [['BTC', '-0.2']] }) }));
    expect(unit.unrealizedPnl).toBe('-200');
    expect(unit.healthFactor).toBe('93.75');
    expect(positionOf(evaluate(faq(), { scenario: scenario({ shocks: [['BTC', '-0.2']] }) }), 'BTCUSDT').markPrice).toBe('40000');
  });

  it('"all" compounds with a named shock and leaves stablecoins alone: (1 - 0.1)(1 - 0.1) = 0.81', () => {
    const report = evaluate(faq(), { scenario: scenario({ all: '-0.1', shocks: [['BTC', '-0.1']] }) });
    expect(positionOf(report, 'BTCUSDT').markPrice).toBe('40500');
    expect(positionOf(report, 'USDT').markPrice).toBe('1');
  });

  it('a depeg is named: USDT -5% => collateral 475', () => {
    expect(unitOf(evaluate(faq(), { scenario: scenario({ shocks: [['USDT', '-0.05']] }) })).collateral).toBe('475');
  });

  it('added collateral raises the margin balance: +300 => MB 800, HF 200', () => {
    const unit = unitOf(evaluate(faq(), { scenario: scenario({ addCollateral: [['main', '300']] }) }));
    expect(unit.marginBalance).toBe('800');
    expect(unit.healthFactor).toBe('200');
  });

  it('refuses a move of -100% or below', () => {
    expect(() => evaluate(faq(), { scenario: scenario({ all: '-1' }) })).toThrow(/above -1/);
  });
});

describe('status thresholds', () => {
  // MB 1,300, MM 1,000 (generic mmr 0.01 on 100,000 notional): HF 1.3
  const rows = () => [spot('USDT', '1300', '1'), row({ symbol: 'BTCUSDT', qty: '2', markPrice: '50000', mmr: '0.01' })];
  it.each([
    [{ targetHF: '1.5', marginCallHF: '1.25' }, 'warning'],
    [{ targetHF: '1.2', marginCallHF: '1.1' }, 'ok'],
    [{ targetHF: '1.5', marginCallHF: '1.35' }, 'margin_call'],
  ])('HF 1.3 with %o is %s', (thresholds, status) => {
    expect(unitOf(evaluate(rows(), { thresholds })).status).toBe(status);
  });

  it('HF exactly 1 is liquidation', () => {
    const unit = unitOf(evaluate([spot('USDT', '1000', '1'), row({ symbol: 'BTCUSDT', qty: '2', markPrice: '50000', mmr: '0.01' })]));
    expect(unit.healthFactor).toBe('1');
    expect(unit.status).toBe('liquidation');
  });

  it('no maintenance margin: no health factor, nothing to liquidate', () => {
    const unit = unitOf(evaluate([spot('USDT', '1000', '1')]));
    expect(unit.healthFactor).toBeNull();
    expect(unit.status).toBe('ok');
    expect(positionOf(evaluate([spot('USDT', '1000', '1')]), 'USDT').liquidationPrice).toBeNull();
  });
});

describe('isolated units', () => {
  it('MB = isolated margin + PnL; a long at 10x: LP = (1000 - 10000) / (0.005 - 1)', () => {
    // qty 1, entry 10,000, mark 10,000, isolated 1,000, mmr 0.005: 1,000 + (P - 10,000) - 0.005 P = 0 => P = 9,045.2261...
    const report = evaluate([row({ symbol: 'BTCUSDT', qty: '1', entryPrice: '10000', markPrice: '10000', marginMode: 'isolated', isolatedMargin: '1000', mmr: '0.005' })]);
    const unit = unitOf(report, 'isolated:BTCUSDT');
    expect(unit.marginBalance).toBe('1000');
    expectClose(positionOf(report, 'BTCUSDT').liquidationPrice, new Dec(9000).div('0.995'));
  });
});
