import type { OptionType } from '../types';
import { normCdf, normPdf } from './normal';

/**
 * Black-Scholes on the underlying price S (no dividends, continuously compounded rate r), in float64.
 * A model is a statistic, not money: float64's 15-16 digits are far finer than the model's own
 * error, and the grids and liquidation scans call it millions of times. Figures that enter money
 * totals (a repriced mark) are turned into decimals through a string (see repricing.ts).
 *
 * Conventions (margin-model.md, docs/options.md): T in years (ACT/365), sigma annualised as a
 * fraction; greeks per unit of underlying: delta, gamma, vega per 1.00 of vol, theta per year, rho
 * per 1.00 of rate. At T <= 0 or sigma <= 0 the option is worth its (discounted) intrinsic value.
 */
export interface BsInput {
  type: OptionType;
  S: number;
  K: number;
  T: number;
  r: number;
  sigma: number;
}

export interface Greeks {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
}

function degenerate(i: BsInput): boolean {
  return !(i.T > 0) || !(i.sigma > 0) || !(i.S > 0);
}

/** The price alone: the hot path of grids and scans. */
export function bsPrice(type: OptionType, S: number, K: number, T: number, r: number, sigma: number): number {
  if (!(T > 0) || !(sigma > 0) || !(S > 0)) {
    const df = T > 0 ? Math.exp(-r * T) : 1;
    return type === 'call' ? Math.max(0, S - K * df) : Math.max(0, K * df - S);
  }
  const sqrtT = Math.sqrt(T);
  const sd = sigma * sqrtT;
  const d1 = (Math.log(S / K) + (r + 0.5 * sigma * sigma) * T) / sd;
  const d2 = d1 - sd;
  const df = Math.exp(-r * T);
  return type === 'call' ? S * normCdf(d1) - K * df * normCdf(d2) : K * df * normCdf(-d2) - S * normCdf(-d1);
}

/** Price and greeks (Hull, Options, Futures, and Other Derivatives, ch. 15 and 19). */
export function bsGreeks(i: BsInput): Greeks {
  if (degenerate(i)) {
    const price = bsPrice(i.type, i.S, i.K, i.T, i.r, i.sigma);
    // expired (or no volatility): a step in S; gamma, vega and theta vanish away from the strike
    const itm = i.type === 'call' ? i.S > i.K : i.S < i.K;
    return { price, delta: itm ? (i.type === 'call' ? 1 : -1) : 0, gamma: 0, vega: 0, theta: 0, rho: 0 };
  }
  const { S, K, T, r, sigma } = i;
  const sqrtT = Math.sqrt(T);
  const d1 = (Math.log(S / K) + (r + 0.5 * sigma * sigma) * T) / (sigma * sqrtT);
  const d2 = d1 - sigma * sqrtT;
  const df = Math.exp(-r * T);
  const pdf = normPdf(d1);
  const gamma = pdf / (S * sigma * sqrtT);
  const vega = S * sqrtT * pdf;
  const decay = (-S * pdf * sigma) / (2 * sqrtT);
  const n1 = normCdf(d1);
  const n2 = normCdf(d2);
  if (i.type === 'call') {
    return { price: S * n1 - K * df * n2, delta: n1, gamma, vega, theta: decay - r * K * df * n2, rho: K * T * df * n2 };
  }
  // N(-x) = 1 - N(x)
  return { price: K * df * (1 - n2) - S * (1 - n1), delta: n1 - 1, gamma, vega, theta: decay + r * K * df * (1 - n2), rho: -K * T * df * (1 - n2) };
}
