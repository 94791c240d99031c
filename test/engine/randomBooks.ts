/**
 * Random books for the float64-vs-decimal properties (fast path, fast liquidation solver): margin and
 * lending venues, cross and isolated units, tiers, cuts, spot debt, options priced or held at mark,
 * and random scenarios over them.
 */
import fc from 'fast-check';
import { Dec } from '../../src/engine/decimal';
import { EMPTY_SCENARIO, type PortfolioRow, type Scenario } from '../../src/engine/types';
import { row, spot } from './helpers';

const MARKS: Record<string, number> = { BTC: 60000, ETH: 3000, SOL: 150 };

/** A decimal text between min and max with `scale` steps per unit. */
export const dec = (min: number, max: number, scale: number) =>
  fc.integer({ min: Math.round(min * scale), max: Math.round(max * scale) }).map((n) => new Dec(n).div(scale).toFixed());

const derivativeArb = fc.record({
  underlying: fc.constantFrom('BTC', 'ETH', 'SOL'),
  type: fc.constantFrom('perp' as const, 'perp' as const, 'future' as const, 'option' as const),
  qty: dec(0.01, 60, 100),
  short: fc.boolean(),
  entryMove: fc.option(dec(-0.3, 0.3, 1000), { nil: null }),
  isolated: fc.boolean(),
  isolatedMargin: dec(50, 20000, 100),
  mmr: fc.option(dec(0.002, 0.05, 10000), { nil: null }),
  cum: fc.option(dec(0, 200, 10), { nil: null }),
  leverage: fc.option(fc.constantFrom('5', '10', '20'), { nil: null }),
  priced: fc.boolean(),
});

const accountArb = fc.record({
  venue: fc.constantFrom('generic' as const, 'binance' as const, 'binance' as const, 'aave-v3' as const, 'bybit' as const, 'okx' as const, 'hyperliquid' as const, 'deribit' as const),
  usdt: dec(0, 200000, 100),
  btc: dec(0, 3, 1000),
  debt: fc.option(dec(0.1, 40, 10), { nil: null }),
  derivatives: fc.array(derivativeArb, { minLength: 0, maxLength: 6 }),
});

type AccountSpec = typeof accountArb extends fc.Arbitrary<infer T> ? T : never;

function toRows(accounts: AccountSpec[]): PortfolioRow[] {
  const rows: PortfolioRow[] = [];
  accounts.forEach((a, n) => {
    const base = { account: `acct${n}`, venue: a.venue };
    rows.push(spot('USDT', a.usdt === '0' ? '1' : a.usdt, '1', base));
    if (a.btc !== '0') rows.push(spot('BTC', a.btc, String(MARKS.BTC), { ...base, haircut: a.venue === 'aave-v3' ? '0.2' : null }));
    if (a.debt) rows.push(spot('ETH', `-${a.debt}`, String(MARKS.ETH), base));
    if (a.venue === 'aave-v3') return; // a lending venue holds spot only (portfolio-csv.md)
    for (const d of a.derivatives) {
      const mark = new Dec(MARKS[d.underlying]!);
      const isolated = d.isolated && d.type !== 'option';
      rows.push(row({
        ...base, symbol: `${d.underlying}USDT`, underlying: d.underlying, type: d.type, qty: d.short ? `-${d.qty}` : d.qty,
        markPrice: d.type === 'option' ? '2500' : mark.toFixed(), entryPrice: d.entryMove === null ? null : mark.times(new Dec(1).plus(d.entryMove)).toFixed(),
        marginMode: isolated ? 'isolated' : 'cross', isolatedMargin: isolated ? d.isolatedMargin : null,
        mmr: d.mmr, maintenanceAmount: d.mmr && d.cum ? d.cum : null, leverage: d.leverage,
        expiry: d.type === 'perp' ? null : '2026-06-26T08:00:00Z',
        // an option with its pricing fields is priced (exact fallback); without, it is held at its mark
        option: d.type === 'option' && d.priced ? { strike: mark.toFixed(), optionType: 'call', iv: '0.6', underlyingPrice: mark.toFixed(), rate: '0' } : null,
        // Deribit's perps and futures are inverse: qty is then a USD face value
        ...(a.venue === 'deribit' && d.type !== 'option' ? { inverse: true } : {}),
      }));
    }
  });
  return rows;
}

/** One to three random accounts as portfolio rows. */
export const booksArb = fc.array(accountArb, { minLength: 1, maxLength: 3 }).map(toRows);

/** A random scenario over a book; `optionWhatIf` adds a vol shock and a time shift (options reprice). */
export const scenarioArb = (rows: PortfolioRow[], optionWhatIf = false) =>
  fc.record({
    shocks: fc.array(fc.tuple(fc.constantFrom('BTC', 'ETH', 'SOL', 'USDT'), dec(-0.9, 2, 1000)), { maxLength: 3 }),
    all: dec(-0.9, 3, 200),
    volShock: optionWhatIf ? dec(-0.5, 1, 100) : fc.constant('0'),
    days: optionWhatIf ? dec(0, 30, 1) : fc.constant('0'),
    addCollateral: fc.array(fc.tuple(fc.constantFrom('acct0', 'acct1', 'acct2', 'nobody'), dec(-5000, 50000, 100)), { maxLength: 2 }),
    cuts: fc.array(
      fc.tuple(fc.oneof(fc.constantFrom('cross:acct0', 'cross:acct1'), fc.constantFrom(...rows.map((r) => `line:${r.line}`))), dec(0, 1, 100)),
      { maxLength: 3 },
    ),
  }).map((s): Scenario => ({ ...EMPTY_SCENARIO, ...s }));
