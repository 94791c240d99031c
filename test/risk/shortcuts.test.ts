import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/risk/prng';
import { buildSampler } from '../../src/engine/risk/sampler';
import { spot } from '../engine/helpers';
import { market, monteCarlo, perpArb, perpRow } from './helpers';

/**
 * The speed-ups must not change a figure: units settled by thresholds (plan.ts) against the same run
 * with every unit evaluated on every path step, and the factor sampler against the correlation it
 * must reproduce.
 */
describe('threshold shortcut = every unit on every path', () => {
  it('random books: Binance tiers, fixed rates with a maintenance amount (MM 0 at low prices), cross and isolated, several steps, from what-if prices (property)', () => {
    fc.assert(
      fc.property(
        fc.array(perpArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('binance', 'generic'),
        fc.integer({ min: 0, max: 1000 }),
        // paths from today's prices or a what-if's; USDT has no volatility here, so it stays where it starts
        fc.record({ BTC: fc.constantFrom(1, 0.75, 1.2), SOL: fc.constantFrom(1, 0.6), USDT: fc.constantFrom(1, 0.96) }),
        (positions, venue, seed, start) => {
          const rows = [
            spot('USDT', '3000', '1', { venue }),
            // one account: the drawn accounts are left aside
            ...positions.map((p) => perpRow(venue, p, 'main')),
          ];
          const m = market({ BTC: 0.9, ETH: 1.1, SOL: 1.4 });
          const params = { paths: 400, seed, horizonDays: 3, stepsPerDay: 4, confidences: [0.99, 0.9] };
          const fast = monteCarlo(rows, m, params, null, start);
          const slow = monteCarlo(rows, m, { ...params, everyUnitPerPath: true }, null, start);
          expect(fast.book.pAnyLiquidation).toBe(slow.book.pAnyLiquidation);
          fast.units.forEach((u, i) => {
            const s = slow.units[i]!;
            expect(u.pLiquidation).toBe(s.pLiquidation);
            expect(u.pMarginCall).toBe(s.pMarginCall);
            u.tails.forEach((t, k) => {
              expect(Math.abs(Number(t.var) - Number(s.tails[k]!.var))).toBeLessThanOrEqual(0.011);
              expect(Math.abs(Number(t.es) - Number(s.tails[k]!.es))).toBeLessThanOrEqual(0.011);
            });
          });
          fast.book.tails.forEach((t, k) => expect(Math.abs(Number(t.var) - Number(slow.book.tails[k]!.var))).toBeLessThanOrEqual(0.011));
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('factor sampler', () => {
  it('one correlation ρ shared by most pairs: a common factor reproduces the matrix with a few hundred terms', () => {
    // 40 assets: 0.55 between every pair (the default for assets without a sourced figure), except
    // assets 0–3 whose pairs are 0.76 (like BTC, ETH, SOL, XRP)
    const n = 40;
    const c = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[i * n + j] = i === j ? 1 : i < 4 && j < 4 ? 0.76 : 0.55;
    const sampler = buildSampler(c, n, Int32Array.from({ length: n }, (_, i) => i));
    // a dense factor has n(n+1)/2 = 820 terms; the common factor: 40 loadings + 40 diagonal + 6 for the block
    expect(sampler.factors).toBe(n + 1);
    expect(sampler.val.length).toBeLessThanOrEqual(40 + 40 + 6);
    // B Bᵀ = C exactly (up to rounding): the covariance of z = B ε
    const rows = Array.from({ length: n }, (_, j) => {
      const r = new Float64Array(sampler.factors);
      for (let k = sampler.start[j]!; k < sampler.start[j + 1]!; k++) r[sampler.col[k]!] = sampler.val[k]!;
      return r;
    });
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let f = 0; f < sampler.factors; f++) dot += rows[i]![f]! * rows[j]![f]!;
        expect(dot).toBeCloseTo(c[i * n + j]!, 12);
      }
    }
  });

  it('sample correlation of the draws converges to ρ', () => {
    const n = 3;
    const c = Float64Array.from([1, 0.55, 0.55, 0.55, 1, 0.55, 0.55, 0.55, 1]);
    const sampler = buildSampler(c, n, Int32Array.from([0, 1, 2]));
    const rng = createRng(1, 0);
    const draws = 200_000;
    let s01 = 0;
    let s00 = 0;
    let s11 = 0;
    const eps = new Float64Array(sampler.factors);
    const z = new Float64Array(n);
    for (let d = 0; d < draws; d++) {
      for (let f = 0; f < sampler.factors; f++) eps[f] = rng.normal();
      for (let j = 0; j < n; j++) {
        z[j] = 0;
        for (let k = sampler.start[j]!; k < sampler.start[j + 1]!; k++) z[j]! += sampler.val[k]! * eps[sampler.col[k]!]!;
      }
      s01 += z[0]! * z[1]!;
      s00 += z[0]! * z[0]!;
      s11 += z[1]! * z[1]!;
    }
    // standard error of a sample correlation ≈ (1 − ρ²)/√N = 0.0016
    expect(Math.abs(s01 / Math.sqrt(s00 * s11) - 0.55)).toBeLessThan(4 * 0.0016);
  });
});
