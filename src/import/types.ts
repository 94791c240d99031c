import type { Portfolio } from '../engine/types';

/** One reason a file was refused: where, what was found, what was expected. */
export interface ImportProblem {
  file: string;
  /** 1-based physical line (header = 1); 0 when the problem is the file as a whole */
  line: number;
  /** the column's header as written in the file ('' when the problem is not in one column) */
  column: string;
  /** the offending text, as found */
  value: string;
  message: string;
}

export type ImportResult =
  | { ok: true; portfolio: Portfolio; warnings: string[] }
  | { ok: false; errors: ImportProblem[] };

export interface ImportRequest {
  fileName: string;
  /** raw bytes (preferred: the importer checks the encoding) or already decoded text */
  content: ArrayBuffer | Uint8Array | string;
  /** valuation time for expiry warnings, ISO 8601; default: none */
  asOf?: string;
  /** canonical column -> header as written (the page's mapping step); without it, headers are placed by their names */
  mapping?: Partial<Record<import('./columns').Column, string>>;
}

/** Caps that keep a hostile or mistaken file from freezing the page. */
export const IMPORT_LIMITS = {
  maxBytes: 64 * 1024 * 1024,
  maxRows: 250_000,
  maxColumns: 200,
  maxCellLength: 1_000,
  maxErrors: 200,
} as const;

export function problemLine(p: ImportProblem): string {
  return `${p.file}:${p.line}:${p.column || '-'}: ${p.message}${p.value !== '' ? ` (found "${p.value}")` : ''}`;
}
