import { markFactor, prepareScenario } from '../scenario';
import { isStablecoin } from '../stablecoins';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type OptionType, type Portfolio, type Scenario } from '../types';
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

/**
 * A portfolio read once for greeks (numbers parsed, expiries as years): the worker keeps it per
 * portfolio, so a slider move only prices. Positions are not merged by contract: building a key
 * per row costs more than the Black-Scholes call it would save (measured in bench/options.ts).
 */
export interface GreeksBook {
  underlyings: Array<{
    underlying: string;
    /** delta of the linear rows: sum of qty * contract size */
    linearDelta: number;
    /** the first option's underlying price, else the first linear row's mark, else 0 */
    price: number;
    options: number;
  }>;
  contracts: Array<{ underlying: number; type: OptionType; S: number; K: number; r: number; iv: number; expiry: string; size: number }>;
}

export function compileGreeks(portfolio: Portfolio): GreeksBook {
  const underlyings: GreeksBook['underlyings'] = [];
  const byName = new Map<string, number>();
  const hasOptionPrice: boolean[] = [];
  const contracts: GreeksBook['contracts'] = [];
  for (const row of portfolio.rows) {
    let u = byName.get(row.underlying);
    if (u === undefined) {
      if (isStablecoin(row.underlying)) continue;
      u = underlyings.push({ underlying: row.underlying, linearDelta: 0, price: 0, options: 0 }) - 1;
      hasOptionPrice.push(false);
      byName.set(row.underlying, u);
    }
    const g = underlyings[u]!;
    const size = Number(row.qty) * Number(row.contractSize);
    if (row.type === 'option' && row.option && row.expiry) {
      const o = row.option;
      if (!hasOptionPrice[u]) {
        g.price = Number(o.underlyingPrice);
        hasOptionPrice[u] = true;
      }
      g.options++;
      contracts.push({ underlying: u, type: o.optionType, S: Number(o.underlyingPrice), K: Number(o.strike), r: Number(o.rate), iv: Number(o.iv), expiry: row.expiry, size });
    } else if (row.type !== 'option') {
      g.linearDelta += size;
      if (g.price === 0) g.price = Number(row.markPrice);
    }
  }
  return { underlyings, contracts };
}

export function portfolioGreeks({ portfolio, asOf, scenario }: { portfolio: Portfolio | GreeksBook; asOf: string; scenario?: Scenario }): GreeksOutcome {
  const checked = prepareScenario(scenario ?? EMPTY_SCENARIO, DEFAULT_THRESHOLDS);
  if (!checked.ok) return checked;
  const book = 'rows' in portfolio ? compileGreeks(portfolio) : portfolio;
  const s = checked.scenario;
  const volFactor = 1 + s.volShock.toNumber();
  const days = s.days.toNumber();
  const factors = book.underlyings.map((g) => markFactor(s, g.underlying).toNumber());
  const out: UnderlyingGreeks[] = book.underlyings.map((g, u) => ({ underlying: g.underlying, price: g.price * factors[u]!, options: g.options, delta: g.linearDelta, gamma: 0, vega: 0, theta: 0, rho: 0 }));
  const years = new Map<string, number>();
  for (const c of book.contracts) {
    let T = years.get(c.expiry);
    if (T === undefined) {
      T = yearsToExpiry(c.expiry, asOf, days);
      years.set(c.expiry, T);
    }
    const u = bsGreeks({ type: c.type, S: c.S * factors[c.underlying]!, K: c.K, r: c.r, sigma: c.iv * volFactor, T });
    const g = out[c.underlying]!;
    g.delta += c.size * u.delta;
    g.gamma += c.size * u.gamma;
    g.vega += c.size * u.vega;
    g.theta += c.size * u.theta;
    g.rho += c.size * u.rho;
  }
  return { ok: true, underlyings: out };
}
