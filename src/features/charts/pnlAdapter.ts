import type { UnderlyingPnl } from '../../engine/curveTypes';

export interface PnlBar {
  underlying: string;
  /** unrealised PnL of the derivatives under the scenario, quote currency */
  pnl: number;
  /** the scenario's change in value of every holding, quote currency */
  change: number;
}

/** Largest change first, then largest PnL; the decimal strings become numbers only here. */
export function pnlBars(rows: UnderlyingPnl[]): PnlBar[] {
  return rows
    .map((r) => ({ underlying: r.underlying, pnl: Number(r.pnl), change: Number(r.change) }))
    .filter((b) => b.pnl !== 0 || b.change !== 0)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || Math.abs(b.pnl) - Math.abs(a.pnl));
}
