import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExposureModel } from '../../src/engine/risk/exposure';
import { finishRun, runPaths, startHistorical } from '../../src/engine/risk/montecarlo';
import { importReturns } from '../../src/import/returns';
import { row, spot } from '../engine/helpers';
import { annual, market, monteCarlo } from './helpers';

/**
 * Standard normal figures from published tables (e.g. Hull, "Options, Futures and Other
 * Derivatives", Table for N(x)); ES of a normal loss is σ·φ(z)/(1−α) (McNeil, Frey & Embrechts,
 * "Quantitative Risk Management", Example 2.14).
 */
const Z = { 0.99: 2.326348, 0.975: 1.959964 } as const;
const PHI_AT_Z = { 0.99: 0.0266521, 0.975: 0.0584409 } as const;

/** One long BTC perp of 1 at 100 with 1,000 USDT beside it: PnL = 100·(x − 1). */
const linearBook = () => [spot('USDT', '1000', '1'), row({ symbol: 'BTCUSDT', qty: '1', markPrice: '100', entryPrice: '100', mmr: '0.005' })];

describe('Monte Carlo VaR and ES', () => {
  it('one linear position with normal returns: VaR → σ·z and ES → σ·φ(z)/(1−α)', () => {
    const n = 100_000;
    const daily = 0.02; // σ of PnL = 100 × 0.02 = 2 USDT over one day
    const sigma = 2;
    const report = monteCarlo(linearBook(), market({ BTC: annual(daily) }), { paths: n });
    for (const alpha of [0.99, 0.975] as const) {
      const tail = report.book.tails.find((t) => t.confidence === String(alpha))!;
      const z = Z[alpha];
      const phi = PHI_AT_Z[alpha];
      // standard error of a sample quantile: σ·√(α(1−α)/N)/φ(z)
      const seVar = (sigma * Math.sqrt((alpha * (1 - alpha)) / n)) / phi;
      // of the tail mean: σ·√((tail variance + α(ES−VaR)²)/(N(1−α))), tail variance 1 + zλ − λ², λ = φ(z)/(1−α)
      const lambda = phi / (1 - alpha);
      const seEs = sigma * Math.sqrt((1 + z * lambda - lambda * lambda + alpha * (lambda - z) ** 2) / (n * (1 - alpha)));
      expect(Math.abs(Number(tail.var) - sigma * z)).toBeLessThan(4 * seVar);
      expect(Math.abs(Number(tail.es) - sigma * lambda)).toBeLessThan(4 * seEs);
      // the single unit carries the whole book
      expect(report.units[0]!.tails.find((t) => t.confidence === String(alpha))).toEqual(tail);
    }
  });

  it('lognormal returns: VaR → 100·(1 − exp(−σz − σ²/2))', () => {
    const n = 100_000;
    const report = monteCarlo(linearBook(), market({ BTC: annual(0.02) }), { paths: n, returns: 'lognormal' });
    // hand: exp(−0.02 × 2.326348 − 0.0002) = exp(−0.04672696) = 0.9543478, so VaR = 4.56522
    const expected = 100 * (1 - Math.exp(-0.02 * Z[0.99] - 0.0002));
    const se = (2 * Math.sqrt((0.99 * 0.01) / n)) / PHI_AT_Z[0.99];
    expect(Math.abs(Number(report.book.tails[0]!.var) - expected)).toBeLessThan(4 * se);
  });

  it('path-based liquidation probability: one step equals P(x ≤ liquidation ratio); more steps see more', () => {
    // MB(x) = 10.45 + 100(x − 1), MM = 0.5x: HF = 1 at x = (100 − 10.45)/99.5 = 0.9
    const rows = [spot('USDT', '10.45', '1'), row({ symbol: 'BTCUSDT', qty: '1', markPrice: '100', entryPrice: '100', mmr: '0.005' })];
    const n = 100_000;
    const m = market({ BTC: annual(0.05) });
    const end = Number(monteCarlo(rows, m, { paths: n }).units[0]!.pLiquidation);
    // x = 1 + 0.05 z ≤ 0.9 ⇔ z ≤ −2: N(−2) = 0.02275 (normal table)
    expect(Math.abs(end - 0.02275)).toBeLessThan(4 * Math.sqrt((0.02275 * 0.97725) / n));
    const path = Number(monteCarlo(rows, m, { paths: n, stepsPerDay: 24 }).units[0]!.pLiquidation);
    // reflection principle: continuous monitoring doubles it (0.0455); 24 looks fall in between
    expect(path).toBeGreaterThan(end * 1.3);
    expect(path).toBeLessThan(0.0455 + 0.003);
  });

  describe("from a what-if's prices (the paths start at the scenario's ratios)", () => {
    // MB(x) = 10.45 + 100(x − 1), MM = 0.5x: HF = 1 at x = (100 − 10.45)/99.5 = 0.9
    const rows = () => [spot('USDT', '10.45', '1'), row({ symbol: 'BTCUSDT', qty: '1', markPrice: '100', entryPrice: '100', mmr: '0.005' })];
    const n = 100_000;
    const m = market({ BTC: annual(0.05) });

    it('BTC −5%: the balance is measured there and a path liquidates from there', () => {
      const report = monteCarlo(rows(), m, { paths: n }, null, { BTC: 0.95 });
      // MB(0.95) = 10.45 + 100 × (0.95 − 1) = 5.45; the USDT row holds nothing that moves
      expect(report.units[0]!.marginBalance).toBe('5.45');
      // x = 0.95 + 0.05 z ≤ 0.9 ⇔ z ≤ −1: N(−1) = 0.158655 (normal table)
      const p = Number(report.units[0]!.pLiquidation);
      expect(Math.abs(p - 0.158655)).toBeLessThan(4 * Math.sqrt((0.158655 * 0.841345) / n));
    });

    it('BTC −12%: a unit liquidated where the paths start is liquidated on every path', () => {
      const report = monteCarlo(rows(), m, { paths: 1000 }, null, { BTC: 0.88 });
      // MB(0.88) = 10.45 − 12 = −1.55 ≤ MM = 0.44
      expect(report.units[0]!.marginBalance).toBe('-1.55');
      expect(report.units[0]!.pLiquidation).toBe('1.000000');
      expect(report.units[0]!.pMarginCall).toBe('1.000000');
      expect(report.book.pAnyLiquidation).toBe('1.000000');
    });

    it('a linear position loses the same from anywhere under arithmetic returns: VaR → σ·z', () => {
      // PnL = 100·(x − 0.8) with x = 0.8 + 0.02 z: σ = 2 USDT as from today's price
      const from = monteCarlo(linearBook(), market({ BTC: annual(0.02) }), { paths: n }, null, { BTC: 0.8 });
      const today = monteCarlo(linearBook(), market({ BTC: annual(0.02) }), { paths: n });
      const se = (2 * Math.sqrt((0.99 * 0.01) / n)) / PHI_AT_Z[0.99];
      expect(Math.abs(Number(from.book.tails[0]!.var) - 2 * Z[0.99])).toBeLessThan(4 * se);
      // the same draws: the two differ by float rounding of the start at most
      expect(Math.abs(Number(from.book.tails[0]!.var) - Number(today.book.tails[0]!.var))).toBeLessThanOrEqual(0.01);
    });
  });

  it('ES ≥ VaR for the book and every unit (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ qty: fc.integer({ min: -50, max: 50 }).filter((q) => q !== 0), asset: fc.constantFrom('BTC', 'ETH', 'SOL'), isolated: fc.boolean() }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        (positions, seed) => {
          const rows = [spot('USDT', '5000', '1'), ...positions.map((p) => row({ symbol: `${p.asset}USDT`, qty: String(p.qty), markPrice: '100', mmr: '0.01', ...(p.isolated ? { marginMode: 'isolated' as const, isolatedMargin: '300' } : {}) }))];
          const report = monteCarlo(rows, market({ BTC: 0.6, ETH: 0.8, SOL: 1 }), { paths: 300, seed, horizonDays: 7 });
          for (const tails of [report.book.tails, ...report.units.map((u) => u.tails)]) {
            for (const t of tails) expect(Number(t.es)).toBeGreaterThanOrEqual(Number(t.var));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the same seed gives the same result; another seed another', () => {
    const m = market({ BTC: 0.6 });
    const a = monteCarlo(linearBook(), m, { seed: 11 });
    const b = monteCarlo(linearBook(), m, { seed: 11 });
    const c = monteCarlo(linearBook(), m, { seed: 12 });
    expect(b).toEqual(a);
    expect(c.book.tails).not.toEqual(a.book.tails);
  });

  it('a run fed in chunks, in any order, equals the one-shot run', () => {
    const rows = [...linearBook(), row({ symbol: 'ETHUSDT', qty: '-3', markPrice: '30', mmr: '0.01' })];
    const m = { assets: ['BTC', 'ETH'], vols: ['0.6', '0.8'], correlations: [['1', '0.7'], ['0.7', '1']] };
    const once = monteCarlo(rows, m, { paths: 1000, horizonDays: 7 });
    const chunked = monteCarlo(rows, m, { paths: 1000, horizonDays: 7 }, [700, 300, 0, 250, 250, 450]);
    expect(chunked).toEqual(once);
  });

  it('reordering positions changes nothing', () => {
    const rows = [
      spot('USDT', '4000', '1'),
      row({ symbol: 'BTCUSDT', qty: '0.5', markPrice: '60000', mmr: '0.01' }),
      row({ symbol: 'ETHUSDT', qty: '-4', markPrice: '3000', mmr: '0.01' }),
      row({ symbol: 'SOLUSDT', qty: '20', markPrice: '150', marginMode: 'isolated', isolatedMargin: '600', mmr: '0.01' }),
    ];
    const m = { assets: ['BTC', 'ETH', 'SOL'], vols: ['0.55', '0.78', '0.98'], correlations: [['1', '0.76', '0.75'], ['0.76', '1', '0.68'], ['0.75', '0.68', '1']] };
    const a = monteCarlo(rows, m, { horizonDays: 7, paths: 2000 });
    const b = monteCarlo([rows[3]!, rows[2]!, rows[0]!, rows[1]!], m, { horizonDays: 7, paths: 2000 });
    const close = (x: string, y: string) => expect(Math.abs(Number(x) - Number(y))).toBeLessThan(0.01);
    a.book.tails.forEach((t, i) => {
      close(t.var, b.book.tails[i]!.var);
      close(t.es, b.book.tails[i]!.es);
    });
    for (const unit of a.units) {
      const other = b.units.find((u) => u.label === unit.label)!;
      expect(other.pLiquidation).toBe(unit.pLiquidation);
      unit.tails.forEach((t, i) => close(t.var, other.tails[i]!.var));
    }
  });

  it('refuses a correlation matrix that is not positive definite, naming the assets', () => {
    const m = { assets: ['BTC', 'ETH', 'SOL'], vols: ['0.5', '0.5', '0.5'], correlations: [['1', '0.9', '-0.9'], ['0.9', '1', '0.9'], ['-0.9', '0.9', '1']] };
    expect(() => monteCarlo([row({ symbol: 'BTCUSDT', qty: '1', markPrice: '1' }), row({ symbol: 'ETHUSDT', qty: '1', markPrice: '1' }), row({ symbol: 'SOLUSDT', qty: '1', markPrice: '1' })], m)).toThrow(
      /not positive definite: the correlations of SOL together with BTC, ETH/,
    );
  });
});

