/**
 * Pure adapters for the health-factor and margin charts: typed-array series to recharts points,
 * percentages for the move axis. Chart adapters are the one place a decimal string becomes a number.
 */
import type { HfCurve } from '../../engine/curveTypes';
import { formatMove } from '../scenario/edit';

export interface HfPoint {
  /** uniform move of every non-stable underlying, % */
  move: number;
  /** null where there is no maintenance margin (no HF) */
  hf: number | null;
  marginBalance: number;
  maintenance: number;
}

export function hfPoints(curve: HfCurve): HfPoint[] {
  const points: HfPoint[] = [];
  for (let i = 0; i < curve.move.length; i++) {
    const hf = curve.hf[i]!;
    points.push({ move: curve.move[i]! * 100, hf: Number.isFinite(hf) ? hf : null, marginBalance: curve.marginBalance[i]!, maintenance: curve.maintenance[i]! });
  }
  return points;
}

/** The HF axis shows 0 to this (clipped above): room above the target so the levels stay apart. */
export function hfAxisMax(targetHF: number): number {
  return Math.max(3, Math.ceil(targetHF * 2));
}

export interface LiquidationMarks {
  /** HF = 1 moves inside the chart's range, % */
  inside: number[];
  /** the ones beyond it, as text ("+450%") */
  outside: string[];
}

export function liquidationMarks(curve: HfCurve, range: { min: number; max: number }): LiquidationMarks {
  const inside: number[] = [];
  const outside: string[] = [];
  for (const m of curve.liquidationMoves) {
    const pct = Number(m) * 100;
    if (pct >= range.min && pct <= range.max) inside.push(pct);
    else outside.push(formatMove(m));
  }
  return { inside, outside };
}

/** The x range of the samples, % */
export function moveRange(curve: HfCurve): { min: number; max: number } {
  const n = curve.move.length;
  return n === 0 ? { min: -95, max: 300 } : { min: curve.move[0]! * 100, max: curve.move[n - 1]! * 100 };
}

/** "HF 1 at −49.8%" style labels: one decimal of a percent. */
export function percentLabel(pct: number): string {
  const r = Math.round(pct * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '\u2212' : ''}${Math.abs(r).toFixed(1)}%`;
}
