import type { LiquidationLadder } from '../../engine/curveTypes';

/** The ladder's axis: -100% (a price of zero) to this, clipped above. */
export const LADDER_AXIS_MAX = 300;

export interface LadderBar {
  label: string;
  underlying: string;
  /** price move of the underlying that liquidates, % from today's mark */
  move: number;
  /** the bar as drawn: clipped to the axis */
  shown: number;
  /** the scenario's move of the underlying, % */
  shock: number;
  within: boolean;
}

export function ladderBars(ladder: LiquidationLadder): LadderBar[] {
  return ladder.labels.map((label, i) => {
    const move = ladder.move[i]! * 100;
    return {
      label,
      underlying: ladder.underlyings[i] ?? '',
      move,
      shown: Math.min(move, LADDER_AXIS_MAX),
      shock: ladder.shock[i]! * 100,
      within: ladder.within[i] === 1,
    };
  });
}

/** The axis top: the farthest bar rounded up to 50%, at least +50%, at most the clip. */
export function ladderAxis(bars: LadderBar[]): { max: number; ticks: number[] } {
  const far = bars.reduce((m, b) => Math.max(m, b.move), 0);
  const max = Math.min(LADDER_AXIS_MAX, Math.max(50, Math.ceil(far / 50) * 50));
  const step = max > 150 ? 100 : 50;
  const ticks = [-100, -50];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  return { max, ticks };
}

const count = (n: number) => n.toLocaleString('en-US');

/** Says what is shown when the book is larger than the chart. */
export function ladderSubtitle(ladder: LiquidationLadder): string {
  const shown = ladder.labels.length;
  const parts = [
    shown < ladder.total
      ? `nearest ${count(shown)} of ${count(ladder.total)} positions with a liquidation price`
      : `all ${count(ladder.total)} positions with a liquidation price`,
    `${count(ladder.withinTotal)} within the scenario's moves (red)`,
  ];
  if (ladder.withoutLiquidation > 0) parts.push(`${count(ladder.withoutLiquidation)} without one`);
  return parts.join(' · ');
}
