import DecimalJs from 'decimal.js';

/**
 * The one decimal constructor of the project. A clone, so that no other code can change its
 * precision or rounding through the global `Decimal.set`.
 */
export const Dec = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

// decimal.js's isPositive() is true for zero: compare with gt(0) / lt(0) instead.

/** Full-precision plain string: no exponent notation, no trailing zeros. */
export function decStr(d: Dec): string {
  const s = d.toFixed();
  return s === '-0' ? '0' : s;
}

export function decStrOrNull(d: Dec | null): string | null {
  return d === null ? null : decStr(d);
}

const DECIMAL_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The one strict reading of a decimal written as text: digits with "." and an optional exponent;
 * no NaN, Infinity, hex, separators or blanks, and nothing that overflows to Infinity. Null otherwise.
 */
export function readDecimalText(text: string): Dec | null {
  const t = text.trim();
  if (!DECIMAL_TEXT.test(t)) return null;
  const value = new Dec(t);
  return value.isFinite() ? value : null;
}
