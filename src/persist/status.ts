import { create } from 'zustand';
import type { WorkspaceEntry } from './repository';

/** What the workspace UI shows: the list, the current one, and a notice when storage misbehaved. */
export interface PersistStatus {
  /** false when the browser gives us no storage: the app works, nothing is saved */
  available: boolean;
  workspaces: WorkspaceEntry[];
  currentId: string;
  /** a short sentence for the user; null when all is well */
  notice: string | null;
  /** values that failed to load and were set aside, offered for download */
  asideCount: number;
  lastSaved: string | null;
  /** a change waits to be written */
  saving: boolean;
}

export const usePersistStatus = create<PersistStatus>()(() => ({
  available: true,
  workspaces: [],
  currentId: '',
  notice: null,
  asideCount: 0,
  lastSaved: null,
  saving: false,
}));
