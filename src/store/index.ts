import { create } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createChartsSlice, type ChartsSlice } from './chartsSlice';
import { createPortfolioSlice, type PortfolioSlice } from './portfolioSlice';
import { createReportSlice, type ReportSlice } from './reportSlice';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type AppState = PortfolioSlice & ScenarioSlice & ReportSlice & UiSlice & ChartsSlice;

/** One store of slices; middleware at the root only. */
export const useAppStore = create<AppState>()(
  subscribeWithSelector((...a) => ({
    ...createPortfolioSlice(...a),
    ...createScenarioSlice(...a),
    ...createReportSlice(...a),
    ...createUiSlice(...a),
    ...createChartsSlice(...a),
  })),
);

export type { RefusedFile, LoadState } from './portfolioSlice';
export type { SampleEntry, BracketsStatus } from './uiSlice';
export type { ThresholdInputs } from './scenarioSlice';
export { validateThresholds } from './thresholds';
