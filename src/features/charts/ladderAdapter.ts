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

const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/**
 * Says how many positions have a liquidation price out of the whole book, why the others have
 * none, and how many bars are drawn when the book is larger than the chart. `options` is the
 * book's option rows: the ladder never solves them (they are held at their mark), so they are in
 * neither of its counts.
 */
export function ladderSubtitle(ladder: LiquidationLadder, options: number): string {
  const shown = ladder.labels.length;
  const none = ladder.withoutLiquidation + options;
  const book = ladder.total + none;
  const why = [
    ...(options > 0 ? [`${plural(options, 'option held at its mark', 'options held at their mark')}`] : []),
    ...(ladder.withoutLiquidation > 0
      ? [`${count(ladder.withoutLiquidation)} that no move of their own underlying alone liquidates (spot, stablecoins, covered or hedged)`]
      : []),
  ];
  const head = `${count(ladder.total)} of ${plural(book, 'position', 'positions')} ${ladder.total === 1 ? 'has' : 'have'} a liquidation price`;
  const parts = [head];
  if (none > 0) parts.push(`${count(none)} ${none === 1 ? 'has' : 'have'} none: ${why.join(', ')}`);
  if (shown < ladder.total) parts.push(`nearest ${count(shown)} drawn`);
  parts.push(`${count(ladder.withinTotal)} within the scenario's moves (red)`);
  return parts.join(' · ');
}
