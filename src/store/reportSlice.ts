import type { StateCreator } from 'zustand';
import type { ScenarioReport, UnitReport } from '../engine/types';
import type { FastRowArrays, FastUnitArrays, TableLayout } from '../worker';
import type { AppState } from './index';

/**
 * What the engine answered, in two layers (issue 3, speed):
 * - `fast`: float64 figures of every unit and row under the current scenario, typed arrays moved
 *   from the worker; reconciled with the decimal engine to half a displayed unit;
 * - `exactUnits`: exact decimal figures (strings) of the units the cards show.
 * Read unit figures through unitFigures.ts, not these fields directly.
 */
export interface FastResult {
  /** the scenario and thresholds it answers (scenarioKey in engineSync.ts) */
  key: string;
  asOf: string;
  source: string;
  scenario: ScenarioReport;
  warnings: string[];
  units: FastUnitArrays;
  rows: FastRowArrays;
}

export interface ExactUnits {
  key: string;
  byIndex: ReadonlyMap<number, UnitReport>;
}

export interface ReportSlice {
  layout: TableLayout | null;
  fast: FastResult | null;
  exactUnits: ExactUnits | null;
  evaluating: boolean;
  evaluateError: string | null;
  setLayout(layout: TableLayout | null): void;
  startEvaluate(): void;
  fastReady(result: FastResult): void;
  exactUnitsReady(exact: ExactUnits): void;
  evaluateFailed(error: string): void;
}

export const createReportSlice: StateCreator<AppState, [], [], ReportSlice> = (set) => ({
  layout: null,
  fast: null,
  exactUnits: null,
  evaluating: false,
  evaluateError: null,
  setLayout: (layout) => set({ layout, fast: null, exactUnits: null }),
  startEvaluate: () => set({ evaluating: true }),
  fastReady: (fast) => set({ fast, evaluating: false, evaluateError: null }),
  exactUnitsReady: (exactUnits) => set({ exactUnits }),
  evaluateFailed: (error) => set({ evaluating: false, evaluateError: error }),
});
