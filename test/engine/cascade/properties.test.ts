import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, ZERO } from '../../../src/engine/decimal';
import type { RunState } from '../../../src/engine/cascade';
import type { PortfolioRow } from '../../../src/engine/types';
import type { PreparedUnit } from '../../../src/engine/units';
import { row, spot } from '../helpers';
import { cascade, liquidatedNames } from './helpers';

/**
 * Money in a unit, written out here on its own so the test does not lean on the engine's ledger:
 * wallet + q * cs * (M - E) for perps + q * M for spot (full value, debts negative).
 */
function money(unit: PreparedUnit, marks: readonly Dec[]): Dec {
  return unit.rows.reduce((sum, r, i) => {
    const m = marks[i]!;
    if (r.src.type === 'spot') return sum.plus(r.q.times(m));
    return sum.plus(r.entry ? r.q.times(r.cs).times(m.minus(r.entry)) : ZERO);
  }, unit.baseBalance);
}

function totalMoney(units: readonly PreparedUnit[], ratioOf: (underlying: string) => Dec): Dec {
  return units.reduce((sum, u) => sum.plus(money(u, u.rows.map((r) => r.mark.times(ratioOf(r.src.underlying.toUpperCase()))))), ZERO);
}

const PRICES: Record<string, number> = { BTC: 60000, ETH: 3000, SOL: 150 };
const cents = (n: number, dp = 2) => (n / 10 ** dp).toFixed(dp);

const position = fc.record({
  underlying: fc.constantFrom('BTC', 'ETH', 'SOL'),
  long: fc.boolean(),
  notional: fc.integer({ min: 1_000, max: 200_000 }),
  entryMove: fc.integer({ min: -2000, max: 2000 }), // basis points from the mark
  mmr: fc.constantFrom('0.005', '0.01', '0.02'),
  isolated: fc.boolean(),
  margin: fc.integer({ min: 20, max: 5000 }), // basis points of the notional
});
const account = fc.record({
  venue: fc.constantFrom('generic', 'generic', 'binance', 'aave-v3'),
  cash: fc.integer({ min: 0, max: 5_000_000 }),
  // non-stable spot collateral on a margin venue (hundredths of a coin), sold when the cash cannot pay (collateral.ts)
  collateral: fc.record({ underlying: fc.constantFrom('BTC', 'ETH', 'SOL'), qty: fc.integer({ min: 0, max: 300 }) }),
  positions: fc.array(position, { minLength: 1, maxLength: 3 }),
});

type Account = typeof account extends fc.Arbitrary<infer T> ? T : never;

function bookOf(accounts: Account[]): PortfolioRow[] {
  const rows: PortfolioRow[] = [];
  accounts.forEach((a, n) => {
    const name = `acct${n}`;
    if (a.venue === 'aave-v3') {
      // collateral in the first position's asset, a USDC debt of 50-90% of its value
      const p = a.positions[0]!;
      const qty = (p.notional / PRICES[p.underlying]!).toFixed(6);
      rows.push(spot(p.underlying, qty, String(PRICES[p.underlying]), { account: name, venue: 'aave-v3', haircut: '0.2' }));
      rows.push(spot('USDC', `-${cents(Math.round((p.notional * (50 + (p.margin % 40))) / 100) * 100)}`, '1', { account: name, venue: 'aave-v3' }));
      return;
    }
    rows.push(spot('USDT', cents(a.cash), '1', { account: name, venue: a.venue as 'generic' }));
    if (a.collateral.qty > 0) rows.push(spot(a.collateral.underlying, cents(a.collateral.qty), String(PRICES[a.collateral.underlying]), { account: name, venue: a.venue as 'generic' }));
    for (const p of a.positions) {
      const mark = PRICES[p.underlying]!;
      const qty = (p.notional / mark).toFixed(6);
      rows.push(row({
        account: name, venue: a.venue as 'generic', symbol: `${p.underlying}USDT`, underlying: p.underlying,
        qty: p.long ? qty : `-${qty}`, markPrice: String(mark), entryPrice: (mark * (1 + p.entryMove / 10000)).toFixed(2),
        mmr: a.venue === 'binance' ? null : p.mmr,
        marginMode: p.isolated ? 'isolated' : 'cross', isolatedMargin: p.isolated ? ((p.notional * p.margin) / 10000).toFixed(2) : null,
      }));
    }
  });
  return rows;
}

const params = fc.record({
  model: fc.constantFrom('linear' as const, 'sqrt' as const),
  // underlyings without impact keep their price for the whole run: the screen treats their rows as constants
  impactOn: fc.subarray(['BTC', 'ETH', 'SOL'], { minLength: 1 }),
  depth: fc.integer({ min: 1_000, max: 5_000_000 }),
  fee: fc.constantFrom('0', '0.005', '0.0125', '0.05'),
  fund: fc.integer({ min: 0, max: 50_000 }),
  partial: fc.option(fc.constantFrom('1.25', '1.5', '2'), { nil: null }),
  shock: fc.integer({ min: -40, max: 20 }),
  rounds: fc.integer({ min: 1, max: 12 }),
});

