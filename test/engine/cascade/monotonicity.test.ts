import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../../src/engine/types';
import { row, spot } from '../helpers';
import { cascade } from './helpers';

/**
 * "A deeper market never liquidates more" (issue 6), on the widest class where it holds
 * (docs/cascade.md, "Monotonicity"): ONE underlying with impact (plus stablecoin cash), margin
 * venues, the full-liquidation rule, and at most one perp or future per unit — long or short, so
 * the book is two-sided — with a wallet of 0 or more.
 *
 * Why it holds there: round 1 happens at the shocked price in both markets, so it liquidates the
 * same units and sends the same net flow Q1 (say a sale; a buy is the mirror image). A unit with
 * one long has MB - MM rising with the price (slope q - MM' > 0 as every rate is below 1), one with
 * a short falling; so at prices below round 1's only longs can be newly liquidated, and every later
 * flow is a sale: the price only falls. By induction over rounds the shallower market has sold at
 * least as much (its liquidated set contains the deeper one's, each unit sells its whole position
 * once) into less depth, so its price is never higher, and every long the deeper market liquidates
 * by round t the shallower one has by round t. ADL only takes profitable shorts, at their entry:
 * a single-position unit with a wallet >= 0 ends with a higher HF, so ADL never adds a liquidation.
 */
const PRICE = 60000;
const unit = fc.record({
  cash: fc.integer({ min: 0, max: 200_000 }),
  long: fc.boolean(),
  notional: fc.integer({ min: 5_000, max: 300_000 }),
  entryMove: fc.integer({ min: -1500, max: 1500 }),
  venue: fc.constantFrom('generic' as const, 'binance' as const),
  isolated: fc.boolean(),
});
type Unit = typeof unit extends fc.Arbitrary<infer T> ? T : never;

function bookOf(units: Unit[]): PortfolioRow[] {
  return units.flatMap((a, n) => {
    const qty = (a.notional / PRICE).toFixed(6);
    const perp = row({
      account: `u${n}`, venue: a.venue, symbol: 'BTCUSDT', qty: a.long ? qty : `-${qty}`, markPrice: String(PRICE),
      entryPrice: (PRICE * (1 + a.entryMove / 10000)).toFixed(2), mmr: a.venue === 'binance' ? null : '0.01',
      marginMode: a.isolated ? 'isolated' : 'cross', isolatedMargin: a.isolated ? String(a.cash) : null,
    });
    return a.isolated ? [perp] : [spot('USDT', String(a.cash), '1', { account: `u${n}`, venue: a.venue }), perp];
  });
}

describe('cascade monotonicity in the depth', () => {
  it('a deeper market never liquidates more: one underlying, two-sided, one position per unit, any shock, fund and fee', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 500, max: 2_000_000 }),
        fc.integer({ min: 2, max: 50 }),
        fc.constantFrom('linear' as const, 'sqrt' as const),
        fc.integer({ min: -30, max: 30 }),
        fc.constantFrom('0', '0.01'),
        fc.integer({ min: 0, max: 20_000 }),
        (units, depth, deeper, model, move, fee, fund) => {
          const rows = bookOf(units);
          const liquidated = (d: number) => {
            const { result } = cascade(rows, { impact: [{ underlying: 'BTC', model, depth: String(d) }], feeRate: fee, fund: String(fund), maxRounds: 20 }, [['BTC', (move / 100).toString()]]);
            return new Set(result.names);
          };
          const shallow = liquidated(depth);
          for (const name of liquidated(depth * deeper)) expect(shallow.has(name)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
