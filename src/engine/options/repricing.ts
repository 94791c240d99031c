import { Dec, ZERO } from '../decimal';
import type { OptionType, Portfolio, PortfolioRow } from '../types';
import { bsGreeks, bsPrice, type Greeks } from './blackScholes';
import { yearsToExpiry } from './time';

/**
 * The portfolio with option rows stripped of their model terms, so the engine holds them at their
 * mark (no repricing): for analyses that do not price options yet (cascade, stress and VaR).
 */
export function holdOptionsAtMark(portfolio: Portfolio): Portfolio {
  return portfolio.rows.some((r) => r.option) ? { ...portfolio, rows: portfolio.rows.map((r) => (r.option ? { ...r, option: null } : r)) } : portfolio;
}

/** No repricing context: valuation time and what-if do not matter once options are held at mark. */
export const HELD_AT_MARK: OptionContext = { asOf: '1970-01-01T00:00:00Z', volShock: 0, days: 0 };

/** What one evaluation holds fixed for every option: the valuation time and the what-if's vol and time. */
export interface OptionContext {
  /** valuation time, ISO 8601 */
  asOf: string;
  /** relative vol shock v: iv' = iv * (1 + v) */
  volShock: number;
  /** what-if time shift in days: T' = T - days / 365 */
  days: number;
}

/** An option row's model terms, read once per evaluation (float64: see blackScholes.ts). */
export interface PreparedOption {
  type: OptionType;
  /** the underlying price the row was marked against, as a decimal and as a float */
  underlying: Dec;
  S: number;
  strike: Dec;
  K: number;
  r: number;
  /** today's volatility and time to expiry */
  iv: number;
  T: number;
  /** under the what-if: iv * (1 + v) and T - days / 365 */
  ivScenario: number;
  TScenario: number;
  /** the model's price today, BS(S, iv, T): the anchor the mark moves from */
  modelToday: number;
  expired: boolean;
}

export function prepareOption(row: PortfolioRow, context: OptionContext): PreparedOption | null {
  const terms = row.option;
  if (row.type !== 'option' || !terms || !row.expiry) return null;
  const underlying = new Dec(terms.underlyingPrice || row.markPrice);
  const S = underlying.toNumber();
  const K = Number(terms.strike);
  const r = Number(terms.rate);
  const iv = Number(terms.iv);
  const T = yearsToExpiry(row.expiry, context.asOf);
  return {
    type: terms.optionType,
    underlying,
    S,
    strike: new Dec(terms.strike),
    K,
    r,
    iv,
    T,
    ivScenario: Math.max(0, iv * (1 + context.volShock)),
    TScenario: yearsToExpiry(row.expiry, context.asOf, context.days),
    modelToday: bsPrice(terms.optionType, S, K, T, r, iv),
    expired: T <= 0,
  };
}

/**
 * The same option under another what-if's vol shock and time shift (prepared once, scenarios many:
 * the fast path's exact fallback). T' = max(0, T - days / 365) as yearsToExpiry computes it.
 */
export function optionUnderWhatIf(option: PreparedOption, volShock: number, days: number): PreparedOption {
  return { ...option, ivScenario: Math.max(0, option.iv * (1 + volShock)), TScenario: Math.max(0, option.T - days / 365) };
}

/** The model's price at underlying price S under the what-if's vol and time. */
export function modelPriceAt(option: PreparedOption, S: number, volFactor = 1): number {
  return bsPrice(option.type, S, option.K, option.TScenario, option.r, option.ivScenario * volFactor);
}

/**
 * The option's mark when its underlying is at `underlyingPrice` (margin-model.md):
 * M' = max(0, M + BS(S', iv', T') - BS(S, iv, T)). The model's change is a float64 figure; it
 * enters the decimal world through its shortest round-trip string. With no shock M' = M exactly.
 */
export function repricedMark(option: PreparedOption, mark: Dec, underlyingPrice: Dec): Dec {
  const S = underlyingPrice.equals(option.underlying) ? option.S : underlyingPrice.toNumber();
  const change = modelPriceAt(option, S) - option.modelToday;
  if (change === 0) return mark;
  const moved = mark.plus(new Dec(String(change)));
  return moved.lt(0) ? ZERO : moved;
}

/** Price and greeks per unit of underlying at S' under the what-if. */
export function greeksAt(option: PreparedOption, S: number): Greeks {
  return bsGreeks({ type: option.type, S, K: option.K, T: option.TScenario, r: option.r, sigma: option.ivScenario });
}
