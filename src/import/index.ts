import type { PortfolioRow } from '../engine/types';
import { CANONICAL_COLUMNS, REQUIRED_COLUMNS, normalizeHeader, type Column } from './columns';
import { parseCsv, type CsvRecord } from './csv';
import { decodeContent } from './decode';
import { fillSpotMarks, jsonRecords, looksLikeJson, recordsToCsv } from './json';
import { placeHeaders, type ColumnMapping } from './mapping';
import { readRow, type DraftRow } from './row';
import { RowReader, type HeaderMap } from './rowReader';
import { IMPORT_LIMITS, type ImportProblem, type ImportRequest, type ImportResult } from './types';

export type { ImportProblem, ImportRequest, ImportResult } from './types';
export { problemLine, IMPORT_LIMITS } from './types';

function fileProblem(file: string, line: number, message: string, column = '', value = ''): ImportProblem {
  return { file, line, column, value, message };
}

/** Maps canonical columns to their place (`columns`: per header, from placeHeaders); duplicate and colliding headers are problems. */
function readHeader(file: string, header: CsvRecord, columns: ReadonlyArray<Column | null>): { map: HeaderMap; problems: ImportProblem[] } {
  const map = new Map<Column, { index: number; name: string }>();
  const seen = new Map<Column, string>();
  const problems: ImportProblem[] = [];
  if (header.fields.length > IMPORT_LIMITS.maxColumns) {
    problems.push(fileProblem(file, header.line, `expected at most ${IMPORT_LIMITS.maxColumns} columns, found ${header.fields.length}`));
  }
  header.fields.forEach((raw, index) => {
    const name = raw.trim();
    const normalized = normalizeHeader(name);
    if (normalized === '') return;
    const column = columns[index];
    // unknown columns are kept and ignored, repeated or not; a canonical column must be unambiguous
    if (!column) return;
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      const what = earlier === name ? `column "${name}" appears twice` : `columns "${earlier}" and "${name}" both mean ${column}`;
      problems.push(fileProblem(file, header.line, `duplicate column: ${what}; keep one`, name, name));
      return;
    }
    seen.set(column, name);
    map.set(column, { index, name });
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!map.has(required)) {
      problems.push(fileProblem(file, header.line, `missing required column "${required}" (columns: ${CANONICAL_COLUMNS.join(', ')})`, required));
    }
  }
  return { map, problems };
}

function recordShapeProblem(file: string, record: CsvRecord, header: CsvRecord): ImportProblem | null {
  const width = header.fields.length;
  if (record.fields.length !== width) {
    return fileProblem(file, record.line, `expected ${width} fields as in the header, found ${record.fields.length}`);
  }
  const long = record.fields.findIndex((f) => f.length > IMPORT_LIMITS.maxCellLength);
  if (long >= 0) {
    const column = header.fields[long]?.trim() || `column ${long + 1}`;
    return fileProblem(file, record.line, `expected a cell of at most ${IMPORT_LIMITS.maxCellLength} characters`, column, `${record.fields[long]!.slice(0, 40)}…`);
  }
  return null;
}

/** File-level rules: one venue per account, and an underlying price for every option. */
function crossRowProblems(file: string, drafts: DraftRow[], header: HeaderMap, venueText: ReadonlyMap<number, string>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const venueOf = new Map<string, { venue: string; line: number }>();
  const spotOrPerpMark = new Map<string, string>();
  for (const { row } of drafts) {
    const first = venueOf.get(row.account);
    if (!first) venueOf.set(row.account, { venue: row.venue, line: row.line });
    else if (first.venue !== row.venue) {
      problems.push(fileProblem(file, row.line, `expected venue ${first.venue} as on line ${first.line}: one venue per account ("${row.account}")`, header.get('venue')?.name ?? 'venue', venueText.get(row.line) ?? ''));
    }
    if ((row.type === 'perp' || row.type === 'spot') && !spotOrPerpMark.has(row.underlying)) spotOrPerpMark.set(row.underlying, row.markPrice);
  }
  for (const draft of drafts) {
    const option = draft.row.option;
    if (!draft.needsUnderlyingPrice || !option) continue;
    const price = spotOrPerpMark.get(draft.row.underlying);
    if (price) option.underlyingPrice = price;
    else {
      problems.push(fileProblem(file, draft.row.line, `missing value: no underlying price for ${draft.row.underlying}; add underlying_price or a perp or spot row of ${draft.row.underlying}`, header.get('underlying_price')?.name ?? 'underlying_price'));
    }
  }
  return problems;
}

