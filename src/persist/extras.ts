import { create } from 'zustand';
import type { Json, WorkspaceExtras } from './schema';

/**
 * Workspace data that belongs to other features and is saved as opaque JSON: `venueOverrides`,
 * `columnMappings`, `alertRules`, ... A feature reads and writes its own name; persistence saves
 * and restores the whole map with the workspace.
 */
export interface ExtrasState {
  extras: WorkspaceExtras;
  setExtra(name: string, value: Json | undefined): void;
  replaceExtras(extras: WorkspaceExtras): void;
}

export const useWorkspaceExtras = create<ExtrasState>()((set) => ({
  extras: {},
  setExtra: (name, value) =>
    set((s) => {
      const extras = { ...s.extras };
      if (value === undefined) delete extras[name];
      else extras[name] = value;
      return { extras };
    }),
  replaceExtras: (extras) => set({ extras }),
}));
