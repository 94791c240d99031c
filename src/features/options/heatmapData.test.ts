import { describe, expect, it } from 'vitest';
import { cellStyle, heatmapCells } from './heatmapData';

describe('heatmap adapter', () => {
  it('lays out price-major cells, finds the worst loss and the scale bound', () => {
    // 2 prices x 3 vols; PnL in price-major order, as the engine's grid is laid out
    const map = heatmapCells([-0.1, 0], [-0.5, 0, 0.5], [-100, -300, 50, 20, 0, 40]);
    expect(map.cells.map((c) => [c.x, c.y])).toEqual([[-10, -50], [-10, 0], [-10, 50], [0, -50], [0, 0], [0, 50]]);
    expect(map.bound).toBe(300);
    expect(map.worst).toMatchObject({ x: -10, y: 0, pnl: -300, worst: true });
    expect(map.cells.filter((c) => c.current).map((c) => [c.x, c.y])).toEqual([[0, 0]]);
  });

  it('no loss anywhere: no worst cell', () => {
    expect(heatmapCells([0, 0.1], [0], [0, 10]).worst).toBeNull();
  });

  it('colours losses and gains by size', () => {
    expect(cellStyle(-300, 300)).toEqual({ fill: 'var(--neg)', fillOpacity: 1 });
    expect(cellStyle(150, 300).fill).toBe('var(--pos)');
    expect(cellStyle(0, 300).fill).toBe('var(--line-strong)');
  });
});
