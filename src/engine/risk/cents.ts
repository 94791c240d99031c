/**
 * v.toFixed(2), the money text of a risk report, written faster for the common case (a big book's
 * report has four money figures per unit, tens of thousands of units, on every preview).
 *
 * toFixed(2) rounds the exact value of v·100 to the nearest integer n (a tie to the larger) and
 * prints n with a point before its last two digits. Here v·100 is rounded to a double first, which
 * is off by at most half a unit in the last place: for |v·100| < 10^10 that is below 10^-6, so away
 * from a tie (fraction within 10^-5 of one half) both round to the same n. Anything else, and
 * anything that is not a finite number in range, goes to toFixed itself.
 */
const CENTS = Array.from({ length: 100 }, (_, i) => (i < 10 ? '.0' : '.') + String(i));
/** Whole parts below 10,000 as text, made once: most unit figures are below it, and then a figure is one new string. */
const WHOLE = Array.from({ length: 10_000 }, (_, i) => String(i));

export function cents(v: number): string {
  const negative = v < 0;
  const scaled = negative ? -v * 100 : v * 100;
  if (!(scaled < 1e10)) return v.toFixed(2);
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (fraction > 0.49999 && fraction < 0.50001) return v.toFixed(2);
  const n = fraction > 0.5 ? whole + 1 : whole;
  const units = Math.floor(n / 100);
  // toFixed writes the sign of any v below 0, even one that rounds to 0.00
  const text = (units < 10_000 ? WHOLE[units]! : String(units)) + CENTS[n - units * 100]!;
  return negative ? `-${text}` : text;
}