describe('historical simulation', () => {
  // long 1 BTC at 100: PnL on a day = 100 × return
  const csv = ['date,asset,return', ...[-0.05, 0.02, -0.1, 0.03, 0.01, -0.02, 0.04, -0.07, 0, 0.05].map((r, i) => `2024-01-${String(i + 1).padStart(2, '0')},BTC,${r}`)].join('\n');

  function historical(horizonDays: number, confidences: number[]) {
    const parsed = importReturns('returns.csv', csv);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const model = buildExposureModel({ source: 't.csv', rows: linearBook() });
    const started = startHistorical(model, parsed.table, { horizonDays, confidences, marginCallHF: 1.25 });
    if (!started.ok) throw new Error(started.error);
    runPaths(started.run, 0, started.run.paths);
    const done = finishRun(started.run);
    if (!done.ok) throw new Error(done.error);
    return done.report;
  }

  it('one-day VaR/ES by hand from ten returns', () => {
    // losses, largest first: 10, 7, 5, 2, 0, −1, −2, −3, −4, −5
    // α = 0.8: m = ⌈10 × 0.2⌉ = 2 → VaR 7, ES (10 + 7)/2 = 8.5; α = 0.75: m = 3 → VaR 5, ES 22/3 = 7.33
    const report = historical(1, [0.8, 0.75]);
    expect(report.paths).toBe(10);
    expect(report.book.tails).toEqual([
      { confidence: '0.8', var: '7.00', es: '8.50' },
      { confidence: '0.75', var: '5.00', es: '7.33' },
    ]);
  });

  it('two-day windows compound the returns', () => {
    // windows 100·((1+a)(1+b) − 1): −3.1, −8.2, −7.3, 4.03, −1.02, 1.92, −3.28, −7, 5
    // losses: 8.2, 7.3, 7, 3.28, ...; α = 0.8: m = ⌈9 × 0.2⌉ = 2 → VaR 7.3, ES 7.75
    const report = historical(2, [0.8]);
    expect(report.paths).toBe(9);
    expect(report.book.tails).toEqual([{ confidence: '0.8', var: '7.30', es: '7.75' }]);
  });

  it('returns file problems name FILE:LINE:COLUMN', () => {
    const bad = importReturns('r.csv', 'date,asset,return\n2024-01-01,BTC,0.01\n2024-13-45,BTC,0.02\n2024-01-03,ETH,1.5%\n2024-01-01,BTC,0.03\n');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`)).toEqual([
      'r.csv:3:date: expected an ISO date such as 2024-03-12',
      'r.csv:4:return: expected a fraction, not a percent (0.005, not 0.5%)',
      'r.csv:5:asset: BTC on 2024-01-01 appears twice; expected one return per date and asset',
    ]);
  });
});
