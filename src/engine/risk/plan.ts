import { exposureMm, type ExposureModel } from './exposure';
import { thresholdTable, type ThresholdTable } from './thresholdTable';
import { crossing, type Crossing } from './thresholds';

/**
 * How a run treats each unit, given which underlyings move (float64 statistics):
 * - per path: units with priced options, with two or more moving underlyings, or whose
 *   margin-call / liquidation set is not one-sided: evaluated at every step of every path;
 * - by threshold: units that move with one underlying (and no option): their PnL is s·(x − 1), so
 *   their worst losses are their underlying's most extreme end ratios, and a level is reached on a
 *   path when the path's lowest (highest) ratio passes a threshold (thresholds.ts);
 * - still: units with nothing moving: the same figures on every path.
 * Underlyings that do not move stand at their start ratio on every path (`stillAt`, 1 unless a
 * what-if moved them: a stablecoin depeg under a market that gives it no volatility); a plan
 * folds them in at that ratio.
 */
export interface RunPlan {
  /** moving underlyings, ascending */
  moving: Int32Array;
  pathUnits: Int32Array;
  /**
   * per path unit × BOUND_RATIOS: the most its MM can be while no price ratio exceeds that ratio
   * (Infinity when unknown: options, c/x terms). A step where MB > margin-call level × this bound
   * cannot reach either level, so its MM is not computed (runPaths).
   */
  mmBound: Float64Array;
  /**
   * The balances of the per-path units in one compact layout (the hot loop reads it in order): per
   * path unit j, its constant with the still underlyings folded in, and its moving exposures
   * pathExpStart[j] .. pathExpStart[j+1]-1.
   */
  pathConstant: Float64Array;
  pathExpStart: Int32Array;
  pathExpUnderlying: Int32Array;
  pathExpSlope: Float64Array;
  /** threshold units: their underlying and slope s */
  thresholdUnits: Int32Array;
  thresholdUnderlying: Int32Array;
  thresholdSlope: Float64Array;
  /** per underlying: Σ s of its threshold units (their part of the book's PnL) */
  bookSlope: Float64Array;
  /** per underlying: whether the k lowest / highest end ratios are needed */
  needLow: Uint8Array;
  needHigh: Uint8Array;
  /** x ≤ t thresholds (reached when a path's lowest ratio is ≤ t) and x ≥ t thresholds (highest ratio ≥ t) */
  below: ThresholdTable;
  above: ThresholdTable;
  /** per underlying: its highest x ≤ t threshold (−∞ if none) and lowest x ≥ t threshold (+∞ if none) */
  belowTop: Float64Array;
  aboveBottom: Float64Array;
  /** per underlying: the highest x ≤ t and lowest x ≥ t liquidation threshold (any unit liquidated) */
  anyBelow: Float64Array;
  anyAbove: Float64Array;
  /** per unit: liquidated / margin-called on every path (still units, or 'always' crossings) */
  alwaysLiquidated: Uint8Array;
  alwaysMarginCall: Uint8Array;
}

type Entry = { t: number; owner: number };

/** Price-ratio ceilings for the MM bounds of per-path units. */
export const BOUND_RATIOS = [1.1, 1.25, 1.5, 2, 4] as const;

/** The most exposure e's MM reaches for 0 < x ≤ ceiling: pieces without c/x are lines, so at an end. */
function mmCeiling(model: ExposureModel, e: number, ceiling: number): number {
  const first = model.pieceStart[e]!;
  const last = model.pieceStart[e + 1]! - 1;
  let most = -Infinity;
  for (let k = first; k <= last && model.pieceFrom[k]! < ceiling; k++) {
    if (model.pieceC[k] !== 0) return Infinity;
    const a = model.pieceA[k]!;
    const b = model.pieceB[k]!;
    const to = k < last ? Math.min(model.pieceFrom[k + 1]!, ceiling) : ceiling;
    most = Math.max(most, a + b * model.pieceFrom[k]!, a + b * to);
  }
  return most;
}

function compactBalances(model: ExposureModel, pathUnits: readonly number[], isMoving: Uint8Array, stillAt: Float64Array): Pick<RunPlan, 'pathConstant' | 'pathExpStart' | 'pathExpUnderlying' | 'pathExpSlope'> {
  const constant = new Float64Array(pathUnits.length);
  const start = [0];
  const und: number[] = [];
  const slope: number[] = [];
  pathUnits.forEach((i, j) => {
    let c = model.constant[i]!;
    for (let e = model.expStart[i]!; e < model.expStart[i + 1]!; e++) {
      const u = model.expUnderlying[e]!;
      if (isMoving[u]) {
        und.push(u);
        slope.push(model.expSlope[e]!);
      } else {
        c += model.expSlope[e]! * stillAt[u]!;
      }
    }
    constant[j] = c;
    start.push(und.length);
  });
  return { pathConstant: constant, pathExpStart: Int32Array.from(start), pathExpUnderlying: Int32Array.from(und), pathExpSlope: Float64Array.from(slope) };
}

/** Per path unit and ceiling: the most its MM can be (moving exposures at their worst up to the ceiling, still ones as they stand). */
function mmBounds(model: ExposureModel, pathUnits: readonly number[], isMoving: Uint8Array, stillAt: Float64Array): Float64Array {
  const out = new Float64Array(pathUnits.length * BOUND_RATIOS.length);
  for (let j = 0; j < pathUnits.length; j++) {
    const i = pathUnits[j]!;
    const priced = model.optionStart[i + 1]! > model.optionStart[i]!;
    for (let l = 0; l < BOUND_RATIOS.length; l++) {
      let sum = 0;
      for (let e = model.expStart[i]!; e < model.expStart[i + 1]!; e++) {
        const u = model.expUnderlying[e]!;
        sum += isMoving[u] ? mmCeiling(model, e, BOUND_RATIOS[l]!) : exposureMm(model, e, stillAt[u]!);
      }
      out[j * BOUND_RATIOS.length + l] = priced ? Infinity : sum;
    }
  }
  return out;
}

