/**
 * What the page tells the user about the engine itself: a restart after a crash or hang, and the
 * progress of a large import (which can be cancelled). Outside React, like the engine sync.
 */
import { create } from 'zustand';
import { IMPORT_LIMITS, type ImportProblem } from '../import/types';
import { cancelImports, onEngineEvent } from '../worker/supervisor';
import { useAppStore } from './index';

export interface ImportProgress {
  fileName: string;
  /** bytes read so far, and in all */
  loaded: number;
  total: number;
  phase: 'reading' | 'checking';
}

export interface EngineHealth {
  notice: string | null;
  progress: ImportProgress | null;
}

export const useEngineHealth = create<EngineHealth>()(() => ({ notice: null, progress: null }));

/** Files at least this big show their progress (smaller ones load before a bar could be read). */
export const PROGRESS_FROM_BYTES = 1024 * 1024;

let reading: AbortController | null = null;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A file over the size cap is refused from its size alone: nothing of it is read. */
export function oversizeProblem(file: { name: string; size: number }): ImportProblem | null {
  if (file.size <= IMPORT_LIMITS.maxBytes) return null;
  return {
    file: file.name,
    line: 0,
    column: '',
    value: '',
    message: `the file is ${mb(file.size)}; the limit is ${mb(IMPORT_LIMITS.maxBytes)} (split the portfolio, or drop columns it does not need)`,
  };
}

/** Reads a file in chunks, reporting progress; null when the user cancelled. */
export async function readWithProgress(file: File): Promise<ArrayBuffer | null> {
  if (file.size < PROGRESS_FROM_BYTES || typeof file.stream !== 'function') return file.arrayBuffer();
  const controller = new AbortController();
  reading = controller;
  const bytes = new Uint8Array(file.size);
  let loaded = 0;
  useEngineHealth.setState({ progress: { fileName: file.name, loaded, total: file.size, phase: 'reading' } });
  const reader = file.stream().getReader();
  try {
    for (;;) {
      if (controller.signal.aborted) {
        await reader.cancel();
        useEngineHealth.setState({ progress: null });
        return null;
      }
      const { done, value } = await reader.read();
      if (done) break;
      bytes.set(value.subarray(0, Math.max(0, bytes.length - loaded)), loaded);
      loaded += value.length;
      useEngineHealth.setState({ progress: { fileName: file.name, loaded, total: file.size, phase: 'reading' } });
    }
  } finally {
    reading = null;
  }
  useEngineHealth.setState({ progress: { fileName: file.name, loaded, total: file.size, phase: 'checking' } });
  return bytes.buffer;
}

/** Stops the import in progress: the read, or the engine's check of the file. */
export function cancelImport(): void {
  if (reading) reading.abort();
  else cancelImports();
  useEngineHealth.setState({ progress: null });
}

export function dismissEngineNotice(): void {
  useEngineHealth.setState({ notice: null });
}

export function startEngineHealth(): () => void {
  const offEvents = onEngineEvent((event) => {
    if (event.kind === 'restarted') {
      useEngineHealth.setState({ notice: `The engine stopped (${event.reason}) and was restarted; your portfolio and scenario were restored.` });
    } else if (event.kind === 'gave-up') {
      useEngineHealth.setState({ notice: `The engine stopped repeatedly on one request (${event.reason}); that request was dropped, your portfolio is kept.` });
    }
  });
  // the engine's answer to the import ends the progress display, whatever it was
  const offLoad = useAppStore.subscribe((s) => s.loadState, (state) => {
    if (state !== 'loading') useEngineHealth.setState({ progress: null });
  });
  return () => {
    offEvents();
    offLoad();
  };
}
