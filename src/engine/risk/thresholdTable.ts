/**
 * Thresholds of every underlying in one flat layout (float64 statistics): the hot loop looks up two
 * price ratios per underlying per path, so the entries sit in a few contiguous arrays rather than
 * one small array per underlying.
 *
 * Underlying u's thresholds are t[start[u] .. start[u+1]-1], ascending, each with its owner
 * (unit × 2 + 0 for liquidation, 1 for margin call). A uniform grid over [first, last] of each
 * underlying (grid[gridStart[u] + g] = the first index with t ≥ first + g / scale[u]) finds a
 * ratio's place with one lookup and a step or two instead of a binary search. Most cells hold no
 * threshold at all: there every ratio has the same place, kept in place[gridStart[u] + g] (−1 for a
 * cell with a threshold in it), and a ratio's place is one read.
 */
export interface ThresholdTable {
  start: Int32Array;
  t: Float64Array;
  owner: Int32Array;
  gridStart: Int32Array;
  grid: Int32Array;
  /** per grid cell: the place (absolute index) of every ratio that falls in it, −1 if that depends on the ratio */
  place: Int32Array;
  scale: Float64Array;
}

/**
 * Grid cells per threshold: thresholds crowd where leveraged units sit (just below and above
 * today's price), which is also where most paths end; with 16 cells a threshold, 9 ratios in 10 of
 * the benchmark book land in a cell without one (place).
 */
const CELLS_PER_THRESHOLD = 16;

export function thresholdTable(perUnderlying: Array<Array<{ t: number; owner: number }>>): ThresholdTable {
  const u = perUnderlying.length;
  const start = new Int32Array(u + 1);
  const gridStart = new Int32Array(u + 1);
  perUnderlying.forEach((entries, k) => {
    entries.sort((a, b) => a.t - b.t || a.owner - b.owner);
    start[k + 1] = start[k]! + entries.length;
    gridStart[k + 1] = gridStart[k]! + (entries.length > 0 ? CELLS_PER_THRESHOLD * entries.length + 1 : 0);
  });
  const t = new Float64Array(start[u]!);
  const owner = new Int32Array(start[u]!);
  const grid = new Int32Array(gridStart[u]!);
  const place = new Int32Array(gridStart[u]!);
  const scale = new Float64Array(u);
  perUnderlying.forEach((entries, k) => {
    const from = start[k]!;
    entries.forEach((e, i) => {
      t[from + i] = e.t;
      owner[from + i] = e.owner;
    });
    const n = entries.length;
    if (n === 0) return;
    const span = t[from + n - 1]! - t[from]!;
    const cells = CELLS_PER_THRESHOLD * n;
    scale[k] = span > 0 ? cells / span : 0;
    let idx = from;
    for (let g = 0; g <= cells; g++) {
      const edge = scale[k]! > 0 ? t[from]! + g / scale[k]! : t[from]!;
      while (idx < from + n && t[idx]! < edge) idx++;
      grid[gridStart[k]! + g] = idx;
    }
    // a ratio v whose cell is computed as g, floor((v − first)·scale), lies in the cell up to a few
    // units in the last place: a cell with no threshold within a millionth of a cell of its edges
    // gives every such v the same place, the first index with t ≥ v and with t > v alike
    const width = scale[k]! > 0 ? 1 / scale[k]! : 0;
    let at = from;
    for (let g = 0; g <= cells; g++) {
      if (width === 0) {
        place[gridStart[k]! + g] = -1;
        continue;
      }
      const lo = t[from]! + g * width - width * 1e-6;
      const hi = t[from]! + (g + 1) * width + width * 1e-6;
      while (at < from + n && t[at]! < lo) at++;
      place[gridStart[k]! + g] = at < from + n && t[at]! <= hi ? -1 : at;
    }
  });
  return { start, t, owner, gridStart, grid, place, scale };
}

/** The grid cell's first index for v (first ≤ v ≤ last): at or before the answer. */
function cellStart(tab: ThresholdTable, u: number, v: number): number {
  const from = tab.start[u]!;
  const g = Math.floor((v - tab.t[from]!) * tab.scale[u]!);
  // the cell edge can round above v: step back one cell to stay at or before the answer
  return g > 0 ? tab.grid[tab.gridStart[u]! + g - 1]! : from;
}

/** First index of u's thresholds with t ≥ v, absolute; start[u+1] when none. */
export function firstAtOrAbove(tab: ThresholdTable, u: number, v: number): number {
  const from = tab.start[u]!;
  const end = tab.start[u + 1]!;
  if (from === end || v <= tab.t[from]!) return from;
  if (v > tab.t[end - 1]!) return end;
  let i = cellStart(tab, u, v);
  while (i < end && tab.t[i]! < v) i++;
  return i;
}

/** First index of u's thresholds with t > v, absolute; start[u] when none is ≤ v. */
export function firstAbove(tab: ThresholdTable, u: number, v: number): number {
  const from = tab.start[u]!;
  const end = tab.start[u + 1]!;
  if (from === end || v < tab.t[from]!) return from;
  if (v >= tab.t[end - 1]!) return end;
  let i = cellStart(tab, u, v);
  while (i < end && tab.t[i]! <= v) i++;
  return i;
}
