import { describe, expect, it } from 'vitest';
import type { HfCurve, LiquidationLadder } from '../../engine/curveTypes';
import { hfAxisMax, hfPoints, liquidationMarks, moveRange, percentLabel } from './hfAdapter';
import { ladderAxis, ladderBars, ladderSubtitle } from './ladderAdapter';
import { pnlBars } from './pnlAdapter';

const curve: HfCurve = {
  account: 'a',
  unit: 'cross',
  move: Float64Array.from([-0.95, -0.5, 0, 3]),
  hf: Float64Array.from([-2, 0.5, Number.NaN, 8]),
  marginBalance: Float64Array.from([-10, 5, 0, 80]),
  maintenance: Float64Array.from([5, 10, 0, 10]),
  liquidationMoves: ['-0.4979919678714859', '4.5'],
  currentMove: '-0.2',
  currentHF: '1.2',
  currentMarginBalance: '12',
  currentMaintenance: '10',
};

describe('HF chart adapter', () => {
  it('moves become percent, NaN HF (no maintenance margin) becomes a gap', () => {
    const points = hfPoints(curve);
    expect(points.map((p) => p.move)).toEqual([-95, -50, 0, 300]);
    expect(points.map((p) => p.hf)).toEqual([-2, 0.5, null, 8]);
    expect(points[3]).toEqual({ move: 300, hf: 8, marginBalance: 80, maintenance: 10 });
  });

  it('liquidation moves inside the range are lines; the rest are named', () => {
    const range = moveRange(curve);
    expect(range).toEqual({ min: -95, max: 300 });
    const marks = liquidationMarks(curve, range);
    expect(marks.inside).toHaveLength(1);
    expect(marks.inside[0]).toBeCloseTo(-49.79919678714859, 10);
    expect(marks.outside).toEqual(['+450%']);
  });

  it('the HF axis leaves room above the target, at least 3', () => {
    expect(hfAxisMax(1.5)).toBe(3);
    expect(hfAxisMax(2.2)).toBe(5);
  });

  it('percent labels: one decimal, a true minus sign', () => {
    expect(percentLabel(-49.799)).toBe('\u221249.8%');
    expect(percentLabel(12)).toBe('+12.0%');
    expect(percentLabel(0)).toBe('0.0%');
  });
});

const ladder: LiquidationLadder = {
  labels: ['a · BTCUSDT (line 3)', 'b · ETHUSDT (line 9)'],
  underlyings: ['BTC', 'ETH'],
  move: Float64Array.from([-0.1, 4]),
  shock: Float64Array.from([-0.2, 0]),
  within: Uint8Array.from([1, 0]),
  total: 12500,
  withinTotal: 37,
  withoutLiquidation: 4,
};

describe('ladder adapter', () => {
  it('bars in percent, clipped at +300% as drawn, the true move kept for the tooltip', () => {
    const bars = ladderBars(ladder);
    expect(bars[0]).toEqual({ label: 'a · BTCUSDT (line 3)', underlying: 'BTC', move: -10, shown: -10, shock: -20, within: true });
    expect(bars[1]).toMatchObject({ move: 400, shown: 300, within: false });
  });

  it('the axis reaches the farthest bar in steps of 50%, up to the clip', () => {
    expect(ladderAxis(ladderBars(ladder))).toEqual({ max: 300, ticks: [-100, -50, 0, 100, 200, 300] });
    expect(ladderAxis([{ label: '', underlying: '', move: 12, shown: 12, shock: 0, within: false }])).toEqual({ max: 50, ticks: [-100, -50, 0, 50] });
  });

  it('the subtitle counts the whole book, says why the rest have no price, and how many bars are drawn', () => {
    // book = 12,500 with a price + 4 the solver finds none for + 3 options = 12,507; 4 + 3 = 7 without
    expect(ladderSubtitle(ladder, 3)).toBe(
      '12,500 of 12,507 positions have a liquidation price · 7 have none: 3 options held at their mark, ' +
        "4 that no move of their own underlying alone liquidates (spot, stablecoins, covered or hedged) · nearest 2 drawn · 37 within the scenario's moves (red)",
    );
    // the demo book's shape: 10 + 8 + 1 option = 19 rows, every bar drawn
    const demo = { ...ladder, labels: Array.from({ length: 10 }, (_, i) => `p${i}`), total: 10, withoutLiquidation: 8, withinTotal: 0 };
    expect(ladderSubtitle(demo, 1)).toBe(
      '10 of 19 positions have a liquidation price · 9 have none: 1 option held at its mark, ' +
        "8 that no move of their own underlying alone liquidates (spot, stablecoins, covered or hedged) · 0 within the scenario's moves (red)",
    );
    expect(ladderSubtitle({ ...ladder, total: 2, withoutLiquidation: 0 }, 0)).toBe("2 of 2 positions have a liquidation price · 37 within the scenario's moves (red)");
    expect(ladderSubtitle({ ...ladder, labels: ['x'], total: 1, withoutLiquidation: 0, withinTotal: 1 }, 1)).toBe(
      "1 of 2 positions has a liquidation price · 1 has none: 1 option held at its mark · 1 within the scenario's moves (red)",
    );
  });
});

describe('PnL adapter', () => {
  it('largest change first, rows with nothing to show left out', () => {
    const bars = pnlBars([
      { underlying: 'USDT', pnl: '0', change: '0' },
      { underlying: 'ETH', pnl: '-250.5', change: '-40' },
      { underlying: 'BTC', pnl: '1200', change: '-12600.25' },
    ]);
    expect(bars).toEqual([
      { underlying: 'BTC', pnl: 1200, change: -12600.25 },
      { underlying: 'ETH', pnl: -250.5, change: -40 },
    ]);
  });
});
