import { describe, expect, it } from 'vitest';
import { deribitGrid, readGridJson, rectangularGrid, spanGrid } from '../../../src/engine/options/riskGrid';
import { riskMatrix } from '../../../src/engine/options/riskMatrix';
import { AS_OF, row, spot } from '../helpers';

describe('SPAN risk array of a long future', () => {
  it('is 0, ±1/3, ±2/3, ±3/3 of the scan range, and ±35% of twice the range', () => {
    // long 1 BTC future at 60,000, price scan range 15%: the range is 9,000 USD.
    // CME SPAN scenarios 1-16: 0, 0, +3000, +3000, -3000, -3000, +6000, +6000, -6000, -6000,
    // +9000, +9000, -9000, -9000, and the extremes ±18,000 of which 35% = ±6,300 counts.
    const grid = spanGrid(0.15, 0.25);
    const out = riskMatrix({ portfolio: { source: 't', rows: [row({ symbol: 'BTCUSDT', type: 'future', qty: '1', markPrice: '60000', expiry: '2026-03-27T08:00:00Z' })] }, asOf: AS_OF, grid });
    if (!out.ok) throw new Error(out.error);
    const unit = out.result.units[0]!;
    const weighted = [...unit.pnl].map((p, i) => Math.round(p * grid.scenarios[i]!.weight * 1e6) / 1e6);
    expect(weighted).toEqual([0, 0, 3000, 3000, -3000, -3000, 6000, 6000, -6000, -6000, 9000, 9000, -9000, -9000, 6300, -6300]);
    // the requirement is the worst weighted loss: the full scan range down, 9,000 (scenario 13)
    expect(unit.requirement).toBeCloseTo(9000, 6);
    expect(unit.worst).toBe(12);
  });

  it('a short future mirrors it, and stablecoin collateral does not move', () => {
    const rows = [spot('USDT', '10000', '1'), row({ symbol: 'BTCUSDT', qty: '-2', markPrice: '50000' })];
    const out = riskMatrix({ portfolio: { source: 't', rows }, asOf: AS_OF, grid: spanGrid(0.1, 0.2) });
    if (!out.ok) throw new Error(out.error);
    // 2 * 50,000 * 10% = 10,000 lost when the price rises by the full range
    expect(out.result.units[0]!.requirement).toBeCloseTo(10000, 6);
  });
});

describe('grids', () => {
  it('the Deribit-style grid: 9 price buckets × 3 vols, plus 8 extended moves on vol up weighted 0.16/|move|', () => {
    const grid = deribitGrid();
    expect(grid.scenarios).toHaveLength(27 + 8);
    expect(grid.scenarios.slice(0, 3).map((s) => [s.price, s.vol])).toEqual([[-0.16, 0.5], [-0.16, 0], [-0.16, -0.25]]);
    expect(grid.scenarios[12]!.price).toBeCloseTo(0, 12);
    const extended = grid.scenarios.slice(27);
    expect(extended.map((s) => s.price)).toEqual([-0.66, -0.33, 0.5, 1, 2, 3, 4, 5]);
    expect(extended.every((s) => s.vol === 0.5)).toBe(true);
    expect(extended[7]!.weight).toBeCloseTo(0.032, 12); // 0.16 / 5
  });

  it('the heatmap grid is 21 price × 11 vol moves', () => {
    const grid = rectangularGrid();
    expect(grid.scenarios).toHaveLength(231);
    expect(grid.axes?.prices[0]).toBe(-0.5);
    expect(grid.axes?.vols[10]).toBe(0.5);
  });

  it('reads a grid from JSON and names every bad entry', () => {
    const ok = readGridJson({ scenarios: [{ price: -0.1, vol: 0.2, weight: 1 }, { price: '0.1' }] }, 'g.json');
    expect(ok.ok && ok.grid.scenarios.map((s) => [s.price, s.vol, s.weight])).toEqual([[-0.1, 0.2, 1], [0.1, 0, 1]]);
    const bad = readGridJson({ scenarios: [{ price: -1.5 }, { price: 0, weight: -1 }] }, 'g.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual([
      'g.json: scenarios[0].price: expected a price move above -1 (a fraction, -0.2 = -20%)',
      'g.json: scenarios[1].weight: expected a weight of 0 or more',
    ]);
    expect(readGridJson([], 'g.json').ok).toBe(false);
  });
});
