/**
 * The alert machine's units from the fast path's arrays: every present unit's HF and status
 * (float64, reconciled with the decimal engine), the exact decimal figures where the page has them
 * (the riskiest units), and every unit's liquidation shock from the float64 liquidation solver when
 * a "liquidation within" rule needs it. Pure, so it is tested without a worker.
 */
import { fastLiquidationShock, type AlertRule, type UnitFigures } from '../../engine/alerts';
import { readDecimalText } from '../../engine/decimal';
import { STATUS_CODES } from '../../engine/fast';
import type { UnitReport } from '../../engine/types';
import type { FastUnitArrays, TableLayout } from '../../worker';

/** Per unit index: the liquidation shock's moves (NaN: none). */
export interface UnitShocks {
  down: Float64Array;
  up: Float64Array;
}

const NO_SHOCK: UnitReport['liquidationShock'] = { down: null, up: null };

/** Relative slack over the float64 readings: far wider than the 1e-12 within which stepAlerts turns to decimal, or the 1e-10 of a shock's ten digits. */
const SLACK = 1e-9;

/** The smaller move in size; NaN (no liquidation that way) only when neither side has one. */
function nearer(down: number, up: number): number {
  const a = Math.abs(down);
  const b = Math.abs(up);
  return a < b || Number.isNaN(b) ? a : b;
}

/**
 * Whether any rule could hold for unit i, read on the float64 figures with a slack wider than any
 * rounding between them and the figures stepAlerts decides on. A unit no rule could hold for is
 * left out: a slider step over a 30k-unit book then steps the units near a level, not every unit.
 * Units with exact figures are always kept (a handful, and their status is decimal's).
 */
function candidates(rules: readonly AlertRule[], layout: TableLayout, units: FastUnitArrays, shocks: UnitShocks | null): (i: number) => boolean {
  const marginCall = STATUS_CODES.indexOf('margin_call');
  const tests = rules.map((rule): ((i: number) => boolean) => {
    const inScope = (i: number) => !rule.scope || (layout.account[i] === rule.scope.account && layout.unit[i] === rule.scope.unit);
    const level = readDecimalText(rule.value)?.toNumber() ?? NaN;
    const reach = level + Math.abs(level) * SLACK + SLACK;
    switch (rule.kind) {
      case 'margin-call':
        return (i) => inScope(i) && units.status[i]! >= marginCall;
      case 'hf-below':
        return (i) => inScope(i) && units.healthFactor[i]! <= reach;
      case 'liquidation-within':
        return (i) => inScope(i) && shocks !== null && nearer(shocks.down[i]!, shocks.up[i]!) <= reach;
      default: {
        const never: never = rule.kind;
        return never;
      }
    }
  });
  return (i) => tests.some((t) => t(i));
}

/**
 * The alert machine's units. With `rules`, only the units some rule could hold for (plus those with
 * exact figures): stepAlerts gives the same conditions as over every unit (property-tested).
 */
export function toAlertUnits(layout: TableLayout, units: FastUnitArrays, exact: ReadonlyMap<number, UnitReport>, shocks: UnitShocks | null, rules?: readonly AlertRule[]): UnitFigures[] {
  const out: UnitFigures[] = [];
  const mayHold = rules ? candidates(rules, layout, units, shocks) : () => true;
  for (let i = 0; i < layout.account.length; i++) {
    if (!units.present[i]) continue;
    const e = exact.get(i);
    if (!e && !mayHold(i)) continue;
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
