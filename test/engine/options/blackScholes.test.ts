import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bsGreeks, bsPrice } from '../../../src/engine/options/blackScholes';

/**
 * Published values: J. C. Hull, Options, Futures, and Other Derivatives, 9th ed. (Pearson, 2015):
 * - Example 15.6: S0 = 42, K = 40, r = 10%, sigma = 20%, T = 0.5: d1 = 0.7693, d2 = 0.6278,
 *   c = 4.76, p = 0.81;
 * - Chapter 19's running example (Examples 19.1-19.7 and Section 19.1): S0 = 49, K = 50, r = 5%,
 *   sigma = 20%, T = 20 weeks = 0.3846: call worth about 2.40 (the $240,000 for 100,000 calls),
 *   delta 0.522, theta -4.31 per year, gamma 0.066, vega 12.1, rho 8.91.
 */
describe('Black-Scholes (Hull)', () => {
  it('Example 15.6: call 4.76, put 0.81', () => {
    expect(bsPrice('call', 42, 40, 0.5, 0.1, 0.2)).toBeCloseTo(4.76, 2);
    expect(bsPrice('put', 42, 40, 0.5, 0.1, 0.2)).toBeCloseTo(0.81, 2);
  });

  it('chapter 19: price 2.40, delta 0.522, gamma 0.066, vega 12.1, theta -4.31 / year, rho 8.91', () => {
    const g = bsGreeks({ type: 'call', S: 49, K: 50, T: 20 / 52, r: 0.05, sigma: 0.2 });
    expect(g.price).toBeCloseTo(2.4, 2);
    expect(g.delta).toBeCloseTo(0.522, 3);
    expect(g.gamma).toBeCloseTo(0.066, 3);
    expect(g.vega).toBeCloseTo(12.1, 1);
    expect(g.theta).toBeCloseTo(-4.31, 2);
    expect(g.rho).toBeCloseTo(8.91, 2);
  });

  it("the put's delta is the call's minus 1 (Hull eq. 19.3): -0.478 in chapter 19's example", () => {
    expect(bsGreeks({ type: 'put', S: 49, K: 50, T: 20 / 52, r: 0.05, sigma: 0.2 }).delta).toBeCloseTo(-0.478, 3);
  });

  const market = fc.record({
    S: fc.double({ min: 1, max: 200_000, noNaN: true }),
    moneyness: fc.double({ min: 0.3, max: 3, noNaN: true }),
    T: fc.double({ min: 0.001, max: 3, noNaN: true }),
    r: fc.double({ min: -0.02, max: 0.15, noNaN: true }),
    sigma: fc.double({ min: 0.05, max: 3, noNaN: true }),
  });

  it('put-call parity: c - p = S - K e^(-rT) (Hull eq. 11.6)', () => {
    fc.assert(
      fc.property(market, ({ S, moneyness, T, r, sigma }) => {
        const K = S * moneyness;
        const gap = bsPrice('call', S, K, T, r, sigma) - bsPrice('put', S, K, T, r, sigma) - (S - K * Math.exp(-r * T));
        return Math.abs(gap) <= 1e-9 * Math.max(S, K);
      }),
    );
  });

  it('greeks agree with central differences of the price', () => {
    fc.assert(
      fc.property(market, fc.constantFrom('call' as const, 'put' as const), ({ S, moneyness, T, r, sigma }, type) => {
        const K = S * moneyness;
        const g = bsGreeks({ type, S, K, T, r, sigma });
        const h = S * 1e-4;
        const price = (s: number, t = T, v = sigma, rr = r) => bsPrice(type, s, K, t, rr, v);
        const delta = (price(S + h) - price(S - h)) / (2 * h);
        const vega = (price(S, T, sigma + 1e-5) - price(S, T, sigma - 1e-5)) / 2e-5;
        const theta = -(price(S, T + 1e-6) - price(S, T - 1e-6)) / 2e-6;
        const close = (a: number, b: number, scale: number) => Math.abs(a - b) <= 1e-4 * scale;
        return close(g.delta, delta, 1) && close(g.vega, vega, S) && close(g.theta, theta, S * (1 + sigma) / Math.sqrt(T));
      }),
    );
  });

  it('at expiry an option is worth its intrinsic value, and never less than 0', () => {
    expect(bsPrice('call', 110, 100, 0, 0.05, 0.5)).toBe(10);
    expect(bsPrice('put', 110, 100, 0, 0.05, 0.5)).toBe(0);
    expect(bsGreeks({ type: 'put', S: 90, K: 100, T: 0, r: 0, sigma: 0.5 })).toMatchObject({ price: 10, delta: -1, gamma: 0, vega: 0 });
  });
});
