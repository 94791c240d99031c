import { Dec, readDecimalText } from '../decimal';

/** One bracket of a venue's risk-limit table, in the quote currency. */
export interface Tier {
  bracket: number;
  /** the bracket applies to notional N with floor < N <= cap (as Binance announces its tiers) */
  floor: Dec;
  cap: Dec;
  mmr: Dec;
  /** the maintenance amount (Binance `cum`): MM = N * mmr - cum */
  cum: Dec;
  maxLeverage: Dec;
}

export interface TierTable {
  symbol: string;
  asOf: string;
  source: string;
  tiers: Tier[];
  /**
   * What floor and cap count: the notional in the quote currency (Binance, Bybit, Hyperliquid; the
   * default), or the position's size in the underlying (OKX counts contracts; its loader multiplies
   * them by ctVal). A size tier does not move with the price: tierAtQuantity fixes it per position.
   */
  sizedIn?: 'notional' | 'quantity';
}

/** Tables by symbol; a Map so that user text never becomes an object key. */
export type TierTables = ReadonlyMap<string, TierTable>;

/** The tier for a notional; past the last cap the last tier still applies (the venue would refuse the size). */
export function tierFor(table: TierTable, notional: Dec): Tier {
  const tiers = table.tiers;
  for (const tier of tiers) {
    if (notional.lessThanOrEqualTo(tier.cap)) return tier;
  }
  const last = tiers[tiers.length - 1];
  if (!last) throw new Error(`tier table ${table.symbol} is empty`);
  return last;
}

const NO_CAP = new Dec('1e30');

/**
 * A size-counted table (OKX) resolved for one position: its tier for `quantity` (size in the
 * underlying, |q| × contract size), as a one-tier table over every notional. The rate then stays put
 * when the price moves, as the venue's does; the liquidation solver and the reports read it like any
 * other table. Notional tables come back unchanged.
 */
export function tierAtQuantity(table: TierTable, quantity: Dec): TierTable {
  if (table.sizedIn !== 'quantity') return table;
  const tier = tierFor(table, quantity);
  return { symbol: table.symbol, asOf: table.asOf, source: table.source, sizedIn: 'notional', tiers: [{ ...tier, floor: new Dec(0), cap: NO_CAP }] };
}

/** Raw bracket as Binance's `GET /fapi/v1/leverageBracket` returns it. */
export interface RawBracket {
  bracket: number;
  initialLeverage: number | string;
  notionalCap: number | string;
  notionalFloor: number | string;
  maintMarginRatio: number | string;
  cum: number | string;
}

export type BracketParse =
  | { ok: true; tables: Map<string, TierTable> }
  | { ok: false; errors: string[] };

function decimalField(value: unknown, where: string, errors: string[]): Dec | null {
  if (typeof value !== 'number' && typeof value !== 'string') {
    errors.push(`${where}: expected a number, found ${JSON.stringify(value)}`);
    return null;
  }
  const read = readDecimalText(String(value));
  if (!read) errors.push(`${where}: expected a number, found ${JSON.stringify(value)}`);
  return read;
}

function parseBrackets(symbol: string, raw: unknown, where: string, errors: string[]): Tier[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    errors.push(`${where}.brackets: expected a non-empty array`);
    return [];
  }
  const tiers: Tier[] = [];
  raw.forEach((item: unknown, i) => {
    const at = `${where}.brackets[${i}]`;
    if (typeof item !== 'object' || item === null) {
      errors.push(`${at}: expected an object`);
      return;
    }
    const b = item as Record<string, unknown>;
    const floor = decimalField(b['notionalFloor'], `${at}.notionalFloor`, errors);
    const cap = decimalField(b['notionalCap'], `${at}.notionalCap`, errors);
    const mmr = decimalField(b['maintMarginRatio'], `${at}.maintMarginRatio`, errors);
    const cum = decimalField(b['cum'] ?? 0, `${at}.cum`, errors);
    const lev = decimalField(b['initialLeverage'], `${at}.initialLeverage`, errors);
    if (!floor || !cap || !mmr || !cum || !lev) return;
    if (!cap.greaterThan(floor)) errors.push(`${at}: notionalCap must exceed notionalFloor`);
    if (mmr.lt(0) || mmr.greaterThanOrEqualTo(1)) errors.push(`${at}.maintMarginRatio: expected a fraction in [0, 1)`);
    if (lev.lessThan(1)) errors.push(`${at}.initialLeverage: expected at least 1`);
    const bracketNo = typeof b['bracket'] === 'number' ? b['bracket'] : i + 1;
    tiers.push({ bracket: bracketNo, floor, cap, mmr, cum, maxLeverage: lev });
  });
  tiers.sort((a, b) => a.floor.comparedTo(b.floor));
  tiers.forEach((tier, i) => {
    const previous = tiers[i - 1];
    if (i === 0 && !tier.floor.isZero()) errors.push(`${symbol}: the first bracket must start at notional 0`);
    if (previous && !previous.cap.equals(tier.floor)) {
      errors.push(`${symbol}: bracket ${tier.bracket} starts at ${tier.floor.toFixed()} but the one before ends at ${previous.cap.toFixed()}`);
    }
  });
  return tiers;
}

/**
 * Reads Binance's leverageBracket response as it comes: an array of `{ symbol, brackets }`
 * (a single such object is accepted too).
 */
export function parseLeverageBrackets(json: unknown, source: string, asOf: string): BracketParse {
  const errors: string[] = [];
  const list = Array.isArray(json) ? json : [json];
  const tables = new Map<string, TierTable>();
  list.forEach((entry: unknown, i) => {
    const where = `[${i}]`;
    if (typeof entry !== 'object' || entry === null) {
      errors.push(`${where}: expected an object with symbol and brackets`);
      return;
    }
    const e = entry as Record<string, unknown>;
    const symbol = e['symbol'];
    if (typeof symbol !== 'string' || symbol.trim() === '') {
      errors.push(`${where}.symbol: expected a symbol name`);
      return;
    }
    const tiers = parseBrackets(symbol, e['brackets'], where, errors);
    tables.set(symbol.trim().toUpperCase(), { symbol: symbol.trim().toUpperCase(), asOf, source, tiers });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, tables };
}
