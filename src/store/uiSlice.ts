import type { StateCreator } from 'zustand';
import type { AppState } from './index';

export interface SampleEntry {
  file: string;
  title: string;
}

export interface BracketsStatus {
  fileName: string;
  ok: boolean;
  /** symbols replaced, or the problems found */
  lines: string[];
}

export interface UiSlice {
  /** null until the engine has started */
  inWorker: boolean | null;
  samples: SampleEntry[];
  /** the shipped sample on screen, '' when the user's own file is */
  selectedSample: string;
  dragging: boolean;
  brackets: BracketsStatus | null;
  setEngineMode(inWorker: boolean): void;
  setSamples(samples: SampleEntry[]): void;
  setSelectedSample(file: string): void;
  setDragging(dragging: boolean): void;
  setBrackets(status: BracketsStatus | null): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  inWorker: null,
  samples: [],
  selectedSample: '',
  dragging: false,
  brackets: null,
  setEngineMode: (inWorker) => set({ inWorker }),
  setSamples: (samples) => set({ samples }),
  setSelectedSample: (selectedSample) => set({ selectedSample }),
  setDragging: (dragging) => set({ dragging }),
  setBrackets: (brackets) => set({ brackets }),
});
