import { describe, expect, it } from 'vitest';
import { buildExposureModel, unitsAt } from '../../src/engine/risk/exposure';
import { applyPreset, type StressPreset } from '../../src/engine/risk/stress';
import { AS_OF, evaluate, row, spot } from '../engine/helpers';
import { expiryIn, optionRow } from '../engine/options/book';
import type { PortfolioRow } from '../../src/engine/types';
import { market, monteCarlo } from './helpers';

/**
 * A Deribit inverse BTC perp: face value F = 1,000,000 USD, mark = entry = 50,000, beside 30,000 USDC.
 * margin-model.md (Deribit): MM = F × (1% + 0.005% × size in BTC), size = F / (50,000·x) = 20/x BTC,
 * so MM(x) = 10,000 + 1,000/x: a c/x term. Balance: F·(x·m − E)/E = 1,000,000·(x − 1), so
 * MB(x) = 30,000 + 1,000,000·(x − 1).
 */
const inverseBook = () => [
  spot('USDC', '30000', '1', { venue: 'deribit' }),
  row({ venue: 'deribit', symbol: 'BTC-PERPETUAL', underlying: 'BTC', qty: '1000000', entryPrice: '50000', markPrice: '50000', inverse: true }),
];

function at(rows: PortfolioRow[], ratios: Record<string, number>, years = 0) {
  const model = buildExposureModel({ source: 't.csv', rows }, new Map(), AS_OF);
  const x = Float64Array.from(model.underlyings, (u) => ratios[u] ?? 1);
  const mb = new Float64Array(model.units.length);
  const mm = new Float64Array(model.units.length);
  unitsAt(model, x, mb, mm, years);
  return { model, mb, mm };
}

describe('inverse, size-scaled rows: the c/x term', () => {
  it('MM(x) = 10,000 + 1,000/x by hand, and the decimal engine agrees', () => {
    for (const [x, mb, mm] of [
      [1, 30_000, 11_000],
      [0.5, -470_000, 12_000], // 10,000 + 1,000/0.5
      [0.8, -170_000, 11_250], // 10,000 + 1,000/0.8
      [2, 1_030_000, 10_500], // 10,000 + 1,000/2
    ] as const) {
      const got = at(inverseBook(), { BTC: x });
      expect(got.mm[0]).toBeCloseTo(mm, 6);
      expect(got.mb[0]).toBeCloseTo(mb, 6);
      const report = evaluate(inverseBook(), { scenario: { shocks: [['BTC', String(x - 1)]], all: '0', volShock: '0', days: '0', addCollateral: [] } });
      const unit = report.accounts[0]!.units[0]!;
      expect(got.mm[0]).toBeCloseTo(Number(unit.maintenanceMargin), 6);
      expect(got.mb[0]).toBeCloseTo(Number(unit.marginBalance), 6);
    }
  });

  it('a path to x = 0.9805 liquidates: HF = 1 at x = 0.981019, not at 0.98 where a model without c/x puts it', () => {
    // 30,000 + 1,000,000(x − 1) = 10,000 + 1,000/x  ⇔  1,000,000x² − 980,000x − 1,000 = 0
    // x = (980,000 + √(980,000² + 4·10⁹)) / 2,000,000 = (980,000 + 982,038.696) / 2,000,000 = 0.9810193
    // at x = 0.9805: MB = 10,500, MM = 10,000 + 1,000/0.9805 = 11,019.888, HF = 0.9528 (a constant
    // MM of 10,000 would give HF 1.05 and no liquidation)
    const preset: StressPreset = {
      id: 't', name: 'dip', date: '2024-01-01', start: '2024-01-01T00:00:00Z', stepHours: 1, hours: 2, summary: '', sources: [], notes: [],
      moves: [{ key: 'BTC', points: [[0, '0'], [1, '-0.0195'], [2, '0']] }],
    };
    const outcome = applyPreset(buildExposureModel({ source: 't.csv', rows: inverseBook() }), preset, 1.25);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.units[0]!.liquidatedAtHour).toBe(1);
    expect(outcome.result.units[0]!.minHF).toBe('0.9528');
  });

  it('Monte Carlo liquidation probability follows the c/x root; the threshold shortcut equals every-path evaluation', () => {
    // normal returns, daily σ = 1%, one step: P(x ≤ 0.9810193) = Φ((0.9810193 − 1)/0.01) = Φ(−1.8981)
    // ≈ 0.0288 (normal table: Φ(−1.89) = 0.02938, Φ(−1.90) = 0.02872; without c/x it would be Φ(−2) = 0.02275)
    const n = 100_000;
    const m = market({ BTC: 0.01 * Math.sqrt(365) });
    const fast = monteCarlo(inverseBook(), m, { paths: n, seed: 3 });
    const p = Number(fast.units[0]!.pLiquidation);
    expect(Math.abs(p - 0.0288)).toBeLessThan(4 * Math.sqrt((0.0288 * 0.9712) / n) + 0.0001);
    const slow = monteCarlo(inverseBook(), m, { paths: n, seed: 3, everyUnitPerPath: true });
    expect(slow.units[0]!.pLiquidation).toBe(fast.units[0]!.pLiquidation);
    expect(slow.units[0]!.pMarginCall).toBe(fast.units[0]!.pMarginCall);
    expect(slow.units[0]!.tails).toEqual(fast.units[0]!.tails);
  });
});

