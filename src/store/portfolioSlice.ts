import type { StateCreator } from 'zustand';
import type { ImportProblem } from '../import/types';
import type { PortfolioSummary } from '../worker';
import type { AppState } from './index';

export type LoadState = 'idle' | 'loading' | 'ready';

/** A file the importer refused: the portfolio on screen stays the one loaded before. */
export interface RefusedFile {
  fileName: string;
  errors: ImportProblem[];
}

export interface PortfolioSlice {
  summary: PortfolioSummary | null;
  loadState: LoadState;
  /** the file being read right now */
  loadingFile: string | null;
  refused: RefusedFile | null;
  warnings: string[];
  startLoad(fileName: string): void;
  loadSucceeded(summary: PortfolioSummary, warnings: string[]): void;
  loadRefused(refused: RefusedFile): void;
  dismissRefused(): void;
}

export const createPortfolioSlice: StateCreator<AppState, [], [], PortfolioSlice> = (set) => ({
  summary: null,
  loadState: 'idle',
  loadingFile: null,
  refused: null,
  warnings: [],
  startLoad: (fileName) => set({ loadState: 'loading', loadingFile: fileName }),
  loadSucceeded: (summary, warnings) =>
    set({ summary, warnings, refused: null, loadState: 'ready', loadingFile: null }),
  // summary, warnings and report are left exactly as they were
  loadRefused: (refused) =>
    set((s) => ({ refused, loadingFile: null, loadState: s.summary ? 'ready' : 'idle' })),
  dismissRefused: () => set({ refused: null }),
});
