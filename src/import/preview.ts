import { CANONICAL_COLUMNS, REQUIRED_COLUMNS } from './columns';
import { parseCsv } from './csv';
import { decodeContent } from './decode';
import { looksLikeJson } from './json';
import { headerKey, placeHeaders, suggestMapping, type ColumnMapping } from './mapping';
import type { ImportProblem } from './types';

/** What the mapping step shows before anything is loaded: the header, the first rows, the guesses. */
export interface CsvPreview {
  format: 'csv';
  fileName: string;
  header: string[];
  /** the first rows as written, for the preview table */
  rows: string[][];
  /** the remembered-mapping key of this header set */
  key: string;
  suggestion: ColumnMapping;
  /** headers the importer could not place by their names */
  unplaced: string[];
  /** required columns no header feeds by its name */
  missing: string[];
  /** the venue layout recognised, if any */
  profile: string | null;
  /** every canonical column, required ones first */
  columns: string[];
  required: string[];
}

export type PreviewResult =
  | { ok: true; preview: CsvPreview | { format: 'json'; fileName: string } }
  | { ok: false; errors: ImportProblem[] };

export const PREVIEW_ROWS = 5;

export function previewFile(fileName: string, content: ArrayBuffer | Uint8Array | string): PreviewResult {
  const file = fileName || 'portfolio.csv';
  const bytes = typeof content === 'string' ? null : content instanceof Uint8Array ? content : new Uint8Array(content);
  const head = bytes ? new TextDecoder().decode(bytes.slice(0, 64)) : (content as string).slice(0, 64);
  if (looksLikeJson(file, head)) return { ok: true, preview: { format: 'json', fileName: file } };
  const decoded = decodeContent(content);
  const problem = (line: number, message: string): PreviewResult => ({ ok: false, errors: [{ file, line, column: '', value: '', message }] });
  if (!decoded.ok) return problem(decoded.line, decoded.message);
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return problem(parsed.line, parsed.message);
  const header = parsed.header.fields.map((h) => h.trim());
  const placement = placeHeaders(header);
  return {
    ok: true,
    preview: {
      format: 'csv',
      fileName: file,
      header,
      rows: parsed.records.slice(0, PREVIEW_ROWS).map((r) => r.fields),
      key: headerKey(header),
      suggestion: suggestMapping(header),
      unplaced: placement.unplaced,
      missing: placement.missing,
      profile: placement.profile?.title ?? null,
      columns: [...REQUIRED_COLUMNS, ...CANONICAL_COLUMNS.filter((c) => !REQUIRED_COLUMNS.includes(c))],
      required: [...REQUIRED_COLUMNS],
    },
  };
}