describe('priced options repriced per path (Black-Scholes, float64)', () => {
  // a short call on the generic venue (margined on the SPAN grid), a short put on Deribit, a long
  // isolated put with an entry price, and a perp; every option priced (strike, iv, underlying price)
  const book = () => [
    spot('USDT', '20000', '1'),
    row({ symbol: 'BTCUSDT', qty: '0.5', markPrice: '60000', entryPrice: '58000', mmr: '0.005' }),
    optionRow({ qty: '-2', type: 'call', strike: '70000', mark: '1500', S: '60000', iv: '0.6', expiry: expiryIn(0.25) }),
    { ...optionRow({ qty: '1', type: 'put', strike: '55000', mark: '1200', S: '60000', iv: '0.65', expiry: expiryIn(0.1) }), entryPrice: '1000', marginMode: 'isolated' as const, isolatedMargin: '0' },
    spot('USDC', '50000', '1', { venue: 'deribit', account: 'd' }),
    optionRow({ qty: '-3', type: 'put', strike: '3000', mark: '150', S: '3400', iv: '0.7', expiry: expiryIn(0.2), venue: 'deribit', underlying: 'ETH' }),
  ].map((r) => ({ ...r, account: r.venue === 'deribit' ? 'd' : r.account }));

  it('matches the decimal repricing M′ = max(0, M + BS(S′, iv, T′) − BS(S, iv, T)) with its margins, under moves and time', () => {
    const rows = book();
    for (const [btc, eth, days] of [[0, 0, 0], [-0.2, 0.1, 0], [0.15, -0.3, 3], [-0.5, -0.6, 10], [0.4, 0.5, 30]] as const) {
      const got = at(rows, { BTC: 1 + btc, ETH: 1 + eth }, days / 365);
      const report = evaluate(rows, { scenario: { shocks: [['BTC', String(btc)], ['ETH', String(eth)]], all: '0', volShock: '0', days: String(days), addCollateral: [] } });
      const units = report.accounts.flatMap((a) => a.units);
      expect(units).toHaveLength(got.model.units.length);
      units.forEach((u, i) => {
        expect(got.model.units[i]!.unit).toBe(u.unit);
        // float64 statistics against decimal money: within a millionth of a dollar per thousand
        expect(Math.abs(got.mb[i]! - Number(u.marginBalance))).toBeLessThan(1e-6 * Math.max(1, Math.abs(Number(u.marginBalance))));
        expect(Math.abs(got.mm[i]! - Number(u.maintenanceMargin))).toBeLessThan(1e-6 * Math.max(1, Number(u.maintenanceMargin)));
      });
    }
  });

  it('an option unit is evaluated on every path; without model terms an option is held at its mark with a note', () => {
    const priced = monteCarlo(book(), market({ BTC: 0.6, ETH: 0.8 }), { paths: 500, horizonDays: 7 });
    expect(priced.warnings).toEqual([]);
    const bare = { ...optionRow({ qty: '1', type: 'call', strike: '70000', mark: '1500', S: '60000', iv: '0.6', expiry: expiryIn(0.25) }), option: null };
    const held = monteCarlo([spot('USDT', '100', '1'), bare], market({ BTC: 0.6 }), { paths: 100 });
    expect(held.warnings[0]).toMatch(/^1 option row\(s\): options without model terms/);
    // held at its mark: the balance never moves, so VaR is 0
    expect(held.book.tails[0]!.var).toBe('0.00');
  });
});
