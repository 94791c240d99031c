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

/** Positive roots of α + β·x + γ/x in (lo, hi). */
function roots(alpha: number, beta: number, gamma: number, lo: number, hi: number, out: number[]): void {
  const keep = (x: number) => {
    if (Number.isFinite(x) && x > lo && x < hi && x > 0) out.push(x);
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
  const cuts: number[] = [];
  for (let k = first; k <= last; k++) {
    const lo = model.pieceFrom[k]!;
    const hi = k < last ? model.pieceFrom[k + 1]! : Infinity;
    if (k > first) cuts.push(lo);
    const a = stillMm + model.pieceA[k]!;
    const b = model.pieceB[k]!;
    const c = model.pieceC[k]!;
    roots(still - level * a, s - level * b, -level * c, lo, hi, cuts);
    roots(a, b, c, lo, hi, cuts);
  }
  const points = [...new Set(cuts.filter((x) => x > 0 && Number.isFinite(x)))].sort((x, y) => x - y);
  const test = (x: number): boolean => {
    let k = first;
    while (k < last && model.pieceFrom[k + 1]! < x) k++;
    const mm = stillMm + model.pieceA[k]! + model.pieceB[k]! * x + model.pieceC[k]! / x;
    const mb = still + s * x;
    return mm > 0 && (level === 1 ? mb <= mm : mb < level * mm);
  };
  const samples = points.length === 0 ? [1] : [points[0]! / 2, ...points.slice(1).map((p, i) => (points[i]! + p) / 2), points[points.length - 1]! * 2 + 1];
  const truth = samples.map(test);
  const trues = truth.filter(Boolean).length;
  if (trues === 0) return { kind: 'never' };
  if (trues === truth.length) return { kind: 'always' };
  // a prefix of trues: x ≤ t; a suffix: x ≥ t
  if (truth.slice(0, trues).every(Boolean)) return { kind: 'below', t: points[trues - 1]! };
  if (truth.slice(truth.length - trues).every(Boolean)) return { kind: 'above', t: points[truth.length - trues - 1]! };
  return { kind: 'mixed' };
}
