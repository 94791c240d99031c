import type { Dec } from '../decimal';

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A decimal as a float64 for the screen and for display, within a few ulp (toNumber goes through
 * a string and costs several times more; the cascade converts every changed wallet and size).
 * Reads decimal.js's documented digit fields: `d` (base 1e7 words, most significant first, the
 * first without leading zeros), `e` (the base-10 exponent of the leading digit), `s` (the sign).
 */
export function toFloat(x: Dec): number {
  const d = x.d as number[] | null;
  if (!d || Math.abs(x.e) > 290) return x.toNumber(); // NaN, Infinity, or near float64's range: the slow, exact path
  const first = d[0]!;
  let digits = 1;
  for (let w = first; w >= 10; w = Math.floor(w / 10)) digits++;
  // the first two words as one exact integer (at most 14 digits), the next two as its fraction
  const mantissa = first * 1e7 + (d[1] ?? 0) + ((d[2] ?? 0) + (d[3] ?? 0) / 1e7) / 1e7;
  const p = x.e - digits + 1 - 7;
  const scaled = p >= 0 ? (p <= 22 ? mantissa * POW10[p]! : mantissa * 10 ** p) : -p <= 22 ? mantissa / POW10[-p]! : mantissa / 10 ** -p;
  return x.s * scaled;
}

/**
 * x > 0 and x < 0 without a comparison: decimal.js's `gt(0)` builds a decimal of its argument
 * first, and the rounds ask this tens of thousands of times. `s` is the sign, `d[0]` is 0 only for
 * zero (decimal.js's documented fields, as toFloat reads them); NaN (d null) is neither.
 */
export const isAboveZero = (x: Dec): boolean => x.s === 1 && x.d !== null && x.d[0] !== 0;
export const isBelowZero = (x: Dec): boolean => x.s === -1 && x.d !== null && x.d[0] !== 0;
