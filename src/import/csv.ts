import Papa from 'papaparse';
import { IMPORT_LIMITS } from './types';

/** A CSV record with the physical line it starts on (header = 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse =
  | { ok: true; header: CsvRecord; records: CsvRecord[] }
  | { ok: false; line: number; message: string };

/**
 * RFC 4180 through papaparse. Line endings (CRLF, LF, CR) are made LF first, so that a record's
 * line number is one plus the newlines before it. Entirely empty records are dropped here.
 */
export function parseCsv(text: string): CsvParse {
  const normalized = text.replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  let failure: { line: number; message: string } | null = null;
  let start = 0;
  let line = 1;
  const advanceTo = (offset: number) => {
    for (let i = start; i < offset && i < normalized.length; i++) if (normalized.charCodeAt(i) === 10) line++;
    start = offset;
  };

  Papa.parse<string[]>(normalized, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    skipEmptyLines: false,
    step: (result, parser) => {
      const recordLine = line;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        failure = {
          line: recordLine,
          message:
            quoteError.code === 'MissingQuotes'
              ? 'a quoted field is never closed (missing ")'
              : 'a quoted field has text after its closing quote; a " inside a quoted field must be doubled ("")',
        };
        parser.abort();
        return;
      }
      const fields = result.data;
      if (!fields.every((f) => f.trim() === '')) records.push({ line: recordLine, fields });
      if (records.length > IMPORT_LIMITS.maxRows + 1) {
        failure = { line: recordLine, message: `the file has more than ${IMPORT_LIMITS.maxRows} rows; split it` };
        parser.abort();
        return;
      }
      advanceTo(result.meta.cursor);
    },
  });
  if (failure) return { ok: false, ...(failure as { line: number; message: string }) };
  const [header, ...rest] = records;
  if (!header) return { ok: false, line: 1, message: 'the file is empty; expected a header line and at least one row' };
  return { ok: true, header, records: rest };
}
