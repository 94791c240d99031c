import { Dec, ZERO } from '../decimal';
import type { VenueId } from '../types';
import { bsPrice } from './blackScholes';
import { deribitOptionMargin } from './deribitMargin';
import { modelPriceAt, type PreparedOption } from './repricing';
import { scenarioSigma, spanGrid, type RiskGrid } from './riskGrid';

/**
 * The risk matrix that margins a `generic` short option: SPAN's 16 scenarios with a price scan range
 * of 15% and a vol scan range of 25% (relative), crypto-sized defaults of this project.
 */
export const GENERIC_OPTION_GRID: RiskGrid = spanGrid(0.15, 0.25);

export interface OptionMarginInput {
  venue: VenueId;
  option: PreparedOption;
  /** signed quantity times contract size */
  size: Dec;
  /** the underlying price being evaluated and the option's mark there */
  underlyingPrice: Dec;
  mark: Dec;
}

/**
 * Worst weighted loss of one short option over a grid, from the state being evaluated (float64
 * statistics over scenarios; the result enters money totals through its string).
 */
export function worstLossPerUnit(option: PreparedOption, S: number, mark: number, grid: RiskGrid): number {
  const today = modelPriceAt(option, S);
  let worst = 0;
  for (const s of grid.scenarios) {
    const sigma = scenarioSigma(option.ivScenario, s.vol, option.TScenario, grid.volScaling);
    const moved = Math.max(0, mark + bsPrice(option.type, S * (1 + s.price), option.K, option.TScenario, option.r, sigma) - today);
    worst = Math.max(worst, s.weight * (moved - mark));
  }
  return worst;
}

/** Initial and maintenance margin of one option position (margin-model.md: long options need none). */
export function optionMargin({ venue, option, size, underlyingPrice, mark }: OptionMarginInput): { im: Dec; mm: Dec } {
  if (!size.lt(0)) return { im: ZERO, mm: ZERO };
  if (venue === 'deribit') return deribitOptionMargin({ type: option.type, size, underlyingPrice, strike: option.strike, mark });
  // generic and every other venue: the worst loss over the risk matrix; no separate initial rule
  const loss = worstLossPerUnit(option, underlyingPrice.toNumber(), mark.toNumber(), GENERIC_OPTION_GRID);
  const mm = new Dec(String(loss)).times(size.abs());
  return { im: mm, mm };
}
