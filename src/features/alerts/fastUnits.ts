/**
 * The alert machine's units from the fast path's arrays: every present unit's HF and status
 * (float64, reconciled with the decimal engine), the exact decimal figures where the page has them
 * (the riskiest units), and every unit's liquidation shock from the float64 liquidation solver when
 * a "liquidation within" rule needs it. Pure, so it is tested without a worker.
 */
import { fastLiquidationShock, type UnitFigures } from '../../engine/alerts';
import { STATUS_CODES } from '../../engine/fast';
import type { UnitReport } from '../../engine/types';
import type { FastUnitArrays, TableLayout } from '../../worker';

/** Per unit index: the liquidation shock's moves (NaN: none). */
export interface UnitShocks {
  down: Float64Array;
  up: Float64Array;
}

const NO_SHOCK: UnitReport['liquidationShock'] = { down: null, up: null };

export function toAlertUnits(layout: TableLayout, units: FastUnitArrays, exact: ReadonlyMap<number, UnitReport>, shocks: UnitShocks | null): UnitFigures[] {
  const out: UnitFigures[] = [];
  for (let i = 0; i < layout.account.length; i++) {
    if (!units.present[i]) continue;
    const e = exact.get(i);
    const hf = units.healthFactor[i]!;
    const fast = shocks ? fastLiquidationShock(shocks.down[i]!, shocks.up[i]!) : NO_SHOCK;
    out.push({
      account: layout.account[i]!,
      unit: layout.unit[i]!,
      healthFactor: e ? e.healthFactor : Number.isFinite(hf) ? String(hf) : null,
      status: e ? e.status : STATUS_CODES[units.status[i]!]!,
      liquidationShock: e ? e.liquidationShock : fast,
    });
  }
  return out;
}
