import { readDecimalText, type Dec } from '../engine/decimal';
import type { InstrumentType, MarginMode, OptionType, Side, VenueId } from '../engine/types';

/** A cell read: the value, or what was expected instead. */
export type Cell<T> = { ok: true; value: T } | { ok: false; expected: string };

/** Strict decimal: no NaN, Infinity, hex, `1_000`, thousands separators, percent signs or blanks. */
export function readDecimal(text: string): Cell<Dec> {
  const t = text.trim();
  const value = readDecimalText(t);
  if (value) return { ok: true, value };
  // decimal.js overflows exponents past 9e15 to Infinity: not a number either
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(t)) return { ok: false, expected: 'a finite number (this exponent is out of range)' };
  let expected = 'a decimal number such as 1234.5 (with "." as the decimal point)';
  if (/^[+-]?\d{1,3}([,' ]\d{3})+(\.\d+)?$/.test(t)) expected = 'a number without thousands separators, e.g. 1234567.5';
  else if (/^[+-]?\d+,\d+$/.test(t)) expected = 'a number with "." as the decimal point, e.g. 0.5';
  else if (/%$/.test(t)) expected = 'a fraction, not a percent (0.005, not 0.5%)';
  else if (/_/.test(t)) expected = 'a number without "_" separators';
  else if (/^[+-]?0x/i.test(t)) expected = 'a decimal number, not hexadecimal';
  else if (/^[+-]?(nan|inf|infinity)$/i.test(t)) expected = 'a finite number (NaN and Infinity are not numbers)';
  return { ok: false, expected };
}

export interface Bounds {
  min?: Dec;
  /** when true, min itself is not allowed */
  minExclusive?: boolean;
  max?: Dec;
}

export function readBounded(text: string, bounds: Bounds, what: string): Cell<Dec> {
  const cell = readDecimal(text);
  if (!cell.ok) return cell;
  const v = cell.value;
  const { min, max, minExclusive } = bounds;
  if (min && (minExclusive ? v.lessThanOrEqualTo(min) : v.lessThan(min))) return { ok: false, expected: what };
  if (max && v.greaterThan(max)) return { ok: false, expected: what };
  return cell;
}

function enumReader<T extends string>(aliases: ReadonlyArray<[string, T]>, listed: string): (text: string) => Cell<T> {
  const map = new Map(aliases);
  return (text) => {
    const value = map.get(text.trim().toLowerCase().replace(/[\s-]+/g, '_'));
    return value ? { ok: true, value } : { ok: false, expected: `one of ${listed}` };
  };
}

export const readType = enumReader<InstrumentType>(
  [
    ['perp', 'perp'], ['perpetual', 'perp'], ['swap', 'perp'], ['perpetual_swap', 'perp'], ['perpetual_future', 'perp'],
    ['future', 'future'], ['futures', 'future'], ['fut', 'future'], ['delivery', 'future'], ['dated_future', 'future'],
    ['option', 'option'], ['options', 'option'], ['opt', 'option'],
    ['spot', 'spot'], ['cash', 'spot'], ['balance', 'spot'], ['collateral', 'spot'], ['margin', 'spot'],
  ],
  'perp, future, option, spot (also perpetual, swap, futures, delivery, opt, cash, balance)',
);

export const readSide = enumReader<Side>(
  [['long', 'long'], ['buy', 'long'], ['b', 'long'], ['short', 'short'], ['sell', 'short'], ['s', 'short']],
  'long, short, buy, sell',
);

export const readMarginMode = enumReader<MarginMode>(
  [['cross', 'cross'], ['crossed', 'cross'], ['cross_margin', 'cross'], ['isolated', 'isolated'], ['isolate', 'isolated'], ['isolated_margin', 'isolated'], ['fixed', 'isolated']],
  'cross, isolated (also crossed, isolate)',
);

export const readOptionType = enumReader<OptionType>(
  [['call', 'call'], ['c', 'call'], ['put', 'put'], ['p', 'put']],
  'call, put, C, P',
);

export const readVenue = enumReader<VenueId>(
  [
    ['generic', 'generic'], ['default', 'generic'],
    ['binance', 'binance'], ['binance_usdm', 'binance'], ['binance_futures', 'binance'], ['binanceusdm', 'binance'],
    ['aave_v3', 'aave-v3'], ['aave', 'aave-v3'], ['aave3', 'aave-v3'], ['aavev3', 'aave-v3'],
    ['deribit', 'deribit'],
  ],
  'generic, binance, aave-v3, deribit',
);

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A real calendar date at a time, in UTC; null if the parts do not make one. */
export function utcInstant(y: number, mo: number, d: number, h = 8, mi = 0, s = 0, ms = 0): Date | null {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const date = new Date(t);
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return real && h < 24 && mi < 60 && s < 60 ? date : null;
}

/**
 * ISO 8601 date or date-time. A bare date means 08:00 UTC (when crypto expiries settle); a
 * date-time without a zone is read as UTC. Excel serial numbers and impossible dates are refused.
 */
export function readExpiry(text: string): Cell<string> {
  const t = text.trim();
  const expected = 'an ISO 8601 date such as 2025-03-28 or 2025-03-28T08:00:00Z';
  const m = ISO.exec(t);
  if (!m) {
    return { ok: false, expected: /^\d+(\.\d+)?$/.test(t) ? `${expected} (not a spreadsheet serial number)` : expected };
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const hasTime = h !== undefined;
  const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0;
  const date = utcInstant(Number(y), Number(mo), Number(d), hasTime ? Number(h) : 8, hasTime ? Number(mi) : 0, s ? Number(s) : 0, ms);
  if (!date) return { ok: false, expected: `${expected}; this date does not exist` };
  let time = date.getTime();
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    if (Number(digits.slice(2)) >= 60 || offsetMinutes > 18 * 60) return { ok: false, expected: `${expected}; the time-zone offset is out of range` };
    time -= sign * offsetMinutes * 60_000;
  }
  return { ok: true, value: new Date(time).toISOString() };
}
