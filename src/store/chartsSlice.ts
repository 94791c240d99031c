import type { StateCreator } from 'zustand';
import type { ChartData, ChartUnitRef } from '../engine/curveTypes';
import type { AppState } from './index';

export interface ChartsSlice {
  charts: ChartData | null;
  chartsError: string | null;
  /** the unit whose HF curve is drawn; null: the riskiest under the scenario */
  chartUnit: ChartUnitRef | null;
  setChartUnit(unit: ChartUnitRef | null): void;
  chartsReady(charts: ChartData): void;
  chartsFailed(error: string): void;
}

export const createChartsSlice: StateCreator<AppState, [], [], ChartsSlice> = (set) => ({
  charts: null,
  chartsError: null,
  chartUnit: null,
  setChartUnit: (chartUnit) => set({ chartUnit }),
  chartsReady: (charts) => set({ charts, chartsError: null }),
  chartsFailed: (chartsError) => set({ chartsError }),
});
