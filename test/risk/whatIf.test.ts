import { describe, expect, it } from 'vitest';
import { prepareFastBook } from '../../src/engine/fast';
import { exposureFromBook, unitsAt } from '../../src/engine/risk/exposure';
import { finishRun, runPaths, startMonteCarlo } from '../../src/engine/risk/montecarlo';
import { riskWhatIf } from '../../src/engine/risk/whatIf';
import { prepareScenario } from '../../src/engine/scenario';
import { EMPTY_SCENARIO, type PortfolioRow, type Scenario } from '../../src/engine/types';
import { prepareAccounts } from '../../src/engine/units';
import { AS_OF, evaluate, row, spot } from '../engine/helpers';
import { expiryIn, optionRow } from '../engine/options/book';
import { PARAMS, annual, market } from './helpers';

function whatIf(rows: PortfolioRow[], scenario: Partial<Scenario>) {
  const book = prepareFastBook(prepareAccounts({ source: 't.csv', rows }, new Map(), { asOf: AS_OF, volShock: 0, days: 0 }));
  const base = exposureFromBook(book);
  const prepared = prepareScenario({ ...EMPTY_SCENARIO, ...scenario }, { targetHF: '1.5', marginCallHF: '1.25' });
  if (!prepared.ok) throw new Error(prepared.error);
  return { base, ...riskWhatIf(base, book, prepared.scenario) };
}

function monteCarloFrom(rows: PortfolioRow[], scenario: Partial<Scenario>, vols: Record<string, number>, paths: number) {
  const w = whatIf(rows, scenario);
  const started = startMonteCarlo(w.model, market(vols), { ...PARAMS, paths }, w.start);
  if (!started.ok) throw new Error(started.error);
  runPaths(started.run, 0, paths);
  const done = finishRun(started.run);
  if (!done.ok) throw new Error(done.error);
  return done.report;
}

// MB(x) = 10.45 + 100(x − 1), MM = 0.5x (one long BTC perp of 1 at 100, mmr 0.5%, 10.45 USDT beside it)
const perpBook = () => [spot('USDT', '10.45', '1'), row({ symbol: 'BTCUSDT', qty: '1', markPrice: '100', entryPrice: '100', mmr: '0.005' })];
const n = 100_000;
const within = (p: number, expected: number) => expect(Math.abs(p - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n));

describe('VaR under the what-if (hand-worked)', () => {
  it('added collateral lifts a unit the price move liquidates', () => {
    // BTC −25% alone: MB(0.75) = 10.45 − 25 = −14.55 ≤ MM: liquidated on every path
    expect(monteCarloFrom(perpBook(), { shocks: [['BTC', '-0.25']] }, { BTC: annual(0.05) }, 1000).units[0]!.pLiquidation).toBe('1.000000');
    // with 20 USDT more: MB(x) = 30.45 + 100(x − 1) = 0.5x at x = 69.55/99.5 = 0.698995;
    // from 0.75 with x = 0.75 + 0.05z: z ≤ (0.698995 − 0.75)/0.05 = −1.0201, N(−1.0201) = 0.15385 (normal table)
    const report = monteCarloFrom(perpBook(), { shocks: [['BTC', '-0.25']], addCollateral: [['main', '20']] }, { BTC: annual(0.05) }, n);
    expect(report.units[0]!.marginBalance).toBe('5.45'); // 30.45 − 25
    within(Number(report.units[0]!.pLiquidation), 0.15385);
  });

  it('a cut realises the closed PnL at the scenario price and halves the risk', () => {
    // BTC −5%, half the perp closed at 95: realised 0.5 × (95 − 100) = −2.5, so
    // MB(x) = 10.45 − 2.5 + 0.5·(100x − 100) = 50x − 42.05, MB(0.95) = 5.45 (a cut leaves the balance as it was)
    // MM = 0.5 × 0.005 × 100x = 0.25x; HF = 1 at 49.75x = 42.05, x = 0.845226
    // from 0.95 with x = 0.95 + 0.05z: z ≤ −2.09548, N(−2.0955) = 0.01806 (normal table)
    const report = monteCarloFrom(perpBook(), { shocks: [['BTC', '-0.05']], cuts: [['cross:main', '0.5']] }, { BTC: annual(0.05) }, n);
    expect(report.units[0]!.marginBalance).toBe('5.45');
    within(Number(report.units[0]!.pLiquidation), 0.01806);
    // PnL = 50·0.05·z: σ = 2.5, VaR 99% → 2.5 × 2.326348 = 5.8159 (standard error 2.5·√(0.0099/n)/0.0266521 = 0.0295)
    expect(Math.abs(Number(report.book.tails[0]!.var) - 5.8159)).toBeLessThan(4 * 0.0295);
  });

  it('nothing in the scenario: the model and the start are today', () => {
    const w = whatIf(perpBook(), {});
    expect(w.model).toBe(w.base);
    expect([...w.start]).toEqual([1, 1]);
  });

  it('a price-only step keeps the model (and so its plans): only the start moves', () => {
    const rows = perpBook();
    const book = prepareFastBook(prepareAccounts({ source: 't.csv', rows }, new Map(), { asOf: AS_OF, volShock: 0, days: 0 }));
    const base = exposureFromBook(book);
    const at = (shock: string) => {
      const p = prepareScenario({ ...EMPTY_SCENARIO, shocks: [['BTC', shock]], addCollateral: [['main', '5']] }, { targetHF: '1.5', marginCallHF: '1.25' });
      if (!p.ok) throw new Error(p.error);
      return riskWhatIf(base, book, p.scenario);
    };
    const a = at('-0.1');
    const b = at('-0.2');
    expect(b.model).toBe(a.model);
    expect(a.start[a.model.underlyings.indexOf('BTC')]).toBeCloseTo(0.9, 15);
    expect(b.start[b.model.underlyings.indexOf('BTC')]).toBeCloseTo(0.8, 15);
  });
});

