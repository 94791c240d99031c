/**
 * The charts' sync: asks the worker for chart data whenever a new report lands (the report follows
 * the scenario and thresholds) or another unit is picked. Latest wins: one request in flight, only
 * the newest waiting; an answer overtaken by a newer request is dropped.
 */
import { latestWins } from '../lib/schedule';
import { client } from './engineSync';
import { useAppStore } from './index';
import { validateThresholds } from './thresholds';

let running: (() => void) | null = null;

const charts = latestWins(async (overtaken) => {
  const state = useAppStore.getState();
  const check = validateThresholds(state.thresholdInputs);
  if (!state.summary || !check.ok) return;
  try {
    const { scenario } = state;
    const outcome = await client().call('charts', { scenario, thresholds: check.thresholds, unit: state.chartUnit });
    if (!overtaken()) {
      if (outcome.ok) useAppStore.getState().chartsReady(outcome.charts, scenario);
      else useAppStore.getState().chartsFailed(outcome.error);
    }
  } catch (e) {
    if (!overtaken()) useAppStore.getState().chartsFailed(e instanceof Error ? e.message : String(e));
  }
});

export function requestCharts(): void {
  charts.request();
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
