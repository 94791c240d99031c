/**
 * Cholesky factor of a correlation matrix (float64 statistics): C = L Lᵀ with L lower triangular,
 * so that z = L ε turns independent normals ε into normals with correlation C.
 */

export type CholeskyResult = { ok: true; lower: Float64Array } | { ok: false; error: string };

/** Tolerance for symmetry and for a pivot that is zero up to rounding. */
const EPS = 1e-10;

/**
 * `matrix` is n×n, row-major; `names` label its rows. The error names the assets: an asymmetric
 * pair, a diagonal that is not 1, a correlation outside [-1, 1], or the asset at which the matrix
 * stops being positive definite (with the assets before it, which together admit no such correlation).
 */
export function cholesky(matrix: ArrayLike<number>, names: readonly string[]): CholeskyResult {
  const n = names.length;
  if (matrix.length !== n * n) return { ok: false, error: `correlation matrix: expected ${n}×${n} values for ${n} assets, found ${matrix.length}` };
  for (let i = 0; i < n; i++) {
    const d = matrix[i * n + i]!;
    if (!Number.isFinite(d) || Math.abs(d - 1) > EPS) return { ok: false, error: `correlation matrix: ${names[i]} with itself must be 1, found ${d}` };
    for (let j = 0; j < i; j++) {
      const v = matrix[i * n + j]!;
      const w = matrix[j * n + i]!;
      if (!Number.isFinite(v) || v < -1 || v > 1) return { ok: false, error: `correlation matrix: ${names[i]}–${names[j]} must be from -1 to 1, found ${v}` };
      if (Math.abs(v - w) > EPS) return { ok: false, error: `correlation matrix: ${names[i]}–${names[j]} is ${v} but ${names[j]}–${names[i]} is ${w}; it must be symmetric` };
    }
  }
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= lower[i * n + k]! * lower[j * n + k]!;
      if (i === j) {
        if (sum <= EPS) {
          const before = names.slice(0, i);
          const others = before.length > 0 ? ` together with ${before.join(', ')}` : '';
          return {
            ok: false,
            error: `correlation matrix is not positive definite: the correlations of ${names[i]}${others} are not possible together (pivot ${sum.toPrecision(3)}); lower the correlations of ${names[i]} or make them consistent`,
          };
        }
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / lower[j * n + j]!;
      }
    }
  }
  return { ok: true, lower };
}

/**
 * The bare factorisation C = L Lᵀ of an n×n symmetric matrix (row-major), without the checks of a
 * correlation matrix: null when a pivot is not positive. For the sampler's residual matrices
 * (sampler.ts); a user's matrix goes through `cholesky` first, which names what is wrong.
 */
export function factorLower(matrix: ArrayLike<number>, n: number): Float64Array | null {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= lower[i * n + k]! * lower[j * n + k]!;
      if (i === j) {
        if (sum <= EPS) return null;
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / lower[j * n + j]!;
      }
    }
  }
  return lower;
}
