import { factorLower } from './cholesky';

/**
 * Correlated standard normals z = B ε for the underlyings that move (volatility above 0), with B
 * sparse: the Cholesky factor of their correlation matrix C, or — when that is cheaper — a common
 * factor plus a sparse residual. Float64 statistics.
 *
 * The default market gives every asset without a sourced figure one correlation ρ with every other
 * (market-defaults.json), so 200 underlyings make a dense 200 × 200 factor: 20,100 multiplications
 * per path step. But C = ρ·1_G 1_Gᵀ + R, with G the assets that mostly share ρ and R = C − ρ·1_G 1_Gᵀ
 * nearly diagonal, and z = √ρ·f·1_G + L_R ε' (f, ε' independent standard normals) has covariance
 * exactly C: the same distribution for a few hundred multiplications. When R is not positive
 * definite, or not sparser, the plain factor is used. Either way a seed gives the same draws.
 */
export interface Sampler {
  /** independent normals drawn per step */
  factors: number;
  /** z of moving underlying j is Σ val[k]·ε[col[k]] for k in start[j] .. start[j+1]-1 */
  start: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

function sparseRows(lower: Float64Array, n: number, shift: number, extra: (row: number) => Array<[number, number]>): { rows: Array<Array<[number, number]>>; nnz: number } {
  const rows: Array<Array<[number, number]>> = [];
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    const row = extra(i);
    for (let j = 0; j <= i; j++) {
      const v = lower[i * n + j]!;
      if (v !== 0) row.push([j + shift, v]);
    }
    nnz += row.length;
    rows.push(row);
  }
  return { rows, nnz };
}

function pack(rows: Array<Array<[number, number]>>, factors: number): Sampler {
  const start = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (start[i + 1] = start[i]! + r.length));
  const col = new Int32Array(start[rows.length]!);
  const val = new Float64Array(start[rows.length]!);
  let k = 0;
  for (const r of rows) {
    for (const [c, v] of r) {
      col[k] = c;
      val[k++] = v;
    }
  }
  return { factors, start, col, val };
}

/** The correlation ρ most pairs share, and the assets that share it with at least half the others. */
function commonFactor(c: Float64Array, n: number): { rho: number; group: Uint8Array } | null {
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) counts.set(c[i * n + j]!, (counts.get(c[i * n + j]!) ?? 0) + 1);
  let rho = 0;
  let best = 0;
  for (const [v, count] of counts) if (v > 0 && v < 1 && count > best) [rho, best] = [v, count];
  if (best === 0) return null;
  const group = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let shared = 0;
    for (let j = 0; j < n; j++) if (j !== i && c[i * n + j] === rho) shared++;
    if (shared >= 1 && 2 * shared >= n - 1) group[i] = 1;
  }
  return { rho, group };
}

/**
 * `correlation` is the full checked matrix (cholesky.ts has accepted it) over `size` underlyings;
 * `moving` lists those with a volatility above 0, in order.
 */
export function buildSampler(correlation: Float64Array, size: number, moving: Int32Array): Sampler {
  const n = moving.length;
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[i * n + j] = correlation[moving[i]! * size + moving[j]!]!;
  const plainLower = factorLower(c, n);
  // the full matrix is positive definite, so is every principal submatrix; rounding aside
  if (!plainLower) throw new Error('correlation matrix: not positive definite over the moving assets');
  const plain = sparseRows(plainLower, n, 0, () => []);
  const common = commonFactor(c, n);
  if (common) {
    const r = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) r[i * n + j] = c[i * n + j]! - (common.group[i] && common.group[j] ? common.rho : 0);
    const residual = factorLower(r, n);
    if (residual) {
      const root = Math.sqrt(common.rho);
      const split = sparseRows(residual, n, 1, (i) => (common.group[i] ? [[0, root]] : []));
      if (split.nnz < plain.nnz) return pack(split.rows, n + 1);
    }
  }
  return pack(plain.rows, n);
}
