import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAbove, firstAtOrAbove, thresholdTable } from '../../src/engine/risk/thresholdTable';
import { createTopK, largest, offerTop, selectLargest } from '../../src/engine/risk/topK';

/** The k largest of a list by sorting it whole: what the stores must keep. */
const topByFullSort = (values: number[], k: number) => [...values].sort((a, b) => b - a).slice(0, k);

// few distinct values, so that ties at the cut are common (−0 read as 0: which of two zeros is kept cannot matter)
const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })).map((v) => (v === 0 ? 0 : v));

describe('top-k stores (topK.ts)', () => {
  it('keep the k largest values offered, as a full sort would (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(value, { maxLength: 400 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 60 }), (stores, k) => {
        const top = createTopK(stores.length, k);
        // interleaved, as the engine offers a block's values unit after unit
        const longest = Math.max(...stores.map((s) => s.length));
        for (let i = 0; i < longest; i++) stores.forEach((s, h) => i < s.length && offerTop(top, h, s[i]!));
        stores.forEach((s, h) => expect(Array.from(largest(top, h))).toEqual(topByFullSort(s, k)));
      }),
      { numRuns: 200 },
    );
  });

  it('selectLargest puts the k largest first (property)', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.nat(), (values, kSeed) => {
        const k = 1 + (kSeed % values.length);
        const a = Float64Array.from(values);
        selectLargest(a, 0, a.length, k);
        expect([...a.slice(0, k)].sort((x, y) => y - x)).toEqual(topByFullSort(values, k));
        expect([...a].sort((x, y) => x - y)).toEqual([...values].sort((x, y) => x - y));
      }),
      { numRuns: 300 },
    );
  });
});

describe('threshold grid cells without a threshold (thresholdTable.ts place)', () => {
  it('give every ratio in them the place a search gives (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.2, max: 2, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (ts, at) => {
          const tab = thresholdTable([ts.map((t, i) => ({ t, owner: i }))]);
          const first = tab.t[0]!;
          const last = tab.t[tab.t.length - 1]!;
          // ratios across the span, and the thresholds themselves with their neighbours in float64
          const probes = [...at.map((f) => first + f * (last - first)), ...ts.flatMap((t) => [t, t * (1 + Number.EPSILON), t * (1 - Number.EPSILON / 2)])];
          for (const v of probes) {
            if (!(v >= first && v <= last)) continue;
            const g = tab.scale[0]! > 0 ? Math.floor((v - first) * tab.scale[0]!) : 0;
            const place = tab.place[tab.gridStart[0]! + g]!;
            if (place < 0) continue;
            expect(place).toBe(firstAtOrAbove(tab, 0, v));
            expect(place).toBe(firstAbove(tab, 0, v));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
