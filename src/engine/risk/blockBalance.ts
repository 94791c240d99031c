/**
 * A per-path unit's balance on every path of a block (float64 statistics, pathBlock.ts):
 * out[b] = c + Σ_e slope[e]·x[und[e]·size + b], summed in exposure order.
 *
 * Up to four exposures go in one pass over the block, written as one left-to-right expression:
 * ((((o + s0·x0) + s1·x1) + s2·x2) + s3·x3) is, operation for operation, what adding them one at a
 * time does, so the sums are the same to the last bit; the block's balances are read and written
 * once per four exposures instead of once per exposure.
 */
export function blockBalances(out: Float64Array, x: Float64Array, size: number, n: number, c: number, from: number, to: number, slope: Float64Array, und: Int32Array): void {
  let e = from;
  let first = true;
  while (to - e >= 4) {
    const s0 = slope[e]!, s1 = slope[e + 1]!, s2 = slope[e + 2]!, s3 = slope[e + 3]!;
    const r0 = und[e]! * size, r1 = und[e + 1]! * size, r2 = und[e + 2]! * size, r3 = und[e + 3]! * size;
    if (first) for (let b = 0; b < n; b++) out[b] = c + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]! + s3 * x[r3 + b]!;
    else for (let b = 0; b < n; b++) out[b] = out[b]! + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]! + s3 * x[r3 + b]!;
    first = false;
    e += 4;
  }
  const left = to - e;
  if (left === 0) {
    if (first) out.fill(c, 0, n);
    return;
  }
  const s0 = slope[e]!;
  const r0 = und[e]! * size;
  if (left === 1) {
    if (first) for (let b = 0; b < n; b++) out[b] = c + s0 * x[r0 + b]!;
    else for (let b = 0; b < n; b++) out[b] = out[b]! + s0 * x[r0 + b]!;
    return;
  }
  const s1 = slope[e + 1]!;
  const r1 = und[e + 1]! * size;
  if (left === 2) {
    if (first) for (let b = 0; b < n; b++) out[b] = c + s0 * x[r0 + b]! + s1 * x[r1 + b]!;
    else for (let b = 0; b < n; b++) out[b] = out[b]! + s0 * x[r0 + b]! + s1 * x[r1 + b]!;
    return;
  }
  const s2 = slope[e + 2]!;
  const r2 = und[e + 2]! * size;
  if (first) for (let b = 0; b < n; b++) out[b] = c + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]!;
  else for (let b = 0; b < n; b++) out[b] = out[b]! + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]!;
}
