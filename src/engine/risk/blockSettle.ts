import type { VarRun } from './montecarlo';
import type { PathBlock } from './pathBlock';
import { offerTop } from './topK';

/**
 * At a path's end, per moving underlying: the threshold units' PnL into the book, the extreme end
 * ratios into their stores (topK.ts), and the thresholds the path's lowest and highest ratios reached.
 */
export function settleUnderlyings(run: VarRun, blk: PathBlock, n: number): void {
  const { x, book, any, size } = blk;
  // one step: the lowest and highest ratios are the end ratios (min(∞, v) = max(−∞, v) = v, NaN
  // aside, which no comparison below lets through either way)
  const lo = run.steps > 1 ? blk.lo : x;
  const hi = run.steps > 1 ? blk.hi : x;
  const { moving, bookSlope, needLow, needHigh, below, above, anyBelow, anyAbove, belowTop, aboveBottom } = run.plan;
  const { belowHits, aboveHits, lows, highs } = run;
  const lowCut = lows.cut;
  const highCut = highs.cut;
  for (let j = 0; j < moving.length; j++) {
    const u = moving[j]!;
    const row = u * size;
    const slope = bookSlope[u]!;
    const from = run.start[u]!;
    const low = needLow[u] === 1;
    const high = needHigh[u] === 1;
    // a unit with x ≤ t reached its level when the lowest ratio did; one with x ≥ t, the highest;
    // a path clear of every threshold of u (the common case) needs no lookup. The lookups are
    // thresholdTable.ts firstAtOrAbove / firstAbove with u's table read once for the block, and
    // one read where the ratio's grid cell holds no threshold (place).
    const bt = belowTop[u]!;
    const ab = aboveBottom[u]!;
    const lb = anyBelow[u]!;
    const la = anyAbove[u]!;
    const bFrom = below.start[u]!;
    const bEnd = below.start[u + 1]!;
    const bFirst = below.t[bFrom]!;
    const bScale = below.scale[u]!;
    const bCell = below.gridStart[u]!;
    const aFrom = above.start[u]!;
    const aEnd = above.start[u + 1]!;
    const aFirst = above.t[aFrom]!;
    const aScale = above.scale[u]!;
    const aCell = above.gridStart[u]!;
    const bt0 = below.t;
    const at0 = above.t;
    const bPlace = below.place;
    const aPlace = above.place;
    for (let b = 0; b < n; b++) {
      const v = x[row + b]!;
      book[b] = book[b]! + slope * (v - from);
      if (low && -v > lowCut[u]!) offerTop(lows, u, -v);
      if (high && v > highCut[u]!) offerTop(highs, u, v);
      const l = lo[row + b]!;
      const h = hi[row + b]!;
      if (l <= bt) {
        // bt is the last threshold, so l is at most it: the place is in bFrom .. bEnd-1
        let i = bFrom;
        if (l > bFirst) {
          const g = Math.floor((l - bFirst) * bScale);
          i = bPlace[bCell + g]!;
          if (i < 0) {
            i = g > 0 ? below.grid[bCell + g - 1]! : bFrom;
            while (i < bEnd && bt0[i]! < l) i++;
          }
        }
        belowHits[i + u]! += 1;
      }
      if (h >= ab) {
        // ab is the first threshold: the place is after aFrom
        let i = aEnd;
        if (h < at0[aEnd - 1]!) {
          const g = Math.floor((h - aFirst) * aScale);
          i = aPlace[aCell + g]!;
          if (i < 0) {
            i = g > 0 ? above.grid[aCell + g - 1]! : aFrom;
            while (i < aEnd && at0[i]! <= h) i++;
          }
        }
        aboveHits[i + u]! += 1;
      }
      if (l <= lb || h >= la) any[b] = 1;
    }
  }
}
