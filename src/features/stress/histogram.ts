/** Bins of a PnL sample for the histogram (float64 → chart numbers: the chart adapter's job). */
export interface Bin {
  /** bin centre, quote currency */
  mid: number;
  from: number;
  to: number;
  count: number;
}

export function histogram(values: ArrayLike<number>, bins = 40): Bin[] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (values.length === 0) return [];
  if (min === max) return [{ mid: min, from: min, to: max, count: values.length }];
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor((values[i]! - min) / width))]! += 1;
  return counts.map((count, i) => ({ from: min + i * width, to: min + (i + 1) * width, mid: min + (i + 0.5) * width, count }));
}
