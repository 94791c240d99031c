/**
 * The charts' sync: asks the worker for chart data whenever a new report lands (the report follows
 * the scenario and thresholds) or another unit is picked. Latest wins: one request in flight, only
 * the newest waiting; an answer overtaken by a newer request is dropped.
 */
import { client } from './engineSync';
import { useAppStore } from './index';
import { validateThresholds } from './thresholds';

let inFlight = false;
let pending = false;
let running: (() => void) | null = null;

async function pump(): Promise<void> {
  if (inFlight || !pending) return;
  pending = false;
  const state = useAppStore.getState();
  const check = validateThresholds(state.thresholdInputs);
  if (!state.summary || !check.ok) return;
  inFlight = true;
  try {
    const { scenario } = state;
    const outcome = await client().call('charts', { scenario, thresholds: check.thresholds, unit: state.chartUnit });
    if (!pending) {
      if (outcome.ok) useAppStore.getState().chartsReady(outcome.charts, scenario);
      else useAppStore.getState().chartsFailed(outcome.error);
    }
  } catch (e) {
    if (!pending) useAppStore.getState().chartsFailed(e instanceof Error ? e.message : String(e));
  } finally {
    inFlight = false;
    void pump();
  }
}

export function requestCharts(): void {
  pending = true;
  void pump();
}

/** Starts following the store (the charts view calls it while it is shown); returns the stop. */
export function startChartsSync(): () => void {
  if (!running) {
    const offReport = useAppStore.subscribe((s) => s.fast, () => requestCharts());
    const offUnit = useAppStore.subscribe((s) => s.chartUnit, () => requestCharts());
    running = () => {
      offReport();
      offUnit();
    };
  }
  requestCharts();
  return () => {
    running?.();
    running = null;
  };
}
