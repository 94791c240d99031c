/**
 * Chart adapter of the PnL heatmap: the engine's float64 PnL series (statistics, not money totals)
 * become cells with a colour, the worst cell and the colour scale's bound.
 */
export interface HeatCell {
  /** price and vol moves in percent */
  x: number;
  y: number;
  pnl: number;
  worst: boolean;
  /** the what-if itself: no move on top of it */
  current: boolean;
}

export interface Heatmap {
  cells: HeatCell[];
  /** largest |PnL|: the colour scale runs from -bound to +bound */
  bound: number;
  worst: HeatCell | null;
  columns: number;
  rows: number;
}

export function heatmapCells(prices: readonly number[], vols: readonly number[], pnl: ArrayLike<number>): Heatmap {
  const cells: HeatCell[] = [];
  let bound = 0;
  let worstIndex = -1;
  prices.forEach((p, i) => {
    vols.forEach((v, j) => {
      const value = pnl[i * vols.length + j] ?? 0;
      bound = Math.max(bound, Math.abs(value));
      if (worstIndex < 0 || value < (pnl[worstIndex] ?? 0)) worstIndex = i * vols.length + j;
      cells.push({ x: Math.round(p * 10000) / 100, y: Math.round(v * 10000) / 100, pnl: value, worst: false, current: p === 0 && v === 0 });
    });
  });
  const worst = worstIndex >= 0 && (pnl[worstIndex] ?? 0) < 0 ? cells[worstIndex]! : null;
  if (worst) worst.worst = true;
  return { cells, bound, worst, columns: prices.length, rows: vols.length };
}

/** Diverging scale: losses in the loss colour, gains in the gain colour, opacity by size. */
export function cellStyle(pnl: number, bound: number): { fill: string; fillOpacity: number } {
  if (bound === 0 || pnl === 0) return { fill: 'var(--line-strong)', fillOpacity: 0.5 };
  const t = Math.min(1, Math.abs(pnl) / bound);
  return { fill: pnl < 0 ? 'var(--neg)' : 'var(--pos)', fillOpacity: 0.12 + 0.88 * t };
}
