import { Dec, ONE, decStr, decStrOrNull } from './decimal';
import { isCuttable, sizeRatioForMaintenance } from './liquidation';
import type { Remediation } from './types';
import type { PreparedUnit, UnitFigures } from './units';

export interface RemediationRequest {
  unit: PreparedUnit;
  marks: readonly Dec[];
  figures: UnitFigures;
  targetHF: Dec;
}

/**
 * What brings a unit below its target HF back to it, exactly, with tiers re-evaluated:
 * - collateral to add: MM does not depend on collateral, so A = target * MM - MB;
 * - the fraction of every position to close: closing part of a position realises its share of the
 *   PnL into the balance, so MB stays and only MM falls; solved for MM = MB / target;
 * - the fraction of the single position with the largest MM (the one that frees the most).
 * Null when the unit is at or above target, or has no maintenance margin.
 */
export function remediationFor({ unit, marks, figures, targetHF }: RemediationRequest): Remediation | null {
  const { marginBalance: mb, mm } = figures;
  if (!mm.gt(0) || mb.div(mm).greaterThanOrEqualTo(targetHF)) return null;
  const addCollateral = targetHF.times(mm).minus(mb);
  const targetMm = mb.gt(0) ? mb.div(targetHF) : null;
  const reduce = (cut: boolean[]): Dec | null => {
    if (!targetMm) return null; // a negative balance cannot be mended by closing positions alone
    const y = sizeRatioForMaintenance(unit, marks, cut, targetMm);
    return y ? ONE.minus(y) : null;
  };
  // a row already cut to nothing has no size left to close
  const linear = unit.rows.map((row) => isCuttable(row) && !row.q.isZero());
  let largest = -1;
  figures.rows.forEach((row, i) => {
    if (linear[i] && (largest < 0 || row.mm.greaterThan(figures.rows[largest]!.mm))) largest = i;
  });
  const single = largest >= 0 ? reduce(unit.rows.map((_, i) => i === largest)) : null;
  const target = largest >= 0 ? unit.rows[largest]!.src : null;
  return {
    addCollateral: decStr(addCollateral),
    reduceFraction: linear.some(Boolean) ? decStrOrNull(reduce(linear)) : null,
    reduceSingle: target && single ? { line: target.line, symbol: target.symbol, fraction: decStr(single) } : null,
  };
}
