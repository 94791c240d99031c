/**
 * Several files dropped together (positions + balances, or a venue export beside an odd CSV): each
 * is previewed like a single file, and any whose required columns cannot be placed waits for the
 * mapping step. Nothing loads until every such file has a mapping; then all load as one portfolio.
 */
import type { ColumnMapping, CsvPreview } from '../../worker/protocol';

export interface BatchFile {
  fileName: string;
  content: ArrayBuffer;
  /** null for JSON or a file the preview could not read (the importer says why on load) */
  preview: CsvPreview | null;
  /** the mapping this file loads with: remembered, chosen in the step, or none (headers placed by name) */
  mapping: ColumnMapping | null;
  /** the mapping came from the step in this batch, so it is remembered once the batch loads */
  chosen: boolean;
}

/**
 * A file's place in the batch from its preview: a mapping remembered for its header set applies
 * straight away; a CSV with required columns missing by name needs the step (mapping still null);
 * anything else loads as it is.
 */
export function planFile(
  fileName: string,
  content: ArrayBuffer,
  preview: CsvPreview | null,
  remembered: (key: string) => ColumnMapping | null,
): BatchFile & { needsStep: boolean } {
  const saved = preview ? remembered(preview.key) : null;
  const needsStep = preview !== null && !saved && preview.missing.length > 0;
  return { fileName, content, preview, mapping: saved, chosen: false, needsStep };
}

/** The next file that still waits for the step, or -1 when every file can load. */
export function nextUnmapped(files: ReadonlyArray<BatchFile & { needsStep: boolean }>): number {
  return files.findIndex((f) => f.needsStep && f.mapping === null);
}

/** What the engine's loadFiles takes: every file, with its mapping where it has one (a copy of the bytes). */
export function batchContents(files: readonly BatchFile[]): Array<{ fileName: string; content: ArrayBuffer; mapping?: ColumnMapping }> {
  return files.map((f) => ({ fileName: f.fileName, content: f.content.slice(0), ...(f.mapping ? { mapping: f.mapping } : {}) }));
}
