import type { ExposureModel } from './exposure';

/**
 * Where a unit that moves with one underlying is at or past a level (float64 statistics).
 *
 * With one moving underlying and no option, a unit's MB(x) = c + s·x and MM(x) = m + a + b·x + c'/x
 * piece by piece. The set of x where MM > 0 and MB ≤ L·MM (liquidation, L = 1) or MB < L·MM (margin
 * call) is found exactly: its ends are piece breaks or roots of a + b·x + c/x on a piece; between two
 * such points the test has one answer. When the set is x ≤ t (a long) or x ≥ t (a short), a path
 * reaches the level at some step exactly when its lowest (highest) price ratio is past t, so the
 * probability stays path-based while the work per path is one comparison per underlying, not one
 * unit evaluation per step. Any other shape (a band, e.g. MM that is 0 at low prices) is left to the
 * per-path loop.
 */
export type Crossing = { kind: 'never' } | { kind: 'always' } | { kind: 'below'; t: number } | { kind: 'above'; t: number } | { kind: 'mixed' };

/**
 * Candidate points of one crossing, in a buffer kept between calls: a plan runs this for every
 * unit of a book twice (liquidation and margin call), and fresh arrays, sets and closures per call
 * were most of a big book's plan time.
 */
let cuts = new Float64Array(64);
let count = 0;

function push(x: number): void {
  if (count === cuts.length) {
    const bigger = new Float64Array(cuts.length * 2);
    bigger.set(cuts);
    cuts = bigger;
  }
  cuts[count++] = x;
}

/** Keeps a root x when it is a positive number inside (lo, hi). */
function keep(x: number, lo: number, hi: number): void {
  if (Number.isFinite(x) && x > lo && x < hi && x > 0) push(x);
}

/** Positive roots of α + β·x + γ/x in (lo, hi). (No closures here: the plan calls this per unit.) */
function roots(alpha: number, beta: number, gamma: number, lo: number, hi: number): void {
  if (gamma === 0) {
    if (beta !== 0) keep(-alpha / beta, lo, hi);
    return;
  }
  // β x² + α x + γ = 0
  if (beta === 0) {
    if (alpha !== 0) keep(-gamma / alpha, lo, hi);
    return;
  }
  const disc = alpha * alpha - 4 * beta * gamma;
  if (disc < 0) return;
  const root = Math.sqrt(disc);
  keep((-alpha + root) / (2 * beta), lo, hi);
  keep((-alpha - root) / (2 * beta), lo, hi);
}

/** The j-th of n + 1 samples, one inside each interval the n sorted points make. */
function sampleAt(points: Float64Array, n: number, j: number): number {
  if (n === 0) return 1;
  if (j === 0) return points[0]! / 2;
  if (j === n) return points[n - 1]! * 2 + 1;
  return (points[j - 1]! + points[j]!) / 2;
}

/**
 * Unit i's crossing of `level` along exposure e (its one moving underlying); `still` and `stillMm`
 * are its balance and MM from everything else (held at today's prices).
 */
export function crossing(model: ExposureModel, e: number, still: number, stillMm: number, level: number): Crossing {
  const { pieceFrom, pieceA, pieceB, pieceC } = model;
  const first = model.pieceStart[e]!;
  const last = model.pieceStart[e + 1]! - 1;
  const s = model.expSlope[e]!;
  count = 0;
  for (let k = first; k <= last; k++) {
    const lo = pieceFrom[k]!;
    const hi = k < last ? pieceFrom[k + 1]! : Infinity;
    if (k > first && lo > 0 && Number.isFinite(lo)) push(lo);
    const a = stillMm + pieceA[k]!;
    const b = pieceB[k]!;
    const c = pieceC[k]!;
    roots(still - level * a, s - level * b, -level * c, lo, hi);
    roots(a, b, c, lo, hi);
  }
  // the distinct points, ascending
  const sorted = cuts.subarray(0, count).sort();
  let n = 0;
  for (let j = 0; j < count; j++) if (n === 0 || sorted[j]! !== sorted[n - 1]!) sorted[n++] = sorted[j]!;
  // one sample inside each interval: whether the level is reached there, as a pattern of trues
  const samples = n + 1;
  let trues = 0;
  let firstTrue = -1;
  let lastTrue = -1;
  let k = first;
  for (let j = 0; j < samples; j++) {
    const x = sampleAt(sorted, n, j);
    // samples come in ascending order: the piece search goes on from the last one
    while (k < last && pieceFrom[k + 1]! < x) k++;
    const mm = stillMm + pieceA[k]! + pieceB[k]! * x + pieceC[k]! / x;
    const mb = still + s * x;
    if (!(mm > 0 && (level === 1 ? mb <= mm : mb < level * mm))) continue;
    trues++;
    if (firstTrue < 0) firstTrue = j;
    lastTrue = j;
  }
  if (trues === 0) return { kind: 'never' };
  if (trues === samples) return { kind: 'always' };
  // a prefix of trues (all in the first `trues` samples): x ≤ t; a suffix: x ≥ t
  if (firstTrue === 0 && lastTrue === trues - 1) return { kind: 'below', t: sorted[trues - 1]! };
  if (lastTrue === samples - 1 && firstTrue === samples - trues) return { kind: 'above', t: sorted[samples - trues - 1]! };
  return { kind: 'mixed' };
}
