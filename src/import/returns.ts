import { readDecimal, readExpiry } from './cells';
import { parseCsv } from './csv';
import { decodeContent } from './decode';
import { normalizeHeader } from './columns';
import type { ImportProblem } from './types';
import type { ReturnsTable } from '../engine/risk/types';

/**
 * A returns file for historical simulation: one row per date and asset, `date,asset,return`, the
 * return a simple daily return as a fraction (-0.12 = -12%). Columns are found by name in any
 * order (`ret`, `symbol`, `day` also accepted). Every problem names FILE:LINE:COLUMN.
 */
export type ReturnsImport = { ok: true; table: ReturnsTable } | { ok: false; errors: ImportProblem[] };

const ALIASES: ReadonlyMap<string, 'date' | 'asset' | 'return'> = new Map([
  ['date', 'date'], ['day', 'date'], ['time', 'date'],
  ['asset', 'asset'], ['symbol', 'asset'], ['underlying', 'asset'],
  ['return', 'return'], ['ret', 'return'], ['daily_return', 'return'],
]);
const MAX_ERRORS = 50;

export function importReturns(fileName: string, content: ArrayBuffer | Uint8Array | string): ReturnsImport {
  const problem = (line: number, column: string, value: string, message: string): ImportProblem => ({ file: fileName, line, column, value, message });
  const decoded = decodeContent(content);
  if (!decoded.ok) return { ok: false, errors: [problem(decoded.line, '', '', decoded.message)] };
  const csv = parseCsv(decoded.text);
  if (!csv.ok) return { ok: false, errors: [problem(csv.line, '', '', csv.message)] };
  const where = new Map<'date' | 'asset' | 'return', { index: number; name: string }>();
  csv.header.fields.forEach((raw, index) => {
    const key = ALIASES.get(normalizeHeader(raw));
    if (key && !where.has(key)) where.set(key, { index, name: raw.trim() });
  });
  const missing = (['date', 'asset', 'return'] as const).filter((k) => !where.has(k));
  if (missing.length > 0) {
    return { ok: false, errors: [problem(1, '', csv.header.fields.join(','), `missing column(s) ${missing.join(', ')}; expected a header date,asset,return`)] };
  }
  const errors: ImportProblem[] = [];
  const values = new Map<string, Map<string, number>>();
  const assets = new Map<string, number>();
  for (const record of csv.records) {
    if (errors.length >= MAX_ERRORS) break;
    const cell = (k: 'date' | 'asset' | 'return') => (record.fields[where.get(k)!.index] ?? '').trim();
    const col = (k: 'date' | 'asset' | 'return') => where.get(k)!.name;
    const dateText = cell('date');
    const date = readExpiry(dateText);
    if (!/^\d{4}-\d{2}-\d{2}/.test(dateText) || !date.ok) {
      errors.push(problem(record.line, col('date'), dateText, 'expected an ISO date such as 2024-03-12'));
      continue;
    }
    const day = dateText.slice(0, 10);
    const asset = cell('asset').toUpperCase();
    if (asset === '') {
      errors.push(problem(record.line, col('asset'), '', 'missing value: expected the asset, e.g. BTC'));
      continue;
    }
    const text = cell('return');
    const read = readDecimal(text);
    if (!read.ok) {
      errors.push(problem(record.line, col('return'), text, `expected ${read.expected}`));
      continue;
    }
    if (read.value.lessThanOrEqualTo(-1)) {
      errors.push(problem(record.line, col('return'), text, 'expected a return above -1 (-100%) as a fraction'));
      continue;
    }
    let row = values.get(day);
    if (!row) values.set(day, (row = new Map()));
    if (row.has(asset)) {
      errors.push(problem(record.line, col('asset'), asset, `${asset} on ${day} appears twice; expected one return per date and asset`));
      continue;
    }
    if (!assets.has(asset)) assets.set(asset, assets.size);
    // float64 from here on: returns feed scenario statistics, not money
    row.set(asset, read.value.toNumber());
  }
  if (errors.length > 0) return { ok: false, errors };
  if (values.size === 0) return { ok: false, errors: [problem(1, '', '', 'the file has no returns; expected rows date,asset,return')] };
  const dates = [...values.keys()].sort();
  const names = [...assets.keys()];
  const returns = new Float64Array(dates.length * names.length).fill(Number.NaN);
  dates.forEach((d, i) => {
    for (const [asset, r] of values.get(d)!) returns[i * names.length + assets.get(asset)!] = r;
  });
  return { ok: true, table: { source: fileName, dates, assets: names, returns } };
}