function expiryWarnings(rows: PortfolioRow[], asOf: string | undefined): string[] {
  if (!asOf) return [];
  const now = Date.parse(asOf);
  return rows
    .filter((r) => r.expiry !== null && Date.parse(r.expiry) <= now)
    .map((r) => `line ${r.line}: ${r.symbol} expired on ${r.expiry!.slice(0, 10)}`);
}

/**
 * CSV bytes to a validated portfolio: whole or not at all. Every problem names file, line, column,
 * the value found and what was expected; up to IMPORT_LIMITS.maxErrors are reported.
 */
export function importPortfolio(request: ImportRequest): ImportResult {
  return importPortfolios([request]);
}

/**
 * Several files as one portfolio. Exchange JSON files (routed by name or content) become canonical
 * records that merge into one account per venue, so positions and balances loaded together margin
 * together; CSV files keep their own lines, later ones numbered on after the earlier ones.
 */
export function importPortfolios(requests: readonly ImportRequest[]): ImportResult {
  const asOf = requests[0]?.asOf;
  const jsonRecordsAll: ReturnType<typeof jsonRecords> & { ok: true } = { ok: true, records: [], warnings: [] };
  const jsonFiles: string[] = [];
  const csvFiles: ImportRequest[] = [];
  for (const request of requests) {
    const file = request.fileName || 'portfolio.csv';
    const bytes = typeof request.content === 'string' ? null : request.content instanceof Uint8Array ? request.content : new Uint8Array(request.content);
    const head = bytes ? new TextDecoder().decode(bytes.slice(0, 64)) : (request.content as string).slice(0, 64);
    if (!looksLikeJson(file, head)) {
      csvFiles.push(request);
      continue;
    }
    const read = jsonRecords(file, request.content);
    if (!read.ok) return read;
    jsonFiles.push(file);
    jsonRecordsAll.records.push(...read.records);
    jsonRecordsAll.warnings.push(...read.warnings);
  }
  const parts: ImportResult[] = [];
  if (jsonFiles.length > 0) {
    fillSpotMarks(jsonRecordsAll.records);
    const unpriced = jsonRecordsAll.records.filter((r) => r.type === 'spot' && !r.mark_price).map((r) => r.symbol ?? '');
    if (unpriced.length > 0) {
      return { ok: false, errors: [fileProblem(jsonFiles.join(' + '), 0, `missing value: no price for the ${unpriced.join(', ')} balance; load it together with the positions file of the same venue (a perp of ${unpriced.join(', ')} gives the mark)`, 'mark_price')] };
    }
    const merged = importCsv({ fileName: jsonFiles.join(' + '), content: recordsToCsv(jsonRecordsAll.records), ...(asOf ? { asOf } : {}) });
    if (!merged.ok) return merged;
    parts.push({ ...merged, warnings: [...jsonRecordsAll.warnings, `${jsonFiles.join(' + ')}: line N of a problem is the Nth holding read from the JSON, plus one`, ...merged.warnings] });
  }
  for (const request of csvFiles) parts.push(importCsv(request));
  const refused = parts.filter((p) => !p.ok);
  if (refused.length > 0) return { ok: false, errors: refused.flatMap((p) => (p.ok ? [] : p.errors)) };
  if (parts.length === 1) return parts[0]!;
  let offset = 0;
  const rows: PortfolioRow[] = [];
  const warnings: string[] = [];
  const sources: string[] = [];
  for (const part of parts) {
    if (!part.ok) continue;
    const shifted = part.portfolio.rows.map((r) => ({ ...r, line: r.line + offset }));
    offset = Math.max(offset, ...shifted.map((r) => r.line));
    rows.push(...shifted);
    warnings.push(...part.warnings);
    sources.push(part.portfolio.source);
  }
  const venueOf = new Map<string, string>();
  for (const r of rows) {
    const first = venueOf.get(r.account);
    if (first && first !== r.venue) return { ok: false, errors: [fileProblem(sources.join(' + '), 0, `account "${r.account}" is ${first} in one file and ${r.venue} in another: one venue per account`)] };
    venueOf.set(r.account, r.venue);
  }
  if (offset > 0 && csvFiles.length + (jsonFiles.length > 0 ? 1 : 0) > 1) warnings.push('several files: lines after the first file are numbered on from the one before');
  return { ok: true, portfolio: { source: sources.join(' + '), rows }, warnings };
}

