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

/** Positive roots of α + β·x + γ/x in (lo, hi). */
function roots(alpha: number, beta: number, gamma: number, lo: number, hi: number): void {
  const keep = (x: number) => {
    if (Number.isFinite(x) && x > lo && x < hi && x > 0) push(x);
  };
  if (gamma === 0) {
    if (beta !== 0) keep(-alpha / beta);
    return;
  }
  // β x² + α x + γ = 0
  if (beta === 0) {
    if (alpha !== 0) keep(-gamma / alpha);
    return;
  }
  const disc = alpha * alpha - 4 * beta * gamma;
  if (disc < 0) return;
  const root = Math.sqrt(disc);
  keep((-alpha + root) / (2 * beta));
  keep((-alpha - root) / (2 * beta));
}

/**
 * Unit i's crossing of `level` along exposure e (its one moving underlying); `still` and `stillMm`
 * are its balance and MM from everything else (held at today's prices).
 */
export function crossing(model: ExposureModel, e: number, still: number, stillMm: number, level: number): Crossing {
  const first = model.pieceStart[e]!;
  const last = model.pieceStart[e + 1]! - 1;
  const s = model.expSlope[e]!;
  count = 0;
  for (let k = first; k <= last; k++) {
    const lo = model.pieceFrom[k]!;
    const hi = k < last ? model.pieceFrom[k + 1]! : Infinity;
    if (k > first && lo > 0 && Number.isFinite(lo)) push(lo);
    const a = stillMm + model.pieceA[k]!;
    const b = model.pieceB[k]!;
    const c = model.pieceC[k]!;
    roots(still - level * a, s - level * b, -level * c, lo, hi);
    roots(a, b, c, lo, hi);
  }
  // the distinct points, ascending
  const sorted = cuts.subarray(0, count).sort();
  let n = 0;
  for (let j = 0; j < count; j++) if (n === 0 || sorted[j]! !== sorted[n - 1]!) sorted[n++] = sorted[j]!;
  // one sample inside each interval the points make: below the first, between two, above the last
  let k = first;
  const test = (x: number): boolean => {
    // samples come in ascending order: the piece search goes on from the last one
    while (k < last && model.pieceFrom[k + 1]! < x) k++;
    const mm = stillMm + model.pieceA[k]! + model.pieceB[k]! * x + model.pieceC[k]! / x;
    const mb = still + s * x;
    return mm > 0 && (level === 1 ? mb <= mm : mb < level * mm);
  };
  const samples = n + 1;
  const sample = (j: number): number => (n === 0 ? 1 : j === 0 ? sorted[0]! / 2 : j === n ? sorted[n - 1]! * 2 + 1 : (sorted[j - 1]! + sorted[j]!) / 2);
  // the truth pattern in one pass: how many samples are true, and whether they are a prefix or a suffix
  let trues = 0;
  let firstTrue = -1;
  let lastTrue = -1;
  for (let j = 0; j < samples; j++) {
    if (!test(sample(j))) continue;
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
