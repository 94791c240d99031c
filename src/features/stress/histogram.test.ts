import { describe, expect, it } from 'vitest';
import { histogram } from './histogram';

describe('histogram', () => {
  it('bins from min to max, the max in the last bin', () => {
    // 0..10 in 5 bins of width 2: [0,2) has 0 and 1; the last bin [8,10] holds 8, 9 and 10
    const bins = histogram(Array.from({ length: 11 }, (_, i) => i), 5);
    expect(bins.map((b) => b.count)).toEqual([2, 2, 2, 2, 3]);
    expect(bins[0]).toEqual({ from: 0, to: 2, mid: 1, count: 2 });
  });
});
