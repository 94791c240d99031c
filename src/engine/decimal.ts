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

/** Full-precision plain string: no exponent notation, no trailing zeros. */
export function decStr(d: Dec): string {
  const s = d.toFixed();
  return s === '-0' ? '0' : s;
}

export function decStrOrNull(d: Dec | null): string | null {
  return d === null ? null : decStr(d);
}

export function dec(s: string | number): Dec {
  return new Dec(s);
}

export function decMin(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function decMax(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}

// Note: decimal.js's isPositive() is true for zero; compare with gt(0) / lt(0) instead.
