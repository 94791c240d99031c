import type { StateCreator } from 'zustand';
import type { Report } from '../engine/types';
import type { AppState } from './index';

export interface ReportSlice {
  report: Report | null;
  evaluating: boolean;
  evaluateError: string | null;
  startEvaluate(): void;
  reportReady(report: Report): void;
  evaluateFailed(error: string): void;
}

export const createReportSlice: StateCreator<AppState, [], [], ReportSlice> = (set) => ({
  report: null,
  evaluating: false,
  evaluateError: null,
  startEvaluate: () => set({ evaluating: true }),
  reportReady: (report) => set({ report, evaluating: false, evaluateError: null }),
  evaluateFailed: (error) => set({ evaluating: false, evaluateError: error }),
});
