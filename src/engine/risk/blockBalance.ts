/**
 * A per-path unit's balance on every path of a block (float64 statistics, pathBlock.ts):
 * out[b] = c + Σ_e slope[e]·x[und[e]·size + b], summed in exposure order.
 *
 * Up to five exposures go in one pass over the block, written as one left-to-right expression:
 * ((((o + s0·x0) + s1·x1) + s2·x2) + s3·x3) is, operation for operation, what adding them one at a
 * time does, so the sums are the same to the last bit; the block's balances are read and written
 * once per five exposures instead of once per exposure (a cross account on five assets: one pass).
 */
export function blockBalances(out: Float64Array, x: Float64Array, size: number, n: number, c: number, from: number, to: number, slope: Float64Array, und: Int32Array): void {
  let e = from;
  let first = true;
  while (e < to) {
    const left = Math.min(to - e, 5);
    const s0 = slope[e]!;
    const r0 = und[e]! * size;
    const s1 = left > 1 ? slope[e + 1]! : 0;
    const r1 = left > 1 ? und[e + 1]! * size : 0;
    const s2 = left > 2 ? slope[e + 2]! : 0;
    const r2 = left > 2 ? und[e + 2]! * size : 0;
    const s3 = left > 3 ? slope[e + 3]! : 0;
    const r3 = left > 3 ? und[e + 3]! * size : 0;
    const s4 = left > 4 ? slope[e + 4]! : 0;
    const r4 = left > 4 ? und[e + 4]! * size : 0;
    if (first) {
      if (left === 1) for (let b = 0; b < n; b++) out[b] = c + s0 * x[r0 + b]!;
      else if (left === 2) for (let b = 0; b < n; b++) out[b] = c + s0 * x[r0 + b]! + s1 * x[r1 + b]!;
      else if (left === 3) for (let b = 0; b < n; b++) out[b] = c + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]!;
      else if (left === 4) for (let b = 0; b < n; b++) out[b] = c + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]! + s3 * x[r3 + b]!;
      else for (let b = 0; b < n; b++) out[b] = c + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]! + s3 * x[r3 + b]! + s4 * x[r4 + b]!;
    } else {
      if (left === 1) for (let b = 0; b < n; b++) out[b] = out[b]! + s0 * x[r0 + b]!;
      else if (left === 2) for (let b = 0; b < n; b++) out[b] = out[b]! + s0 * x[r0 + b]! + s1 * x[r1 + b]!;
      else if (left === 3) for (let b = 0; b < n; b++) out[b] = out[b]! + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]!;
      else if (left === 4) for (let b = 0; b < n; b++) out[b] = out[b]! + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]! + s3 * x[r3 + b]!;
      else for (let b = 0; b < n; b++) out[b] = out[b]! + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]! + s3 * x[r3 + b]! + s4 * x[r4 + b]!;
    }
    first = false;
    e += left;
  }
  // a unit with no moving exposure is its constant
  if (first) out.fill(c, 0, n);
}