type Params = typeof params extends fc.Arbitrary<infer T> ? T : never;

function run(accounts: Account[], p: Params, options: { screenEveryRound?: boolean } = {}) {
  const rows = bookOf(accounts);
  const outcome = cascade(rows, {
    impact: p.impactOn.map((u) => ({ underlying: u, model: p.model, depth: String(p.depth) })),
    feeRate: p.fee, fund: String(p.fund), maxRounds: p.rounds,
    partial: p.partial ? { kind: 'to-target', targetHF: p.partial } : { kind: 'full' },
  }, [['BTC', (p.shock / 100).toString()], ['ETH', (p.shock / 200).toString()]], options);
  return outcome;
}

function ratioLookup(state: RunState): (u: string) => Dec {
  return (u) => state.ratio[state.book.underlyings.indexOf(u)]!;
}

// property runs take seconds on a loaded machine: a generous timeout, not fewer runs
const SLOW = { timeout: 60_000 };

describe('cascade invariants', () => {
  it('conserves money exactly: accounts + fund + impact cost = price effect', SLOW, () => {
    fc.assert(
      fc.property(fc.array(account, { minLength: 1, maxLength: 8 }), params, (accounts, p) => {
        const { result, final } = run(accounts, p);
        const startRatio = new Map(result.startRatios.map(([u, r]) => [u, new Dec(r)]));
        const before = totalMoney(final.book.units, (u) => startRatio.get(u)!);
        const after = totalMoney(final.units, ratioLookup(final));
        const accountsChange = after.minus(before);
        const fundChange = new Dec(result.fundEnd).minus(result.fundStart);
        const lhs = accountsChange.plus(fundChange).plus(result.accounting.impactCost);
        expect(lhs.toFixed()).toBe(new Dec(result.accounting.priceEffect).toFixed());
        expect(accountsChange.toFixed()).toBe(new Dec(result.accounting.accountsChange).toFixed());
      }),
      { numRuns: 150 },
    );
  });

  it('the fund never goes below zero; what it cannot pay goes to ADL or stays uncovered', SLOW, () => {
    fc.assert(
      fc.property(fc.array(account, { minLength: 1, maxLength: 8 }), params, (accounts, p) => {
        const { result } = run(accounts, p);
        for (const r of result.rounds) {
          expect(new Dec(r.fund).gte(0)).toBe(true);
          if (new Dec(r.adlAmount).gt(0) || new Dec(r.uncovered).gt(0)) expect(r.fund).toBe('0');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('skipping units by the slope bound liquidates exactly what screening every unit every round does', SLOW, () => {
    fc.assert(
      fc.property(fc.array(account, { minLength: 1, maxLength: 8 }), params, (accounts, p) => {
        const fast = run(accounts, p).result;
        const every = run(accounts, p, { screenEveryRound: true }).result;
        expect(fast.rounds).toEqual(every.rounds);
        expect(fast.names).toEqual(every.names);
        expect(fast.accounting).toEqual(every.accounting);
      }),
      { numRuns: 100 },
    );
  });

  it('a deeper market never liquidates more (long-only BTC book, full liquidation, a fall)', SLOW, () => {
    // Prices depend on the cumulative sale only, so by induction over rounds the shallower market's
    // price is never higher and its liquidated set contains the deeper one's (docs/cascade.md).
    const longs = fc.array(fc.record({ cash: fc.integer({ min: 0, max: 3_000_000 }), notional: fc.integer({ min: 5_000, max: 300_000 }), entryMove: fc.integer({ min: -1500, max: 1500 }) }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(longs, fc.integer({ min: 1_000, max: 2_000_000 }), fc.integer({ min: 2, max: 50 }), fc.constantFrom('linear' as const, 'sqrt' as const), fc.integer({ min: 0, max: 30 }), (book, depth, deeper, model, fall) => {
        const rows = book.flatMap((a, n) => [
          spot('USDT', cents(a.cash), '1', { account: `l${n}` }),
          row({ account: `l${n}`, symbol: 'BTCUSDT', qty: (a.notional / 60000).toFixed(6), markPrice: '60000', entryPrice: (60000 * (1 + a.entryMove / 10000)).toFixed(2), mmr: '0.01' }),
        ]);
        const liquidated = (d: number) => {
          const { result } = cascade(rows, { impact: [{ underlying: 'BTC', model, depth: String(d) }], maxRounds: 20 }, [['BTC', (-fall / 100).toString()]]);
          return liquidatedNames(result);
        };
        const shallow = liquidated(depth);
        const deep = liquidated(depth * deeper);
        for (const name of deep) expect(shallow.has(name)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
