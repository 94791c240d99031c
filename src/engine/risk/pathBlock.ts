import { evaluateUnits } from './blockUnits';
import { settleUnderlyings } from './blockSettle';
import type { UnitFigures } from './exposure';
import type { VarRun } from './montecarlo';
import { BOUND_RATIOS } from './plan';
import { NormalStreams } from './prng';

/**
 * The paths of a run, simulated a block at a time (float64 statistics).
 *
 * A block holds up to `size` paths side by side, underlying-major: underlying u's price ratio on
 * slot b is x[u·size + b]. Each loop of a step then runs over the block's paths with everything else
 * fixed — one underlying's sampler row, one unit's exposure, one underlying's thresholds — so the
 * inner loops are long, read memory in order and keep one small table hot, where a path at a time
 * jumped between 200 underlyings' tables and 1,000 units' exposures on every path.
 *
 * Nothing is summed in another order than a path at a time would: each path draws from its own
 * stream (prng.ts), its z, ratios, unit balances and book PnL take the same operations in the same
 * order, and the heaps and counts do not depend on the order paths come in. So a seed gives the
 * same figures to the last bit, whatever the block size or the chunks the worker asks for.
 *
 * A step here: the draws and ratios (stepPrices), the extremes (trackExtremes), then at the last
 * step the underlyings' threshold units (blockSettle.ts), and the per-path units (blockUnits.ts).
 */
export interface PathBlock {
  size: number;
  /** the run's path in each slot */
  path: Int32Array;
  /** each slot's random stream: its path's (prng.ts) */
  streams: NormalStreams;
  /** underlying-major [u·size + b]; underlyings that do not move stay at their start ratio */
  x: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  /** per slot: the highest ratio of the step, and 1 + the first BOUND_RATIOS level at or above it (0: none) */
  top: Float64Array;
  levelAt: Int32Array;
  /** the slots where a unit is evaluated in full, and the unit's clear balances per levelAt (evaluateUnits) */
  full: Int32Array;
  clear: Float64Array;
  /** the step's independent normals, factor-major [f·size + b] */
  eps: Float64Array;
  z: Float64Array;
  balance: Float64Array;
  book: Float64Array;
  any: Uint8Array;
  /** per path unit × slot [j·size + b]: margin-called / liquidated at some step so far */
  mc: Uint8Array;
  liq: Uint8Array;
  /** per path unit: whether any of its slots has a flag set in this block */
  flagged: Uint8Array;
  unit: UnitFigures;
}

/**
 * Paths per block. What a block costs once — each unit's and underlying's set-up, and fetching
 * each underlying's threshold table back into the cache — is shared by more paths in a bigger block;
 * past 512 the benchmark book (201 underlyings: 0.8 MB of ratios a block) gains nothing more. A
 * book with thousands of underlyings or per-path units gets smaller blocks, so that a block's
 * ratios stay near 2 MB and its flags near 4 MB.
 */
export const BLOCK_SIZE = 512;

export function blockSizeFor(underlyings: number, pathUnits: number): number {
  return Math.max(32, Math.min(BLOCK_SIZE, Math.floor(262_144 / Math.max(1, underlyings)), Math.floor(4_194_304 / Math.max(1, pathUnits))));
}

export function allocateBlock(underlyings: number, factors: number, pathUnits: number, size = blockSizeFor(underlyings, pathUnits)): PathBlock {
  return {
    size,
    path: new Int32Array(size),
    streams: new NormalStreams(size),
    x: new Float64Array(underlyings * size),
    lo: new Float64Array(underlyings * size),
    hi: new Float64Array(underlyings * size),
    top: new Float64Array(size),
    levelAt: new Int32Array(size),
    full: new Int32Array(size),
    clear: new Float64Array(BOUND_RATIOS.length + 1).fill(Infinity),
    eps: new Float64Array(factors * size),
    z: new Float64Array(size),
    balance: new Float64Array(size),
    book: new Float64Array(size),
    any: new Uint8Array(size),
    mc: new Uint8Array(pathUnits * size),
    liq: new Uint8Array(pathUnits * size),
    flagged: new Uint8Array(pathUnits),
    unit: { mb: 0, mm: 0 },
  };
}

