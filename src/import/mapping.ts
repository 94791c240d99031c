/**
 * Column mapping: which header of a file feeds each canonical column. Pure: the header set goes in,
 * a placement (or a suggested mapping for the page's mapping step) comes out; the importer applies a
 * mapping by placing headers the way it says, before the normal row rules.
 */
import { CANONICAL_COLUMNS, REQUIRED_COLUMNS, canonicalColumn, type Column } from './columns';
import { detectProfile, squash, type NativeProfile } from './native';

/** canonical column -> the header as written in the file; headers no column names are not used */
export type ColumnMapping = Partial<Record<Column, string>>;

export interface HeaderPlacement {
  /** per header: the canonical column it feeds, or null when it feeds none */
  columns: Array<Column | null>;
  /** headers the importer could not place: neither a known spelling nor a venue column we know we skip */
  unplaced: string[];
  /** required columns no header feeds */
  missing: Column[];
  /** the venue export layout recognised, if any */
  profile: NativeProfile | null;
}

/** One key per header set (order, case and spacing aside): a remembered mapping is found by it. */
export function headerKey(header: readonly string[]): string {
  const names = [...new Set(header.map(squash).filter((h) => h !== ''))].sort();
  return names.join('|');
}

function missingOf(columns: ReadonlyArray<Column | null>): Column[] {
  return REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
}

/**
 * Where each header goes. With a mapping, exactly as the mapping says (the user has seen every
 * header); without one, a venue layout's own names first, then the common aliases of columns.ts.
 */
export function placeHeaders(header: readonly string[], mapping?: ColumnMapping): HeaderPlacement {
  const profile = detectProfile(header);
  if (mapping) {
    const byHeader = new Map<string, Column>();
    for (const column of CANONICAL_COLUMNS) {
      const chosen = mapping[column];
      if (chosen !== undefined && chosen !== '' && !byHeader.has(chosen.trim())) byHeader.set(chosen.trim(), column);
    }
    const columns = header.map((h) => byHeader.get(h.trim()) ?? null);
    return { columns, unplaced: [], missing: missingOf(columns), profile };
  }
  const unplaced: string[] = [];
  const columns = header.map((raw): Column | null => {
    const h = raw.trim();
    if (h === '') return null;
    const squashed = squash(h);
    const own = profile?.columns.get(squashed);
    if (own) return own;
    // a venue column we know and skip wins over a common alias of the same name (OKX's mmr is an amount)
    if (profile?.ignored.has(squashed)) return null;
    const column = canonicalColumn(h);
    if (column) return column;
    unplaced.push(h);
    return null;
  });
  return { columns, unplaced, missing: missingOf(columns), profile };
}

/**
 * Best guesses for headers the aliases do not know, by the words in them: "Last Px" is a mark price,
 * "Units Held" a quantity. Only columns still free are guessed, each from the first header that fits.
 */
const GUESSES: ReadonlyArray<[RegExp, Column]> = [
  [/^(ticker|sym|symbol|instrument|contract|market|pair|coin|security)/, 'symbol'],
  [/(qty|quantity|units|shares|position|pos|holding|amount|size|balance|lots)/, 'qty'],
  [/(mark|last|close|current|px|price|quote|mid)/, 'mark_price'],
  [/(avg|average|cost|entry|open|basis)/, 'entry_price'],
  [/(lev|leverage)/, 'leverage'],
  [/(acct|account|portfolio|book|wallet)/, 'account'],
  [/(exchange|venue|broker)/, 'venue'],
  [/(liq)/, 'liquidation_price'],
  [/(expiry|expiration|maturity)/, 'expiry'],
];

/** The mapping the page prefills: every placed header, then guesses for the columns still empty. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const placement = placeHeaders(header);
  const mapping: ColumnMapping = {};
  placement.columns.forEach((column, i) => {
    if (column && mapping[column] === undefined) mapping[column] = header[i]!.trim();
  });
  const free = new Set(placement.unplaced);
  for (const [pattern, column] of GUESSES) {
    if (mapping[column] !== undefined) continue;
    // entry and mark both look like prices: a header with "avg" or "cost" is never the mark
    const fit = [...free].find((h) => {
      const words = h.toLowerCase();
      if (column === 'mark_price' && /(avg|average|cost|entry|open|basis|liq)/.test(words)) return false;
      return pattern.test(words.replace(/[^a-z]/g, ''));
    });
    if (fit !== undefined) {
      mapping[column] = fit;
      free.delete(fit);
    }
  }
  return mapping;
}
