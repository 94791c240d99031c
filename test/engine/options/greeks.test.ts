import { describe, expect, it } from 'vitest';
import { portfolioGreeks } from '../../../src/engine/options/greeks';
import { AS_OF, row, spot } from '../helpers';
import { expiryIn, optionRow } from './book';

describe('portfolio greeks per underlying', () => {
  it("sums position greeks: 100 of Hull's chapter-19 calls, short 10 perps, and stablecoins left out", () => {
    // Hull (9th ed., ch. 19): per call delta 0.522, gamma 0.066, vega 12.1, theta -4.31 / year, rho 8.91
    const rows = [
      spot('USDT', '1000', '1'),
      row({ symbol: 'XYZUSDT', qty: '-10', markPrice: '49' }),
      optionRow({ qty: '100', type: 'call', strike: '50', mark: '2.4', S: '49', iv: '0.2', rate: '0.05', expiry: expiryIn(20 / 52), underlying: 'XYZ' }),
    ];
    const out = portfolioGreeks({ portfolio: { source: 't', rows }, asOf: AS_OF });
    if (!out.ok) throw new Error(out.error);
    expect(out.underlyings.map((u) => u.underlying)).toEqual(['XYZ']);
    const g = out.underlyings[0]!;
    expect(g.options).toBe(1);
    expect(g.price).toBe(49);
    expect(g.delta).toBeCloseTo(100 * 0.522 - 10, 1); // 42.2
    expect(g.gamma).toBeCloseTo(6.6, 1);
    expect(g.vega).toBeCloseTo(1210, -1);
    expect(g.theta).toBeCloseTo(-431, 0);
    expect(g.rho).toBeCloseTo(891, 0);
  });
});
