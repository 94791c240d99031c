import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../../src/engine/types';
import { row, spot } from '../helpers';
import { cascade, liquidatedNames } from './helpers';

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
            return liquidatedNames(result);
          };
          const shallow = liquidated(depth);
          for (const name of liquidated(depth * deeper)) expect(shallow.has(name)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('outside the class it fails: cross units on two underlyings (a four-account counterexample, worked by hand)', () => {
    // Perps at entry = mark (BTC 60000, ETH 3000), mmr 1%, linear impact, BTC shocked -10%, a fund
    // big enough that ADL never runs. MB - MM of a unit at ratios (b, e) is
    //   cash + sum notional * (ratio - 1) * side - 0.01 * sum notional * ratio.
    // A: 10,000 cash, BTC long 1M, ETH short 0.5M: 10000 - 100000 - 5000 - 9000 < 0 at b = 0.9: round 1 in both.
    //   Its closes sell 1M BTC and buy 0.5M ETH. Shallow (depth 1M): b = 0.9 * 0.99 = 0.891, e = 1.005;
    //   deep (depth 2M): b = 0.9 * 0.995 = 0.8955, e = 1.0025.
    // D: 12,000 cash, ETH short 1M: 12000 - 1M (e - 1) - 10000 e <= 0 from e = 1.00198: round 2 in both.
    // B: 360,000 cash, BTC long 3M, ETH long 2M. Round 1 (0.9, 1): 360000 - 300000 - 27000 - 20000 > 0.
    //   Shallow round 2 (0.891, 1.005): 360000 - 327000 + 10000 - 26730 - 20100 = -3830 <= 0: liquidated.
    //   Deep (0.8955, 1.0025 and ETH only higher after): 360000 - 313500 + 5000 - 26865 - 20050 = 4585 > 0.
    // Round 2 in ETH: deep buys D's 1M: cumulative buy 1.5M, e = 1 + 0.01 * 1.5 / 2 = 1.0075;
    //   shallow buys D's 1M and sells B's 2M: cumulative sale 0.5M, e = 1 - 0.005 = 0.995.
    // C: 16,060 cash, ETH short 1M: healthy at shallow's highest e = 1.005 (16060 - 5000 - 10050 = 1010)
    //   but not at deep's round-3 e = 1.0075 (16060 - 7500 - 10075 = -1515): liquidated in the deeper market only.
    // B's ETH sale, which only the shallow market makes happen, turns ETH's flow around: after round
    // 1 the sign of an underlying's flow is no longer fixed once a liquidation closes positions in two.
    const perp = (account: string, u: 'BTC' | 'ETH', notional: number, long: boolean) => {
      const mark = u === 'BTC' ? 60000 : 3000;
      const qty = (notional / mark).toFixed(6);
      return row({ account, symbol: `${u}USDT`, qty: long ? qty : `-${qty}`, markPrice: String(mark), entryPrice: String(mark), mmr: '0.01' });
    };
    const rows: PortfolioRow[] = [
      spot('USDT', '10000', '1', { account: 'A' }), perp('A', 'BTC', 1_000_000, true), perp('A', 'ETH', 500_000, false),
      spot('USDT', '360000', '1', { account: 'B' }), perp('B', 'BTC', 3_000_000, true), perp('B', 'ETH', 2_000_000, true),
      spot('USDT', '16060', '1', { account: 'C' }), perp('C', 'ETH', 1_000_000, false),
      spot('USDT', '12000', '1', { account: 'D' }), perp('D', 'ETH', 1_000_000, false),
    ];
    const run = (depth: number) => cascade(rows, { impact: ['BTC', 'ETH'].map((u) => ({ underlying: u, model: 'linear' as const, depth: String(depth) })), fund: '1000000000' }, [['BTC', '-0.1']]).result;
    const shallow = run(1_000_000);
    const deep = run(2_000_000);
    expect([...liquidatedNames(shallow)]).toEqual(['A · cross', 'B · cross', 'D · cross']);
    expect([...liquidatedNames(deep)]).toEqual(['A · cross', 'D · cross', 'C · cross']);
    // the ETH ratios of the hand arithmetic (sizes written to 6 decimals put the notionals a fraction of a cent off)
    const eth = (r: typeof shallow, round: number) => Number(r.rounds[round - 1]!.ratios.find(([u]) => u === 'ETH')![1]);
    expect(eth(shallow, 1)).toBeCloseTo(1.005, 9);
    expect(eth(shallow, 2)).toBeCloseTo(0.995, 9);
    expect(eth(deep, 2)).toBeCloseTo(1.0075, 9);
  });
});
