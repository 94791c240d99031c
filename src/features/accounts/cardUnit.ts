import type { UnitReport } from '../../engine/types';
import type { UnitFigures } from '../../store/unitFigures';

/**
 * A float64 figure as text for the decimal formatters. Only for the moment between a slider step and
 * the exact figures: it agrees with them within half a displayed unit (test/engine/fastPath.test.ts).
 */
function text(x: number): string | null {
  return Number.isFinite(x) ? String(x) : null;
}

/** The card's figures: exact when loaded for this scenario, else the fast path's (pending). */
export function cardUnit(f: UnitFigures, i: number): { unit: UnitReport; pending: boolean } {
  const exact = f.exact(i);
  if (exact) return { unit: exact, pending: false };
  const mb = f.marginBalance[i]!;
  const mm = f.maintenanceMargin[i]!;
  const im = f.initialMargin[i]!;
  const hf = f.healthFactor[i]!;
  return {
    pending: true,
    unit: {
      unit: f.unit(i),
      marginMode: f.marginMode(i),
      collateral: '',
      debt: '0',
      unrealizedPnl: '',
      marginBalance: text(mb) ?? '',
      initialMargin: text(im) ?? '',
      maintenanceMargin: text(mm) ?? '',
      healthFactor: text(hf),
      marginRatio: mm === 0 ? '0' : mb > 0 ? text(mm / mb) : null,
      availableMargin: text(mb - im) ?? '',
      marginBuffer: text(mb - mm) ?? '',
      status: f.status(i),
      liquidationShock: { down: null, up: null },
      remediation: null,
      positions: [],
    },
  };
}
