/**
 * The standard normal distribution in float64 (the option model runs in float64; see blackScholes.ts).
 *
 * normCdf is Hart's algorithm 5666 (J. F. Hart et al., "Computer Approximations", 1968) in the form
 * given by G. West, "Better approximations to cumulative normal functions", Wilmott Magazine, 2005:
 * a rational approximation of erfc for |x| < 7.07 and a continued fraction beyond. West states it is
 * accurate to double precision; test/engine/options/normal.test.ts checks it against an independent
 * 40-digit series (decimal.js) to an absolute error below 1e-14 on [-8, 8].
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const INV_SQRT_2PI = 1 / SQRT_2PI;

export function normPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

export function normCdf(x: number): number {
  const a = Math.abs(x);
  if (a > 37) return x > 0 ? 1 : 0;
  const e = Math.exp(-0.5 * a * a);
  let tail: number;
  if (a < 7.07106781186547) {
    let n = 3.52624965998911e-2 * a + 0.700383064443688;
    n = n * a + 6.37396220353165;
    n = n * a + 33.912866078383;
    n = n * a + 112.079291497871;
    n = n * a + 221.213596169931;
    n = n * a + 220.206867912376;
    let d = 8.83883476483184e-2 * a + 1.75566716318264;
    d = d * a + 16.064177579207;
    d = d * a + 86.7807322029461;
    d = d * a + 296.564248779674;
    d = d * a + 637.333633378831;
    d = d * a + 793.826512519948;
    d = d * a + 440.413735824752;
    tail = (e * n) / d;
  } else {
    let c = a + 0.65;
    c = a + 4 / c;
    c = a + 3 / c;
    c = a + 2 / c;
    c = a + 1 / c;
    tail = e / c / SQRT_2PI;
  }
  return x > 0 ? 1 - tail : tail;
}
