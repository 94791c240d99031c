import type { StateCreator } from 'zustand';
import type { ChartData, ChartUnitRef } from '../engine/curveTypes';
import type { Scenario } from '../engine/types';
import type { AppState } from './index';

export interface ChartsSlice {
  charts: ChartData | null;
  /** the scenario the charts were computed under: what they mark, so bars and marks never disagree */
  chartsScenario: Scenario | null;
  chartsError: string | null;
  /** the unit whose HF curve is drawn; null: the riskiest under the scenario */
  chartUnit: ChartUnitRef | null;
  setChartUnit(unit: ChartUnitRef | null): void;
  chartsReady(charts: ChartData, scenario: Scenario): void;
  chartsFailed(error: string): void;
}

export const createChartsSlice: StateCreator<AppState, [], [], ChartsSlice> = (set) => ({
  charts: null,
  chartsScenario: null,
  chartsError: null,
  chartUnit: null,
  setChartUnit: (chartUnit) => set({ chartUnit }),
  chartsReady: (charts, chartsScenario) => set({ charts, chartsScenario, chartsError: null }),
  chartsFailed: (chartsError) => set({ chartsError }),
});
