import Papa from 'papaparse';
import { CANONICAL_COLUMNS } from '../columns';
import { decodeContent } from '../decode';
import type { ImportProblem } from '../types';
import { SHAPES, type CanonicalRecord } from './shapes';

export type JsonRecords = { ok: true; records: CanonicalRecord[]; warnings: string[] } | { ok: false; errors: ImportProblem[] };

/** A file is read as JSON when its name says so or its text starts like JSON. */
export function looksLikeJson(fileName: string, text: string): boolean {
  return /\.json$/i.test(fileName) || /^\s*[[{]/.test(text);
}

function problem(file: string, message: string): ImportProblem {
  return { file, line: 0, column: '', value: '', message };
}

/** An exchange's API response as it comes, recognised by its shape, as canonical records. */
export function jsonRecords(file: string, content: ArrayBuffer | Uint8Array | string): JsonRecords {
  const decoded = decodeContent(content);
  if (!decoded.ok) return { ok: false, errors: [problem(file, decoded.message)] };
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (e) {
    return { ok: false, errors: [problem(file, `expected JSON (${e instanceof Error ? e.message : String(e)})`)] };
  }
  for (const shape of SHAPES) {
    const found = shape(json);
    if (!found) continue;
    if (found.records.length === 0) return { ok: false, errors: [problem(file, `${found.name}: no open position or balance in the file`)] };
    return { ok: true, records: found.records, warnings: [`${file}: read as ${found.name}`, ...found.warnings.map((w) => `${file}: ${w}`)] };
  }
  return {
    ok: false,
    errors: [problem(file, 'expected a known API response: CCXT fetchPositions/fetchBalance, Binance positionRisk/account, Bybit v5 position list/wallet balance, OKX positions/balance, Deribit get_positions/get_account_summary or Hyperliquid clearinghouseState')],
  };
}

/**
 * Balances without a price (a Deribit account summary, a CCXT balance) take the mark of a perp or
 * future of the same coin loaded with them: positions and balances of one venue make one account.
 */
export function fillSpotMarks(records: CanonicalRecord[]): void {
  const marks = new Map<string, string>();
  for (const r of records) {
    const coin = (r.underlying || r.symbol || '').toUpperCase();
    if (r.type !== 'spot' && r.mark_price && !r.inverse && !marks.has(coin)) marks.set(coin, r.mark_price);
  }
  for (const r of records) {
    const coin = (r.underlying || r.symbol || '').toUpperCase();
    if (r.type === 'spot' && !r.mark_price) {
      const inverseMark = records.find((x) => x.type !== 'spot' && (x.underlying || '').toUpperCase() === coin)?.mark_price;
      const mark = marks.get(coin) ?? inverseMark;
      if (mark) r.mark_price = mark;
    }
  }
}

/** Canonical records as CSV text in the canonical columns: the CSV importer checks them like any file. */
export function recordsToCsv(records: readonly CanonicalRecord[]): string {
  const columns = CANONICAL_COLUMNS.filter((c) => records.some((r) => (r[c] ?? '') !== ''));
  return Papa.unparse({ fields: [...columns], data: records.map((r) => columns.map((c) => r[c] ?? '')) }, { newline: '\n' });
}
