import { describe, expect, it } from 'vitest';
import { compileGreeks, portfolioGreeks } from '../../../src/engine/options/greeks';
import { EMPTY_SCENARIO } from '../../../src/engine/types';
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

  it('a book compiled once gives the same greeks as the rows', () => {
    // two rows of the same contract (qty 60 and 40, different marks): the greeks of 100 of Hull's calls as above
    const hull = { type: 'call' as const, strike: '50', S: '49', iv: '0.2', rate: '0.05', expiry: expiryIn(20 / 52), underlying: 'XYZ' };
    const rows = [optionRow({ ...hull, qty: '60', mark: '2.4' }), optionRow({ ...hull, qty: '40', mark: '2.5' }), row({ symbol: 'XYZUSDT', qty: '-10', markPrice: '49', underlying: 'XYZ' })];
    const book = compileGreeks({ source: 't', rows });
    expect(book.contracts.map((c) => c.size)).toEqual([60, 40]);
    const fromBook = portfolioGreeks({ portfolio: book, asOf: AS_OF });
    if (!fromBook.ok) throw new Error(fromBook.error);
    expect(fromBook.underlyings[0]!.options).toBe(2);
    expect(fromBook.underlyings[0]!.delta).toBeCloseTo(100 * 0.522 - 10, 1);
    // the same book under a what-if equals the rows under it (+10% price, vol +20%, 7 days)
    const scenario = { ...EMPTY_SCENARIO, all: '0.1', volShock: '0.2', days: '7' };
    const a = portfolioGreeks({ portfolio: book, asOf: AS_OF, scenario });
    const b = portfolioGreeks({ portfolio: { source: 't', rows }, asOf: AS_OF, scenario });
    expect(a).toEqual(b);
    if (a.ok) expect(a.underlyings[0]!.price).toBeCloseTo(53.9, 12); // 49 * 1.1
  });
});
