import { describe, expect, it } from 'vitest';
import { chartData, prepareCharts, CURVE_MAX_MOVE, CURVE_MIN_MOVE } from '../../src/engine/curves';
import { Dec } from '../../src/engine/decimal';
import { prepareScenario } from '../../src/engine/scenario';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type PortfolioRow, type Scenario } from '../../src/engine/types';
import { prepareAccounts } from '../../src/engine/units';
import { AS_OF, row, spot } from './helpers';

function charts(rows: PortfolioRow[], scenario: Scenario = EMPTY_SCENARIO, unit: { account: string; unit: string } | null = null) {
  const checked = prepareScenario(scenario, DEFAULT_THRESHOLDS);
  if (!checked.ok) throw new Error(checked.error);
  return chartData(prepareCharts(prepareAccounts({ source: 't.csv', rows }, new Map(), { asOf: AS_OF, volShock: 0, days: 0 })), { scenario: checked.scenario, unit });
}

/** The Binance FAQ book (public/samples/binance-faq.csv): 500 USDT wallet, 0.02 BTC long at 50,000, 20x. */
const faq = () => [
  spot('USDT', '500', '1', { venue: 'binance' }),
  row({ venue: 'binance', symbol: 'BTCUSDT', qty: '0.02', entryPrice: '50000', markPrice: '50000', leverage: '20' }),
];

describe('HF curve: Binance FAQ, one long (liquidation price 25,100.40 per the FAQ)', () => {
  // Price ratio x = 1 + move. Notional 0.02 * 50000x = 1000x stays in tier 1 (mmr 0.004, cum 0) up to x = 50.
  // MB(x) = 500 + 0.02 * (50000x - 50000) = 1000x - 500;  MM(x) = 1000x * 0.004 = 4x;  HF = (1000x - 500) / (4x).
  const data = charts(faq());
  const curve = data.curve!;

  it('picks the only unit and crosses HF = 1 at move 25100.40 / 50000 - 1', () => {
    expect(curve.account).toBe('main');
    expect(curve.unit).toBe('cross');
    // HF = 1: 1000x - 500 = 4x  =>  x = 500 / 996 = 0.502008..., LP = 50000x = 25100.4016 (the FAQ's 25,100.40)
    expect(curve.liquidationMoves).toHaveLength(1);
    const move = new Dec(curve.liquidationMoves[0]!);
    const expected = new Dec(500).div(996).minus(1);
    expect(move.minus(expected).abs().lt('1e-30')).toBe(true);
    expect(move.plus(1).times(50000).toDecimalPlaces(2).toFixed(2)).toBe('25100.40');
  });

  it('at no move HF = 500 / 4 = 125, and every sample follows (1000x - 500) / (4x)', () => {
    expect(curve.currentMove).toBe('0');
    expect(curve.currentHF).toBe('125');
    expect(curve.currentMarginBalance).toBe('500');
    expect(curve.currentMaintenance).toBe('4');
    expect(curve.move[0]).toBeCloseTo(CURVE_MIN_MOVE, 12);
    expect(curve.move[curve.move.length - 1]).toBeCloseTo(CURVE_MAX_MOVE, 12);
    expect(curve.move.length).toBeGreaterThan(400);
    curve.move.forEach((m, i) => {
      const x = 1 + m;
      expect(curve.marginBalance[i]).toBeCloseTo(1000 * x - 500, 8);
      expect(curve.maintenance[i]).toBeCloseTo(4 * x, 10);
      expect(curve.hf[i]).toBeCloseTo((1000 * x - 500) / (4 * x), 8);
      if (i > 0) expect(m).toBeGreaterThanOrEqual(curve.move[i - 1]!);
    });
    // the liquidation point itself is a sample: HF 1 there
    const at = curve.move.findIndex((m) => Math.abs(m - (500 / 996 - 1)) < 1e-12);
    expect(curve.hf[at]).toBeCloseTo(1, 10);
  });

  it('the ladder has the BTC position at the same move and the USDT wallet at a 99.2% depeg', () => {
    // USDT: MB = 500u + 0.02 * 0 = 500u, MM = 4 > 0: HF = 1 at u = 4 / 500 = 0.008, a 99.2% depeg
    const { ladder } = data;
    expect(ladder.total).toBe(2);
    const btc = ladder.labels.findIndex((l) => l.includes('BTCUSDT'));
    expect(ladder.move[btc]).toBeCloseTo(500 / 996 - 1, 12);
    const usdt = ladder.labels.findIndex((l) => l.includes('· USDT (line'));
    expect(ladder.move[usdt]).toBeCloseTo(0.008 - 1, 12);
    expect(ladder.withinTotal).toBe(0);
  });

  it('a named shock starts the curve from it; a 55% fall puts BTC within the shock', () => {
    // BTC -55%: price 22,500 < 25,100.40. The chart's uniform move compounds on top: x = 0.45 * (1 + m),
    // so HF = 1 at 0.45 (1 + m) = 500 / 996  =>  m = 500 / (996 * 0.45) - 1 = 0.115573...
    const shocked = charts(faq(), { ...EMPTY_SCENARIO, shocks: [['BTC', '-0.55']] });
    const move = new Dec(shocked.curve!.liquidationMoves[0]!);
    expect(move.minus(new Dec(500).div(new Dec(996).times('0.45')).minus(1)).abs().lt('1e-30')).toBe(true);
    // at the scenario (m = 0): MB = 1000 * 0.45 - 500 = -50, MM = 4 * 0.45 = 1.8, HF = -50 / 1.8
    expect(new Dec(shocked.curve!.currentHF!).minus(new Dec(-50).div('1.8')).abs().lt('1e-30')).toBe(true);
    const btc = shocked.ladder.labels.findIndex((l) => l.includes('BTCUSDT'));
    expect(shocked.ladder.within[btc]).toBe(1);
    expect(shocked.ladder.shock[btc]).toBeCloseTo(-0.55, 12);
    // HF = -50 / 1.8 < 1: the unit is liquidated, so the USDT wallet's liquidation price is passed too
    // (with BTC at 22,500 only a USDT price above 1 would lift HF back to 1)
    const usdt = shocked.ladder.labels.findIndex((l) => l.includes('· USDT (line'));
    expect(shocked.ladder.within[usdt]).toBe(1);
    expect(shocked.ladder.withinTotal).toBe(2);
  });

  it('a position already past its liquidation price today is within, though its price lies above the mark', () => {
    // 0.02 BTC long at entry 50,000, mark 25,000, with 500 USDT: MB = 500 + 0.02 (25000 - 50000) = 0,
    // MM = 500 * 0.004 = 2, HF = 0 < 1 today. HF = 1 at 500 + 0.02 (P - 50000) = 0.02 P * 0.004, i.e.
    // P = 500 / 0.01992 = 25,100.40: above the mark (move +0.4016%), and no shock is needed to reach it.
    const past = charts([
      spot('USDT', '500', '1', { venue: 'binance' }),
      row({ venue: 'binance', symbol: 'BTCUSDT', qty: '0.02', entryPrice: '50000', markPrice: '25000', leverage: '20' }),
    ]);
    const btc = past.ladder.labels.findIndex((l) => l.includes('BTCUSDT'));
    expect(past.ladder.move[btc]).toBeCloseTo(500 / 0.01992 / 25000 - 1, 9);
    expect(past.ladder.within[btc]).toBe(1);
  });

  it('PnL by underlying: 0.02 * (M - 50000) under the scenario, and the move times every holding', () => {
    const shocked = charts(faq(), { ...EMPTY_SCENARIO, all: '-0.1' });
    const btc = shocked.pnl.find((p) => p.underlying === 'BTC')!;
    // M = 45000: uPnL = 0.02 * (45000 - 50000) = -100; change = 0.02 * 50000 * (-0.1) = -100
    expect(new Dec(btc.pnl).toFixed()).toBe('-100');
    expect(new Dec(btc.change).toFixed()).toBe('-100');
    // USDT is a stablecoin: the `all` move leaves it
    expect(new Dec(shocked.pnl.find((p) => p.underlying === 'USDT')!.change).toFixed()).toBe('0');
  });
});

