import { create } from 'zustand';
import type { ColumnMapping, CsvPreview, ImportProblem, PortfolioSummary } from '../../worker/protocol';

export type MappingCheck =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'ok'; summary: PortfolioSummary; warnings: string[] }
  | { status: 'refused'; errors: ImportProblem[] };

/**
 * The mapping step's own state (the file's bytes stay in mappingFlow.ts, outside any store).
 * `open`: the step is on screen; `offer`: a file loaded but left columns unused, and the page says so.
 */
export interface MappingState {
  preview: CsvPreview | null;
  mapping: ColumnMapping;
  check: MappingCheck;
  open: boolean;
  offer: boolean;
  /** the mapping came from an earlier session for the same header set */
  remembered: boolean;
  /** the file in the step is one of several dropped together: they load as one once all are mapped */
  batch: { position: number; count: number; others: string[] } | null;
}

export const useMappingStore = create<MappingState>()(() => ({
  preview: null,
  mapping: {},
  check: { status: 'idle' },
  open: false,
  offer: false,
  remembered: false,
  batch: null,
}));
