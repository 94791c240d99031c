import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskiestUnits, type UnitFigures } from './unitFigures';

/** Only what riskiestUnits reads of the view. */
function figures(hf: number[], present: boolean[]): UnitFigures {
  return { count: hf.length, healthFactor: Float64Array.from(hf), present: Uint8Array.from(present.map(Number)) } as unknown as UnitFigures;
}

/** The definition: every present unit, sorted by HF then report order, the first n. */
function bySorting(hf: number[], present: boolean[], n: number): number[] {
  return hf.map((_, i) => i).filter((i) => present[i]).sort((a, b) => hf[a]! - hf[b]! || a - b).slice(0, n);
}

describe('riskiestUnits', () => {
  it('equals sorting every present unit and taking the first n (ties, no exposure, absent units)', () => {
    // few distinct HFs so ties are common; Infinity is a unit without exposure
    const hfValue = fc.constantFrom(0.5, 1, 1.2, 1.25, 2, 7.5, Infinity);
    fc.assert(
      fc.property(fc.array(fc.tuple(hfValue, fc.boolean()), { maxLength: 200 }), fc.integer({ min: 1, max: 40 }), (units, n) => {
        const hf = units.map((u) => u[0]);
        const present = units.map((u) => u[1]);
        const expected = present.filter(Boolean).length <= n ? hf.map((_, i) => i).filter((i) => present[i]) : bySorting(hf, present, n);
        expect(riskiestUnits(figures(hf, present), n)).toEqual(expected);
      }),
    );
  });

  it('keeps report order when every unit fits', () => {
    expect(riskiestUnits(figures([3, 1, 2], [true, true, true]), 24)).toEqual([0, 1, 2]);
  });
});
