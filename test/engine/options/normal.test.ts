import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/decimal';
import { fastNormCdf, normCdf, normPdf } from '../../../src/engine/options/normal';

/** An independent reference: Phi(x) = (1 + erf(x / sqrt 2)) / 2 with erf's Taylor series in 40-digit decimals. */
function phiReference(x: number): number {
  const z = new Dec(x).div(new Dec(2).sqrt());
  const z2 = z.times(z);
  let term = z;
  let sum = z;
  for (let n = 1; n < 500; n++) {
    term = term.times(z2).neg().div(n);
    sum = sum.plus(term.div(2 * n + 1));
  }
  return new Dec(1).plus(sum.times(2).div(Dec.acos(-1).sqrt())).div(2).toNumber();
}

describe('normal CDF (Hart 5666 as given by West 2005)', () => {
  it.each([
    // Abramowitz & Stegun, Handbook of Mathematical Functions, Table 26.1 (P(x), 15 places)
    [0, 0.5],
    [0.5, 0.691462461274013],
    [1, 0.841344746068543],
    [2, 0.977249868051821],
    [3, 0.99865010196837],
  ])('Phi(%s) = %s (A&S Table 26.1)', (x, p) => {
    expect(Math.abs(normCdf(x) - p)).toBeLessThan(1e-14);
    expect(Math.abs(normCdf(-x) - (1 - p))).toBeLessThan(1e-14);
  });

  it('matches a 40-digit series to 1e-14 absolute on [-8, 8]', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => Math.abs(normCdf(x) - phiReference(x)) < 1e-14),
      { numRuns: 60 },
    );
  });

  it('is monotone, symmetric, and saturates beyond 37', () => {
    expect(normCdf(40)).toBe(1);
    expect(normCdf(-40)).toBe(0);
    fc.assert(fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => Math.abs(normCdf(x) + normCdf(-x) - 1) < 1e-15 && normCdf(x + 0.01) >= normCdf(x)));
  });

  it('pdf(0) = 1 / sqrt(2 pi) = 0.3989422804014327', () => {
    expect(normPdf(0)).toBeCloseTo(0.3989422804014327, 15);
  });
});

describe('table-driven normal CDF (risk-matrix hot loop)', () => {
  it('stays within 2e-10 of normCdf (cubic Hermite bound (1/64)^4 / 384 * 0.551 = 8.6e-11), and at the nodes equals it', () => {
    fc.assert(fc.property(fc.double({ min: -12, max: 12, noNaN: true }), (x) => Math.abs(fastNormCdf(x) - normCdf(x)) < 2e-10), { numRuns: 20_000 });
    for (const x of [-9, -2, -1 / 64, 0, 0.5, 3, 8.984375]) expect(fastNormCdf(x)).toBeCloseTo(normCdf(x), 15);
    // and the A&S Table 26.1 values to 9 places
    expect(fastNormCdf(1)).toBeCloseTo(0.841344746068543, 9);
    expect(fastNormCdf(-2)).toBeCloseTo(1 - 0.977249868051821, 9);
  });

  it('beyond the table it is 0 or 1 (the tail beyond 9 is below 1.2e-19, A&S 26.2.12), and NaN stays NaN', () => {
    expect(fastNormCdf(40)).toBe(1);
    expect(fastNormCdf(-40)).toBe(0);
    expect(fastNormCdf(9.5)).toBe(1);
    expect(fastNormCdf(-9.5)).toBe(0);
    expect(normCdf(-9)).toBeLessThan(1.2e-19);
    expect(fastNormCdf(Number.NaN)).toBeNaN();
  });
});
