/**
 * The alert sync: on every new result, steps the alert state machine for today and for the scenario
 * on screen, logs what fired, and signals it. Outside React, like the engine sync.
 *
 * Figures come from the fast path (every unit's HF and status, float64 reconciled with the decimal
 * engine) plus the exact figures of the riskiest units. A "liquidation within" rule is checked on
 * every unit: while such a rule exists, each result also asks the worker for every unit's
 * liquidation shock (float64 solver over the fast book, engine/fast/liquidation.ts; cached with the
 * scenario), so a 100k-row book never needs an all-decimal pass for its alerts.
 */
import { needsLiquidation, stepAlerts, type AlertEvent, type AlertRule, type UnitFigures } from '../../engine/alerts';
import { EMPTY_SCENARIO, type Scenario, type Thresholds, type UnitReport } from '../../engine/types';
import { useWorkspaceExtras } from '../../persist/extras';
import { useAppStore } from '../../store';
import { client, engineCall } from '../../store/engineSync';
import { validateThresholds } from '../../store/thresholds';
import { SUPERSEDED, type FastUnitArrays, type TableLayout } from '../../worker';
import { isToday } from '../scenario/edit';
import { currentAlertConfig } from './config';
import { toAlertUnits, type UnitShocks } from './fastUnits';
import { beep, notify } from './signal';
import { logFired, useAlerts } from './store';
import { afterPaint, debounced } from '../../lib/schedule';

/** how many of the riskiest units get exact figures per context */
const EXACT_UNITS = 24;
let run = 0;

function riskiest(units: FastUnitArrays, n: number): number[] {
  const list: number[] = [];
  for (let i = 0; i < units.present.length; i++) if (units.present[i]) list.push(i);
  return list.sort((a, b) => units.healthFactor[a]! - units.healthFactor[b]! || a - b).slice(0, n);
}

/**
 * Every unit's liquidation shock under a scenario; null when the worker cannot say or a newer
 * request replaced this one. Latest wins on its own channel: during a drag the worker solves one
 * scenario for the alerts at a time, never a backlog in front of the slider's figures.
 */
async function shocksUnder(scenario: Scenario, thresholds: Thresholds): Promise<UnitShocks | null> {
  const outcome = await client().callLatest('alertShocks', 'unitLiquidation', { scenario, thresholds });
  return outcome !== SUPERSEDED && outcome.ok ? { down: outcome.down, up: outcome.up } : null;
}

/** Every unit of a scenario: fast figures from the worker (its LRU makes today's free), exact ones for the riskiest. */
async function unitsUnder(scenario: Scenario, layout: TableLayout, withShocks: boolean): Promise<UnitFigures[] | null> {
  const check = validateThresholds(useAppStore.getState().thresholdInputs);
  if (!check.ok) return null;
  const args = { scenario, thresholds: check.thresholds };
  const fast = await engineCall('evaluateFast', args);
  if (!fast.ok) return null;
  const exact = await engineCall('exactUnits', { ...args, units: riskiest(fast.units, EXACT_UNITS) });
  const byIndex = new Map(exact.ok ? exact.units.map((u) => [u.index, u.report] as const) : []);
  const shocks = withShocks ? await shocksUnder(scenario, check.thresholds) : null;
  // no shocks where a rule needs them: step nothing rather than clear its alerts
  if (withShocks && !shocks) return null;
  return toAlertUnits(layout, fast.units, byIndex, shocks);
}

/**
 * Today's step, kept while today's units and the rules stay the same: a slider step does not change
 * today, so stepping it again would find the same conditions holding and fire nothing.
 */
let todayStep: { units: UnitFigures[]; rules: string; holding: AlertEvent[] } | null = null;

function stepToday(active: ReadonlySet<string>, rules: AlertRule[], units: UnitFigures[]): { active: ReadonlySet<string>; fired: AlertEvent[]; holding: AlertEvent[] } {
  // the rules are read afresh on every step (workspace extras): compared by content
  const key = JSON.stringify(rules);
  if (todayStep && todayStep.units === units && todayStep.rules === key && todayStep.holding.every((e) => active.has(e.key))) {
    return { active, fired: [], holding: todayStep.holding };
  }
  const step = stepAlerts({ active, rules, units, context: 'today' });
  todayStep = { units, rules: key, holding: step.holding };
  return step;
}

/** Today's units, kept while the layout (portfolio) and thresholds stay the same: a slider does not change today. */
let today: { layout: TableLayout; thresholds: unknown; withShocks: boolean; units: UnitFigures[] } | null = null;

async function todayUnits(layout: TableLayout, withShocks: boolean): Promise<UnitFigures[] | null> {
  const thresholds = useAppStore.getState().thresholdInputs;
  if (today && today.layout === layout && today.thresholds === thresholds && (today.withShocks || !withShocks)) return today.units;
  const units = await unitsUnder(EMPTY_SCENARIO, layout, withShocks);
  if (units) today = { layout, thresholds, withShocks, units };
  return units;
}

async function recompute(): Promise<void> {
  const { layout, fast, exactUnits, scenario } = useAppStore.getState();
  if (!layout || !fast) return;
  const mine = ++run;
  const { rules, notify: wantsNotifications, sound } = currentAlertConfig();
  // the scenario's HF and status are the ones on screen; the worker is asked only for liquidation
  // shocks, and only while a rule needs them (cached with the scenario in the worker)
  const withShocks = needsLiquidation(rules);
  const exact = exactUnits && exactUnits.key === fast.key ? exactUnits.byIndex : new Map<number, UnitReport>();
  const check = validateThresholds(useAppStore.getState().thresholdInputs);
  const todayOnScreen = isToday(scenario);
  const shocks = withShocks && !todayOnScreen && check.ok ? await shocksUnder(scenario, check.thresholds) : null;
  if (mine !== run || (withShocks && !todayOnScreen && !shocks)) return; // a newer result is on its way, or no shocks to judge by
  // only the units some rule could hold for (today's are kept whole: they are cached across rule edits)
  const scenarioUnits = todayOnScreen ? [] : toAlertUnits(layout, fast.units, exact, shocks, rules);
  const todays = await todayUnits(layout, withShocks);
  if (mine !== run || !todays) return; // a newer result is on its way
  const first = stepToday(useAlerts.getState().active, rules, todays);
  const second = stepAlerts({ active: first.active, rules, units: scenarioUnits, context: 'scenario' });
  const fired = [...first.fired, ...second.fired];
  useAlerts.setState({ active: second.active, holding: [...first.holding, ...second.holding] });
  logFired(fired, new Date().toISOString());
  if (fired.length === 0) return;
  if (wantsNotifications) notify(fired);
  if (sound) beep();
}

export function startAlertSync(): () => void {
  // alerts judge the scenario a trader settles on, not each step of a drag: a result is stepped once
  // results have rested for 250 ms, after its paint, so a drag neither fires a notification per
  // transient crossing nor holds up the numbers on screen; a fall and a recovery that each rest are
  // two crossings
  const later = debounced(afterPaint(() => void recompute()), 250).call;
  const offReport = useAppStore.subscribe((s) => s.fast, later);
  const offExact = useAppStore.subscribe((s) => s.exactUnits, later);
  const offRules = useWorkspaceExtras.subscribe((s, prev) => {
    if (s.extras.alerts !== prev.extras.alerts) later();
  });
  return () => {
    offReport();
    offExact();
    offRules();
  };
}
