import { describe, expect, it } from 'vitest';
import type { UnitColumns } from '../../engine/risk/types';
import { orderUnits } from './unitOrder';

// four units, two confidence levels; es is unit-major [i·2 + c]
const units: UnitColumns = {
  confidences: ['0.99', '0.975'],
  marginBalance: Float64Array.of(100, 200, 300, 400),
  var: new Float64Array(8),
  // unit 0: ES 50, unit 1: ES 10, unit 2: ES 90, unit 3: ES 10 (at 0.99; the 0.975 figures must not decide)
  es: Float64Array.of(50, 999, 10, 999, 90, 0, 10, 999),
  marginCalls: Int32Array.of(3, 7, 3, 7),
  liquidations: Int32Array.of(1, 0, 1, 0),
};

describe('orderUnits', () => {
  it('puts the most liquidated first, then the most margin-called, then the largest ES at the first level', () => {
    // liquidated on 1 path: units 0 and 2, unit 2 has the larger ES (90 > 50);
    // then units 1 and 3: same counts, same ES, so the book's order
    expect([...orderUnits(units, 'risk')]).toEqual([2, 0, 1, 3]);
  });

  it("keeps the book's order when asked", () => {
    expect([...orderUnits(units, 'book')]).toEqual([0, 1, 2, 3]);
  });
});
