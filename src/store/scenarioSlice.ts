import type { StateCreator } from 'zustand';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type Scenario } from '../engine/types';
import type { AppState } from './index';

export interface ThresholdInputs {
  /** the inputs as typed; only validated values reach the engine (see thresholds.ts) */
  targetHF: string;
  marginCallHF: string;
}

export interface ScenarioSlice {
  scenario: Scenario;
  thresholdInputs: ThresholdInputs;
  setThresholdInput(name: keyof ThresholdInputs, value: string): void;
  setScenario(scenario: Scenario): void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set) => ({
  scenario: EMPTY_SCENARIO,
  thresholdInputs: { ...DEFAULT_THRESHOLDS },
  setThresholdInput: (name, value) => set((s) => ({ thresholdInputs: { ...s.thresholdInputs, [name]: value } })),
  setScenario: (scenario) => set({ scenario }),
});
