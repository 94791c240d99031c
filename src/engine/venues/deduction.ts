import { Dec, ONE, ZERO } from '../decimal';
import type { Tier, TierTable } from './tiers';

/** One step of a venue's risk-limit ladder as venues publish it: a cap (or lower bound), a rate, a leverage. */
export interface LadderStep {
  /** notional this tier starts at (the previous tier's risk limit) */
  floor: Dec;
  mmr: Dec;
  maxLeverage: Dec;
}

const NO_CAP = new Dec('1e30');

/**
 * A tier table from a ladder, the deduction made by the recursion Bybit and Hyperliquid both publish:
 * `deduction(n) = deduction(n-1) + floor(n) * (mmr(n) - mmr(n-1))`, so that MM is continuous in the
 * notional. The last tier has no cap.
 */
export function ladderTable(symbol: string, steps: readonly LadderStep[], asOf: string, source: string): TierTable {
  const tiers: Tier[] = [];
  let cum = ZERO;
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    if (previous) cum = cum.plus(step.floor.times(step.mmr.minus(previous.mmr)));
    const next = steps[i + 1];
    tiers.push({ bracket: i + 1, floor: step.floor, cap: next ? next.floor : NO_CAP, mmr: step.mmr, cum, maxLeverage: step.maxLeverage });
  });
  return { symbol, asOf, source, tiers };
}

/** Hyperliquid's rule: the maintenance rate is half the initial rate at the tier's maximum leverage. */
export function halfOfMaxLeverage(maxLeverage: Dec): Dec {
  return ONE.div(maxLeverage.times(2));
}
