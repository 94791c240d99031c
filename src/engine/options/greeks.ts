import { markFactor, prepareScenario } from '../scenario';
import { isStablecoin } from '../stablecoins';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type Portfolio, type Scenario } from '../types';
import { bsGreeks } from './blackScholes';
import { yearsToExpiry } from './time';

/**
 * Portfolio greeks per underlying under a what-if, in float64 (statistics: sums of model figures;
 * rows' decimal strings are read with Number() here only). Position greek = qty * contract size *
 * the greek per unit of underlying; perps and futures add q * cs to delta and spot holdings q.
 */
export interface UnderlyingGreeks {
  underlying: string;
  /** the underlying price under the what-if (the first option's, else the first perp/spot mark) */
  price: number;
  options: number;
  /** in units of the underlying */
  delta: number;
  gamma: number;
  /** per 1.00 of vol */
  vega: number;
  /** per year */
  theta: number;
  rho: number;
}

export type GreeksOutcome = { ok: true; underlyings: UnderlyingGreeks[] } | { ok: false; error: string };

export function portfolioGreeks({ portfolio, asOf, scenario }: { portfolio: Portfolio; asOf: string; scenario?: Scenario }): GreeksOutcome {
  const checked = prepareScenario(scenario ?? EMPTY_SCENARIO, DEFAULT_THRESHOLDS);
  if (!checked.ok) return checked;
  const s = checked.scenario;
  const volFactor = 1 + s.volShock.toNumber();
  const days = s.days.toNumber();
  const byUnderlying = new Map<string, UnderlyingGreeks & { factor: number }>();
  const years = new Map<string, number>();
  const yearsTo = (expiry: string) => {
    let T = years.get(expiry);
    if (T === undefined) {
      T = yearsToExpiry(expiry, asOf, days);
      years.set(expiry, T);
    }
    return T;
  };
  for (const row of portfolio.rows) {
    if (isStablecoin(row.underlying)) continue;
    let g = byUnderlying.get(row.underlying);
    if (!g) {
      g = { underlying: row.underlying, price: 0, options: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0, factor: markFactor(s, row.underlying).toNumber() };
      byUnderlying.set(row.underlying, g);
    }
    const size = Number(row.qty) * Number(row.contractSize);
    if (row.type === 'option' && row.option && row.expiry) {
      const S = Number(row.option.underlyingPrice) * g.factor;
      const u = bsGreeks({
        type: row.option.optionType, S, K: Number(row.option.strike), r: Number(row.option.rate),
        sigma: Number(row.option.iv) * volFactor, T: yearsTo(row.expiry),
      });
      if (g.options === 0) g.price = S;
      g.options++;
      g.delta += size * u.delta;
      g.gamma += size * u.gamma;
      g.vega += size * u.vega;
      g.theta += size * u.theta;
      g.rho += size * u.rho;
    } else if (row.type !== 'option') {
      g.delta += size;
      if (g.price === 0) g.price = Number(row.markPrice) * g.factor;
    }
  }
  return { ok: true, underlyings: [...byUnderlying.values()].map(({ factor: _factor, ...g }) => g) };
}