/** One step of prices for the block's n paths: x ← x·exp(σ√Δt z − σ²Δt/2), or the historical returns. */
function stepPrices(run: VarRun, blk: PathBlock, n: number, step: number): void {
  const { x, eps, z, size } = blk;
  const moving = run.plan.moving;
  const s = run.source;
  if (s.kind === 'historical') {
    for (let b = 0; b < n; b++) {
      const row = (blk.path[b]! + step) * s.assets;
      for (let j = 0; j < moving.length; j++) {
        const u = moving[j]!;
        const r = s.returns[row + s.columns[u]!]!;
        x[u * size + b] = x[u * size + b]! * (1 + (Number.isNaN(r) ? 0 : r));
      }
    }
    return;
  }
  const { sampler, stepSd, drift, lognormal } = s;
  const { start, col, val, factors } = sampler;
  for (let b = 0; b < n; b++) blk.streams.normals(b, eps, b, size, factors);
  for (let j = 0; j < moving.length; j++) {
    const u = moving[j]!;
    const sd = stepSd[u]!;
    const mu = drift[u]!;
    const row = u * size;
    const first = start[j]!;
    const terms = start[j + 1]! - first;
    if (lognormal && terms === 2) {
      // the common factor sampler's row: a loading and a residual; z = (0 + v0·ε0) + v1·ε1 as the
      // general loop below sums it, the ratio moved in the same pass
      const v0 = val[first]!;
      const v1 = val[first + 1]!;
      const e0 = col[first]! * size;
      const e1 = col[first + 1]! * size;
      for (let b = 0; b < n; b++) x[row + b] = x[row + b]! * Math.exp(sd * (0 + v0 * eps[e0 + b]! + v1 * eps[e1 + b]!) + mu);
      continue;
    }
    z.fill(0, 0, n);
    for (let k = first; k < first + terms; k++) {
      const v = val[k]!;
      const from = col[k]! * size;
      for (let b = 0; b < n; b++) z[b] = z[b]! + v * eps[from + b]!;
    }
    if (lognormal) for (let b = 0; b < n; b++) x[row + b] = x[row + b]! * Math.exp(sd * z[b]! + mu);
    else for (let b = 0; b < n; b++) x[row + b] = Math.max(0, x[row + b]! + sd * z[b]!);
  }
}

/**
 * Per slot: lowest and highest ratio so far (unless the path has one step: then they are its end
 * ratios, read from x), the step's highest ratio and its MM-bound level.
 */
function trackExtremes(run: VarRun, blk: PathBlock, n: number): void {
  const { x, lo, hi, top, levelAt, size } = blk;
  const moving = run.plan.moving;
  top.fill(0, 0, n);
  const track = run.steps > 1;
  for (let j = 0; j < moving.length; j++) {
    const row = moving[j]! * size;
    if (track) {
      for (let b = 0; b < n; b++) {
        const v = x[row + b]!;
        if (v < lo[row + b]!) lo[row + b] = v;
        if (v > hi[row + b]!) hi[row + b] = v;
        if (v > top[b]!) top[b] = v;
      }
    } else {
      for (let b = 0; b < n; b++) if (x[row + b]! > top[b]!) top[b] = x[row + b]!;
    }
  }
  for (let b = 0; b < n; b++) {
    let l = -1;
    for (let r = 0; r < BOUND_RATIOS.length; r++) {
      if (top[b]! <= BOUND_RATIOS[r]!) {
        l = r;
        break;
      }
    }
    levelAt[b] = l + 1;
  }
}

/** Simulates the n paths in blk.path[0 .. n-1] (none of them done) into the run. */
export function simulateBlock(run: VarRun, blk: PathBlock, n: number): void {
  const { plan, params, steps } = run;
  const { size, x, lo, hi, book, any, mc, liq } = blk;
  const moving = plan.moving;
  const stepYears = run.source.kind === 'monte-carlo' ? run.source.years : 1 / 365;
  if (run.source.kind === 'monte-carlo') for (let b = 0; b < n; b++) blk.streams.seed(b, params.seed, blk.path[b]!);
  // every path starts at the run's start ratios (underlyings that do not move stay there)
  for (let u = 0; u < run.start.length; u++) x.fill(run.start[u]!, u * size, (u + 1) * size);
  if (steps > 1) {
    for (let j = 0; j < moving.length; j++) {
      const row = moving[j]! * size;
      lo.fill(Infinity, row, row + n);
      hi.fill(-Infinity, row, row + n);
    }
  }
  for (let j = 0; j < plan.pathUnits.length; j++) {
    if (!blk.flagged[j]) continue;
    mc.fill(0, j * size, (j + 1) * size);
    liq.fill(0, j * size, (j + 1) * size);
    blk.flagged[j] = 0;
  }
  book.fill(0, 0, n);
  any.fill(run.alwaysAny, 0, n);
  for (let s = 0; s < steps; s++) {
    stepPrices(run, blk, n, s);
    trackExtremes(run, blk, n);
    // the book takes the threshold units' PnL before the per-path units', as a path at a time did
    if (s === steps - 1) settleUnderlyings(run, blk, n);
    evaluateUnits(run, blk, n, s, (s + 1) * stepYears);
  }
  for (let b = 0; b < n; b++) {
    const p = blk.path[b]!;
    run.bookPnl[p] = book[b]!;
    run.anyLiquidation[p] = any[b]!;
    run.done[p] = 1;
  }
}