describe('VaR under the what-if = the decimal engine where the paths start', () => {
  // cross perp, short call and isolated put with an entry (BTC), a Deribit inverse perp and a short
  // ETH put beside USDC in a second account
  const rows = (): PortfolioRow[] => [
    spot('USDT', '20000', '1'),
    row({ symbol: 'BTCUSDT', qty: '0.5', markPrice: '60000', entryPrice: '58000', mmr: '0.005' }),
    optionRow({ qty: '-2', type: 'call', strike: '70000', mark: '1500', S: '60000', iv: '0.6', expiry: expiryIn(0.25) }),
    { ...optionRow({ qty: '1', type: 'put', strike: '55000', mark: '1200', S: '60000', iv: '0.65', expiry: expiryIn(0.1) }), entryPrice: '1000', marginMode: 'isolated' as const, isolatedMargin: '0' },
    spot('USDC', '50000', '1', { venue: 'deribit', account: 'd' }),
    row({ venue: 'deribit', account: 'd', symbol: 'BTC-PERPETUAL', underlying: 'BTC', qty: '100000', entryPrice: '61000', markPrice: '60000', inverse: true }),
    { ...optionRow({ qty: '-3', type: 'put', strike: '3000', mark: '150', S: '3400', iv: '0.7', expiry: expiryIn(0.2), venue: 'deribit', underlying: 'ETH' }), account: 'd' },
  ];
  const scenarios: Array<Partial<Scenario>> = [
    { shocks: [['BTC', '-0.2']], all: '0.05' },
    { shocks: [['ETH', '-0.3']], volShock: '0.5', days: '7' },
    { all: '-0.15', volShock: '-0.2', addCollateral: [['main', '3000'], ['d', '1000']] },
    { shocks: [['BTC', '0.1'], ['USDC', '-0.08']], cuts: [['cross:main', '0.4'], ['cross:d', '0.25']], days: '20' },
  ];
  for (const scenario of scenarios) {
    it(JSON.stringify(scenario), () => {
      const book = rows();
      const w = whatIf(book, scenario);
      const mb = new Float64Array(w.model.units.length);
      const mm = new Float64Array(w.model.units.length);
      unitsAt(w.model, w.start, mb, mm);
      const report = evaluate(book, { scenario: { ...EMPTY_SCENARIO, ...scenario } });
      const units = report.accounts.flatMap((a) => a.units);
      expect(units).toHaveLength(w.model.units.length);
      units.forEach((u, i) => {
        expect(w.model.units[i]!.unit).toBe(u.unit);
        // float64 statistics against decimal money: within a millionth per dollar
        expect(Math.abs(mb[i]! - Number(u.marginBalance))).toBeLessThan(1e-6 * Math.max(1, Math.abs(Number(u.marginBalance))));
        expect(Math.abs(mm[i]! - Number(u.maintenanceMargin))).toBeLessThan(1e-6 * Math.max(1, Number(u.maintenanceMargin)));
      });
    });
  }
});