describe('HF curve across a tier edge', () => {
  it('samples both sides of the break and follows each tier (built-in BTCUSDT brackets 1 and 2)', () => {
    // 1 BTC long at 40,000, 100,000 USDT wallet. Notional 40000x; tier 1 (mmr 0.004, cum 0) to 50,000, i.e. x <= 1.25;
    // tier 2 (mmr 0.005, cum 50) above. MM = 160x, then 200x - 50 (both 200 at x = 1.25); MB = 100000 + 40000 (x - 1).
    const data = charts([
      spot('USDT', '100000', '1', { venue: 'binance' }),
      row({ venue: 'binance', symbol: 'BTCUSDT', qty: '1', entryPrice: '40000', markPrice: '40000', leverage: '10' }),
    ]);
    const c = data.curve!;
    expect(c.move.some((m) => Math.abs(m - 0.25) < 1e-12)).toBe(true);
    c.move.forEach((m, i) => {
      const x = 1 + m;
      expect(c.maintenance[i]).toBeCloseTo(x <= 1.25 ? 160 * x : 200 * x - 50, 8);
      expect(c.marginBalance[i]).toBeCloseTo(100000 + 40000 * (x - 1), 6);
    });
    // HF = 1 below: 100000 + 40000 (x - 1) = 160x  =>  39840x = -60000: no positive root, so none
    expect(c.liquidationMoves).toEqual([]);
  });
});