/** Header placement, then a venue layout's own cell conversions (mapping.ts, native/). */
function placeAndConvert(file: string, parsed: { header: CsvRecord; records: CsvRecord[] }, mapping: ColumnMapping | undefined) {
  const placement = placeHeaders(parsed.header.fields, mapping);
  const { profile } = placement;
  let table = { header: parsed.header.fields, columns: placement.columns, records: parsed.records };
  const warnings: string[] = [];
  if (profile?.transform) {
    const converted = profile.transform(file, table);
    if (converted.problems.length > 0) return { ok: false as const, errors: converted.problems.slice(0, IMPORT_LIMITS.maxErrors) };
    table = converted.table;
    warnings.push(...converted.warnings);
  }
  // a venue's export margins under that venue unless the file says otherwise
  if (profile?.venue && !table.columns.includes('venue')) {
    table = { header: [...table.header, 'venue'], columns: [...table.columns, 'venue'], records: table.records.map((r) => ({ ...r, fields: [...r.fields, profile.venue!] })) };
  }
  if (profile) warnings.unshift(`${file}: read as ${profile.title}${profile.venue ? `, margined under ${profile.venue}` : ''}`);
  const unused = mapping ? parsed.header.fields.filter((f, i) => f.trim() !== '' && placement.columns[i] === null).map((f) => f.trim()) : placement.unplaced;
  if (unused.length > 0) warnings.push(`columns kept but not used: ${unused.join(', ')}`);
  return { ok: true as const, header: { line: parsed.header.line, fields: table.header }, columns: table.columns, records: table.records, warnings };
}

function importCsv({ fileName, content, asOf, mapping }: ImportRequest): ImportResult {
  const file = fileName || 'portfolio.csv';
  const decoded = decodeContent(content);
  if (!decoded.ok) return { ok: false, errors: [fileProblem(file, decoded.line, decoded.message)] };
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return { ok: false, errors: [fileProblem(file, parsed.line, parsed.message)] };

  const placed = placeAndConvert(file, parsed, mapping);
  if (!placed.ok) return placed;
  const { map, problems } = readHeader(file, placed.header, placed.columns);
  if (problems.length > 0) return { ok: false, errors: problems };
  if (placed.records.length === 0) return { ok: false, errors: [fileProblem(file, 2, 'the file has a header but no rows; expected at least one holding')] };

  const errors: ImportProblem[] = [];
  const warnings: string[] = [...placed.warnings];
  const drafts: DraftRow[] = [];
  for (const record of placed.records) {
    if (errors.length >= IMPORT_LIMITS.maxErrors) break;
    const shape = recordShapeProblem(file, record, placed.header);
    if (shape) {
      errors.push(shape);
      continue;
    }
    const reader = new RowReader(file, map, record);
    const outcome = readRow(reader);
    errors.push(...reader.problems);
    if (outcome.kind === 'row') drafts.push(outcome.draft);
    else if (outcome.kind === 'skip') warnings.push(outcome.warning);
  }
  if (errors.length === 0) {
    const venueColumn = map.get('venue')?.index;
    const venueText = new Map(placed.records.map((r) => [r.line, venueColumn === undefined ? '' : (r.fields[venueColumn] ?? '').trim()]));
    errors.push(...crossRowProblems(file, drafts, map, venueText));
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, IMPORT_LIMITS.maxErrors) };
  if (drafts.length === 0) return { ok: false, errors: [fileProblem(file, 2, 'every row has quantity 0; expected at least one holding')] };

  const rows = drafts.map((d) => d.row);
  warnings.push(...expiryWarnings(rows, asOf));
  return { ok: true, portfolio: { source: file, rows }, warnings };
}