interface Tables {
  below: Entry[][];
  above: Entry[][];
  anyBelow: Float64Array;
  anyAbove: Float64Array;
  alwaysLiquidated: Uint8Array;
  alwaysMarginCall: Uint8Array;
}

/** Files unit i's crossing of a level (kind 0: liquidation, 1: margin call) along underlying und. */
function place(c: Crossing, kind: 0 | 1, i: number, und: number, t: Tables): void {
  if (c.kind === 'always') (kind === 0 ? t.alwaysLiquidated : t.alwaysMarginCall)[i] = 1;
  else if (c.kind === 'below') t.below[und]!.push({ t: c.t, owner: i * 2 + kind });
  else if (c.kind === 'above') t.above[und]!.push({ t: c.t, owner: i * 2 + kind });
  if (kind === 0 && c.kind === 'below') t.anyBelow[und] = Math.max(t.anyBelow[und]!, c.t);
  if (kind === 0 && c.kind === 'above') t.anyAbove[und] = Math.min(t.anyAbove[und]!, c.t);
}

export function planRun(model: ExposureModel, isMoving: Uint8Array, marginCallHF: number, everyUnitPerPath = false, stillAt: Float64Array = new Float64Array(model.underlyings.length).fill(1)): RunPlan {
  const u = model.underlyings.length;
  const n = model.units.length;
  const pathUnits: number[] = [];
  const tUnits: number[] = [];
  const tUnderlying: number[] = [];
  const tSlope: number[] = [];
  const bookSlope = new Float64Array(u);
  const needLow = new Uint8Array(u);
  const needHigh = new Uint8Array(u);
  const below: Entry[][] = Array.from({ length: u }, () => []);
  const above: Entry[][] = Array.from({ length: u }, () => []);
  const anyBelow = new Float64Array(u).fill(-Infinity);
  const anyAbove = new Float64Array(u).fill(Infinity);
  const alwaysLiquidated = new Uint8Array(n);
  const alwaysMarginCall = new Uint8Array(n);
  const { expStart, expUnderlying, expSlope } = model;
  const tables: Tables = { below, above, anyBelow, anyAbove, alwaysLiquidated, alwaysMarginCall };

  for (let i = 0; i < n; i++) {
    let movingExp = -1;
    let movingCount = 0;
    let still = model.constant[i]!;
    let stillMm = 0;
    for (let e = expStart[i]!; e < expStart[i + 1]!; e++) {
      if (isMoving[expUnderlying[e]!]) {
        movingExp = e;
        movingCount++;
      } else {
        const at = stillAt[expUnderlying[e]!]!;
        still += expSlope[e]! * at;
        stillMm += exposureMm(model, e, at);
      }
    }
    if (everyUnitPerPath || model.optionStart[i + 1]! > model.optionStart[i]! || movingCount > 1) {
      pathUnits.push(i);
      continue;
    }
    if (movingCount === 0) {
      // nothing moves: the unit stands where the still underlyings put it (no option: see above)
      const mm = stillMm;
      const mb = still;
      alwaysLiquidated[i] = mm > 0 && mb <= mm ? 1 : 0;
      alwaysMarginCall[i] = mm > 0 && mb < marginCallHF * mm ? 1 : 0;
      tUnits.push(i);
      tUnderlying.push(-1);
      tSlope.push(0);
      continue;
    }
    const liq = crossing(model, movingExp, still, stillMm, 1);
    const mc = crossing(model, movingExp, still, stillMm, marginCallHF);
    if (liq.kind === 'mixed' || mc.kind === 'mixed') {
      pathUnits.push(i);
      continue;
    }
    const und = expUnderlying[movingExp]!;
    const s = expSlope[movingExp]!;
    tUnits.push(i);
    tUnderlying.push(und);
    tSlope.push(s);
    bookSlope[und]! += s;
    if (s > 0) needLow[und] = 1;
    if (s < 0) needHigh[und] = 1;
    place(liq, 0, i, und, tables);
    place(mc, 1, i, und, tables);
  }
  const moving: number[] = [];
  for (let k = 0; k < u; k++) if (isMoving[k]) moving.push(k);
  return {
    moving: Int32Array.from(moving),
    pathUnits: Int32Array.from(pathUnits),
    mmBound: mmBounds(model, pathUnits, isMoving, stillAt),
    ...compactBalances(model, pathUnits, isMoving, stillAt),
    thresholdUnits: Int32Array.from(tUnits),
    thresholdUnderlying: Int32Array.from(tUnderlying),
    thresholdSlope: Float64Array.from(tSlope),
    bookSlope,
    needLow,
    needHigh,
    below: thresholdTable(below),
    above: thresholdTable(above),
    belowTop: Float64Array.from(below, (entries) => entries.reduce((m, e) => Math.max(m, e.t), -Infinity)),
    aboveBottom: Float64Array.from(above, (entries) => entries.reduce((m, e) => Math.min(m, e.t), Infinity)),
    anyBelow,
    anyAbove,
    alwaysLiquidated,
    alwaysMarginCall,
  };
}
