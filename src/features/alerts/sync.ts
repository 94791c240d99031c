/**
 * The alert sync: on every new report, steps the alert state machine for today and for the scenario
 * on screen, logs what fired, and signals it. Outside React, like the engine sync.
 */
import { isTodayReport, stepAlerts, unitFigures, type AlertEvent, type AlertRule, type UnitFigures } from '../../engine/alerts';
import { EMPTY_SCENARIO, type Report } from '../../engine/types';
import { useWorkspaceExtras } from '../../persist/extras';
import { useAppStore } from '../../store';
import { evaluateOnce } from '../../store/engineSync';
import { currentAlertConfig } from './config';
import { beep, notify } from './signal';
import { logFired, useAlerts } from './store';

/** today's units, kept while the portfolio and thresholds stay the same (a slider does not change today) */
let today: { basis: unknown[]; units: UnitFigures[] } | null = null;
let run = 0;

function basis(): unknown[] {
  const s = useAppStore.getState();
  return [s.summary, s.thresholdInputs];
}

const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

async function todayUnits(report: Report): Promise<UnitFigures[] | null> {
  const b = basis();
  if (isTodayReport(report)) {
    today = { basis: b, units: unitFigures(report) };
    return today.units;
  }
  if (today && same(today.basis, b)) return today.units;
  const fresh = await evaluateOnce(EMPTY_SCENARIO);
  if (!fresh) return null;
  today = { basis: b, units: unitFigures(fresh) };
  return today.units;
}

function holding(rules: AlertRule[], units: UnitFigures[], context: 'today' | 'scenario'): AlertEvent[] {
  return stepAlerts({ active: new Set(), rules, units, context }).fired;
}

async function recompute(): Promise<void> {
  const report = useAppStore.getState().report;
  if (!report) return;
  const mine = ++run;
  const todays = await todayUnits(report);
  if (mine !== run || !todays) return; // a newer report is on its way
  const scenarioUnits = isTodayReport(report) ? [] : unitFigures(report);
  const { rules, notify: wantsNotifications, sound } = currentAlertConfig();
  const first = stepAlerts({ active: useAlerts.getState().active, rules, units: todays, context: 'today' });
  const second = stepAlerts({ active: first.active, rules, units: scenarioUnits, context: 'scenario' });
  const fired = [...first.fired, ...second.fired];
  useAlerts.setState({ active: second.active, holding: [...holding(rules, todays, 'today'), ...holding(rules, scenarioUnits, 'scenario')] });
  logFired(fired, new Date().toISOString());
  if (fired.length === 0) return;
  if (wantsNotifications) notify(fired);
  if (sound) beep();
}

export function startAlertSync(): () => void {
  const offReport = useAppStore.subscribe((s) => s.report, () => void recompute());
  const offRules = useWorkspaceExtras.subscribe((s, prev) => {
    if (s.extras.alerts !== prev.extras.alerts) void recompute();
  });
  return () => {
    offReport();
    offRules();
  };
}
