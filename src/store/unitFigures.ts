/**
 * THE selector module for unit-level figures of every margin unit (alerts, charts, counts read here).
 *
 * Under the current scenario, for every unit i (0 .. count - 1, in the report's order):
 *   account(i), unit(i) ('cross' | 'isolated:SYMBOL:LINE'), venue(i), marginMode(i), rows(i);
 *   healthFactor[i]  (float64; +Infinity = no exposure, the report's null)
 *   status(i)        ('ok' | 'warning' | 'margin_call' | 'liquidation'; decided exactly near the levels)
 *   marginBalance[i], maintenanceMargin[i], initialMargin[i], marginBuffer(i) = MB - MM  (quote currency)
 *   liquidationShock(i): exact { down, up } strings for units whose exact figures are loaded (the
 *     cards on screen), else undefined: it is not part of the fast path.
 *   exact(i): the exact decimal UnitReport (positions left out) when loaded, else undefined.
 * Units with present[i] === 0 do not exist under this scenario (see FastUnitArrays.present): skip them.
 *
 * The float64 figures agree with the decimal engine within half a displayed unit (0.005);
 * show exact(i) where a figure is printed and it is available.
 */
import { STATUS_CODES } from '../engine/fast/evaluate';
import type { UnitReport, UnitStatus } from '../engine/types';
import type { FastResult } from './reportSlice';
import type { AppState } from './index';
import { useAppStore } from './index';

export interface UnitFigures {
  count: number;
  account(i: number): string;
  unit(i: number): string;
  venue(i: number): string;
  marginMode(i: number): 'cross' | 'isolated';
  rows(i: number): number;
  present: Uint8Array;
  healthFactor: Float64Array;
  marginBalance: Float64Array;
  maintenanceMargin: Float64Array;
  initialMargin: Float64Array;
  status(i: number): UnitStatus;
  marginBuffer(i: number): number;
  liquidationShock(i: number): UnitReport['liquidationShock'] | undefined;
  exact(i: number): UnitReport | undefined;
  /** the result these figures come from (scenario, asOf, warnings) */
  result: FastResult;
}

const cache = new WeakMap<FastResult, Map<unknown, UnitFigures>>();

/** Builds the view for the store's current result; the same object while nothing changes. */
export function selectUnitFigures(s: Pick<AppState, 'layout' | 'fast' | 'exactUnits'>): UnitFigures | null {
  const { layout, fast } = s;
  if (!layout || !fast || fast.units.healthFactor.length !== layout.account.length) return null;
  const exact = s.exactUnits && s.exactUnits.key === fast.key ? s.exactUnits.byIndex : null;
  let perResult = cache.get(fast);
  if (!perResult) cache.set(fast, (perResult = new Map()));
  const hit = perResult.get(exact);
  if (hit) return hit;
  const u = fast.units;
  const view: UnitFigures = {
    count: layout.account.length,
    account: (i) => layout.account[i]!,
    unit: (i) => layout.unit[i]!,
    venue: (i) => layout.venue[i]!,
    marginMode: (i) => layout.marginMode[i]!,
    rows: (i) => layout.unitStart[i + 1]! - layout.unitStart[i]!,
    present: u.present,
    healthFactor: u.healthFactor,
    marginBalance: u.marginBalance,
    maintenanceMargin: u.maintenanceMargin,
    initialMargin: u.initialMargin,
    status: (i) => STATUS_CODES[u.status[i]!]!,
    marginBuffer: (i) => u.marginBalance[i]! - u.maintenanceMargin[i]!,
    liquidationShock: (i) => exact?.get(i)?.liquidationShock,
    exact: (i) => exact?.get(i),
    result: fast,
  };
  perResult.set(exact, view);
  return view;
}

export function useUnitFigures(): UnitFigures | null {
  return useAppStore(selectUnitFigures);
}

/**
 * Present units, riskiest first (ascending HF, ties in report order, no exposure last), at most `n`;
 * report order when all fit. A slider step asks for the 24 riskiest of perhaps 30,000 units: they are
 * kept in a small sorted list in one pass instead of sorting every unit.
 */
export function riskiestUnits(f: UnitFigures, n: number): number[] {
  const hf = f.healthFactor;
  let present = 0;
  for (let i = 0; i < f.count; i++) present += f.present[i]!;
  if (present <= n) {
    const all: number[] = [];
    for (let i = 0; i < f.count; i++) if (f.present[i]) all.push(i);
    return all;
  }
  if (n > 256) {
    const all: number[] = [];
    for (let i = 0; i < f.count; i++) if (f.present[i]) all.push(i);
    return all.sort((a, b) => hf[a]! - hf[b]! || a - b).slice(0, n);
  }
  const best: number[] = [];
  for (let i = 0; i < f.count; i++) {
    if (!f.present[i]) continue;
    const h = hf[i]!;
    // indices come in ascending order, so an equal HF never displaces an earlier unit
    if (best.length === n && !(h < hf[best[n - 1]!]!)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hf[best[mid]!]! <= h) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, i);
    if (best.length > n) best.pop();
  }
  return best;
}
