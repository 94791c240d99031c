import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cents } from '../../src/engine/risk/cents';

/** The report's money texts: cents(v) must be v.toFixed(2) for every number, ties and signs included. */
describe('cents = toFixed(2)', () => {
  it('hand-picked cases: ties in decimal that are not ties in binary, signs, zeros, huge values', () => {
    // 1.005 is 1.00499999999999989… in binary, so toFixed(2) gives 1.00; 0.125 is exact: a tie, up to 0.13
    for (const v of [0, -0, 0.001, -0.001, 0.005, 0.015, 1.005, 2.675, 0.125, -0.125, 99.995, 123456.785, 1e9 + 0.005, 1e15, -1e21, 1e21, NaN, Infinity, -Infinity, 5e-324]) {
      expect(cents(v)).toBe(v.toFixed(2));
    }
  });

  it('any double (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: -1e7, max: 1e7 }), fc.integer({ min: -1e8, max: 1e8 }).map((n) => n / 1000)), (v) => {
        expect(cents(v)).toBe(v.toFixed(2));
      }),
      { numRuns: 20_000 },
    );
  });
});
