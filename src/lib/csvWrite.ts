/**
 * RFC 4180 output. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * is neutralised with a leading apostrophe; numbers are written as they are, never altered.
 */
export type CsvCell = string | number | null | undefined;

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value !== 'number' && !NUMBER.test(text) && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return [csvLine(header), ...rows.map(csvLine)].join('\r\n') + '\r\n';
}
