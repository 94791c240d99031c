import { blockBalances } from './blockBalance';
import { unitAtStrided } from './exposure';
import type { VarRun } from './montecarlo';
import type { PathBlock } from './pathBlock';
import { BOUND_RATIOS } from './plan';
import { offerTop } from './topK';

/**
 * The last step of a per-path unit with one to five moving exposures (most units): its balance,
 * the clear check, the book and its worst losses in one pass over the block. The balance is
 * c + s0·x0 + s1·x1 + … left to right, as blockBalances sums it. Returns how many slots need the
 * full unit (listed in blk.full).
 */
function lastStep(run: VarRun, blk: PathBlock, n: number, j: number, from: number, exposures: number): number {
  const { x, book, size, full, clear, levelAt } = blk;
  const { pathConstant, pathExpSlope, pathExpUnderlying } = run.plan;
  const unitWorst = run.unitWorst;
  const worstCut = unitWorst.cut;
  const c = pathConstant[j]!;
  const mb0 = run.pathStartMb[j]!;
  const s0 = pathExpSlope[from]!;
  const r0 = pathExpUnderlying[from]! * size;
  const s1 = exposures > 1 ? pathExpSlope[from + 1]! : 0;
  const r1 = exposures > 1 ? pathExpUnderlying[from + 1]! * size : 0;
  const s2 = exposures > 2 ? pathExpSlope[from + 2]! : 0;
  const r2 = exposures > 2 ? pathExpUnderlying[from + 2]! * size : 0;
  const s3 = exposures > 3 ? pathExpSlope[from + 3]! : 0;
  const r3 = exposures > 3 ? pathExpUnderlying[from + 3]! * size : 0;
  const s4 = exposures > 4 ? pathExpSlope[from + 4]! : 0;
  const r4 = exposures > 4 ? pathExpUnderlying[from + 4]! * size : 0;
  let min = worstCut[j]!;
  let nFull = 0;
  for (let b = 0; b < n; b++) {
    let mb: number;
    // the same count on every slot: a branch the processor always guesses
    if (exposures === 5) mb = c + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]! + s3 * x[r3 + b]! + s4 * x[r4 + b]!;
    else if (exposures === 4) mb = c + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]! + s3 * x[r3 + b]!;
    else if (exposures === 3) mb = c + s0 * x[r0 + b]! + s1 * x[r1 + b]! + s2 * x[r2 + b]!;
    else if (exposures === 2) mb = c + s0 * x[r0 + b]! + s1 * x[r1 + b]!;
    else mb = c + s0 * x[r0 + b]!;
    if (mb > clear[levelAt[b]!]!) {
      const pnl = mb - mb0;
      book[b] = book[b]! + pnl;
      if (-pnl > min) {
        offerTop(unitWorst, j, -pnl);
        min = worstCut[j]!;
      }
    } else {
      full[nFull++] = b;
    }
  }
  return nFull;
}

/**
 * The per-path units at one step: the balance alone first (far from both levels the MM is not
 * needed, plan.ts mmBound), the full unit only on the paths where it may be near a level; at the
 * last step their PnL goes into the book and their worst losses. Per path the book still takes the
 * units in plan order, one addition each, as a path at a time did.
 */
export function evaluateUnits(run: VarRun, blk: PathBlock, n: number, step: number, years: number): void {
  const { x, balance, book, any, mc, liq, size, unit, flagged, full, clear, levelAt } = blk;
  const { model, plan, params, unitWorst } = run;
  const worstCut = unitWorst.cut;
  const { pathUnits, pathConstant, pathExpStart, pathExpSlope, pathExpUnderlying, mmBound } = plan;
  const { pathStartMb } = run;
  const bounds = BOUND_RATIOS.length;
  const mcLevel = params.marginCallHF;
  const last = step === run.steps - 1;
  for (let j = 0; j < pathUnits.length; j++) {
    const i = pathUnits[j]!;
    // clear[l + 1]: the balance above which a path whose level is l is clear of both levels (none at l = −1)
    for (let l = 0; l < bounds; l++) clear[l + 1] = mcLevel * mmBound[j * bounds + l]!;
    const flags = j * size;
    const mb0 = pathStartMb[j]!;
    const from = pathExpStart[j]!;
    const exposures = pathExpStart[j + 1]! - from;
    let nFull = 0;
    if (last && exposures >= 1 && exposures <= 5) {
      nFull = lastStep(run, blk, n, j, from, exposures);
    } else {
      blockBalances(balance, x, size, n, pathConstant[j]!, from, from + exposures, pathExpSlope, pathExpUnderlying);
      let min = worstCut[j]!;
      for (let b = 0; b < n; b++) {
        const mb = balance[b]!;
        if (mb > clear[levelAt[b]!]!) {
          if (last) {
            const pnl = mb - mb0;
            book[b] = book[b]! + pnl;
            if (-pnl > min) {
              offerTop(unitWorst, j, -pnl);
              min = worstCut[j]!;
            }
          }
        } else {
          full[nFull++] = b;
        }
      }
    }
    for (let f = 0; f < nFull; f++) {
      const b = full[f]!;
      unitAtStrided(model, i, x, size, b, years, unit);
      const m = unit.mm;
      const mb = unit.mb;
      if (m > 0) {
        if (mb <= m) {
          liq[flags + b] = 1;
          flagged[j] = 1;
        }
        if (mb < mcLevel * m) {
          mc[flags + b] = 1;
          flagged[j] = 1;
        }
      }
      if (last) {
        const pnl = mb - mb0;
        book[b] = book[b]! + pnl;
        if (-pnl > worstCut[j]!) offerTop(unitWorst, j, -pnl);
      }
    }
    if (last && flagged[j]) {
      // flags are set only where the full unit was evaluated: most units have none in a block
      let calls = 0;
      let liquidated = 0;
      for (let b = 0; b < n; b++) {
        calls += mc[flags + b]!;
        liquidated += liq[flags + b]!;
        any[b] = any[b]! | liq[flags + b]!;
      }
      run.marginCalls[j]! += calls;
      run.liquidations[j]! += liquidated;
    }
  }
}
