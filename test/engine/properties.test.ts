import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { EMPTY_SCENARIO, type PortfolioRow, type Report, type Scenario } from '../../src/engine/types';
import { evaluate } from './helpers';

/** Random books: accounts of every margin venue, cross and isolated perps over three underlyings, spot collateral. */
const MARKS: Record<string, string> = { BTC: '60000', ETH: '3000', SOL: '150' };
const decimalIn = (min: number, max: number, scale: number) =>
  fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((n) => new Dec(n).div(scale).toFixed());

const perpArb = fc.record({
  underlying: fc.constantFrom('BTC', 'ETH', 'SOL'),
  qty: decimalIn(0.01, 40, 100),
  short: fc.boolean(),
  entryMove: decimalIn(-0.3, 0.3, 1000),
  isolated: fc.boolean(),
  isolatedMargin: decimalIn(50, 20000, 100),
  mmr: fc.option(decimalIn(0.002, 0.05, 10000), { nil: null }),
});

const accountArb = fc.record({
  venue: fc.constantFrom('generic' as const, 'binance' as const, 'bybit' as const, 'okx' as const, 'hyperliquid' as const, 'deribit' as const),
  usdt: decimalIn(0, 200000, 100),
  btc: decimalIn(0, 3, 1000),
  perps: fc.array(perpArb, { minLength: 1, maxLength: 5 }),
});

type AccountSpec = typeof accountArb extends fc.Arbitrary<infer T> ? T : never;

function toRows(accounts: AccountSpec[]): PortfolioRow[] {
  let line = 2;
  const rows: PortfolioRow[] = [];
  const base = { contractSize: '1', leverage: null, imr: null, maintenanceAmount: null, haircut: null, expiry: null, option: null };
  accounts.forEach((a, i) => {
    const account = `acct${i}`;
    rows.push({ ...base, line: line++, account, venue: a.venue, symbol: 'USDT', type: 'spot', underlying: 'USDT', qty: a.usdt === '0' ? '1' : a.usdt, entryPrice: null, markPrice: '1', marginMode: 'cross', isolatedMargin: null, mmr: null });
    if (a.btc !== '0') rows.push({ ...base, line: line++, account, venue: a.venue, symbol: 'BTC', type: 'spot', underlying: 'BTC', qty: a.btc, entryPrice: null, markPrice: MARKS.BTC!, marginMode: 'cross', isolatedMargin: null, mmr: null, haircut: '0.05' });
    for (const p of a.perps) {
      const mark = new Dec(MARKS[p.underlying]!);
      rows.push({
        ...base, line: line++, account, venue: a.venue, symbol: `${p.underlying}USDT`, type: 'perp', underlying: p.underlying,
        qty: p.short ? `-${p.qty}` : p.qty, entryPrice: mark.times(new Dec(1).plus(p.entryMove)).toFixed(), markPrice: mark.toFixed(),
        marginMode: p.isolated ? 'isolated' : 'cross', isolatedMargin: p.isolated ? p.isolatedMargin : null, mmr: p.mmr,
      });
    }
  });
  return rows;
}

const booksArb = fc.array(accountArb, { minLength: 1, maxLength: 3 }).map(toRows);

function shockTo(underlying: string, ratio: Dec): Scenario {
  return { ...EMPTY_SCENARIO, shocks: [[underlying, ratio.minus(1).toFixed()]] };
}

function unitsByKey(report: Report) {
  return new Map(report.accounts.flatMap((a) => a.units.map((u) => [`${a.account}/${u.unit}`, u] as const)));
}

describe('engine invariants (fast-check)', () => {
  it('HF = 1 at every computed liquidation price (relative error < 1e-9)', () => {
    fc.assert(
      fc.property(booksArb, (rows) => {
        const report = evaluate(rows);
        for (const account of report.accounts) {
          for (const unit of account.units) {
            for (const p of unit.positions) {
              if (p.liquidationPrice === null) continue;
              const ratio = new Dec(p.liquidationPrice).div(p.markPrice);
              const moved = evaluate(rows, { scenario: shockTo(p.underlying, ratio) });
              const after = unitsByKey(moved).get(`${account.account}/${unit.unit}`)!;
              expect(after.healthFactor).not.toBeNull();
              expect(new Dec(after.healthFactor!).minus(1).abs().lessThan('1e-9')).toBe(true);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('adding collateral never lowers HF', () => {
    fc.assert(
      fc.property(booksArb, decimalIn(0, 100000, 100), (rows, amount) => {
        const before = unitsByKey(evaluate(rows));
        const after = unitsByKey(evaluate(rows, { scenario: { ...EMPTY_SCENARIO, addCollateral: [['acct0', amount]] } }));
        for (const [key, unit] of before) {
          const hf = after.get(key)!.healthFactor;
          if (unit.healthFactor === null) continue;
          expect(new Dec(hf!).greaterThanOrEqualTo(unit.healthFactor)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('shuffling rows changes no figure', () => {
    fc.assert(
      fc.property(booksArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), ([rows, shuffled]) => {
        const byLine = (r: Report) => {
          const units = [...unitsByKey(r)].map(([k, u]) => [k, { ...u, positions: [...u.positions].sort((a, b) => a.line - b.line) }] as const);
          return Object.fromEntries(units.sort(([a], [b]) => a.localeCompare(b)));
        };
        expect(byLine(evaluate(shuffled))).toEqual(byLine(evaluate(rows)));
      }),
      { numRuns: 60 },
    );
  });

  it('an isolated position never loses more than its margin before it is liquidated', () => {
    fc.assert(
      fc.property(booksArb, (rows) => {
        const report = evaluate(rows);
        for (const account of report.accounts) {
          for (const unit of account.units.filter((u) => u.marginMode === 'isolated')) {
            const p = unit.positions[0]!;
            if (p.liquidationPrice === null) continue;
            const src = rows.find((r) => r.line === p.line)!;
            // loss at the liquidation price: -q * (LP - E)
            const loss = new Dec(src.qty).times(new Dec(p.liquidationPrice).minus(src.entryPrice!)).neg();
            expect(loss.lessThanOrEqualTo(new Dec(src.isolatedMargin!).plus('1e-20'))).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});
