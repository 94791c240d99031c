import { Dec, decStr } from '../decimal';
import type { PositionReport } from '../types';
import { greeksAt, type PreparedOption } from './repricing';

/** A float64 model figure as a plain decimal string, to 12 significant digits (the model's own accuracy is coarser). */
export function modelStr(x: number): string {
  return decStr(new Dec(x.toPrecision(12)));
}

type OptionFields = Pick<PositionReport, 'theoreticalPrice' | 'delta' | 'gamma' | 'vega' | 'theta' | 'rho' | 'liquidationPrices'>;

/**
 * The option figures of a position, at the underlying price being evaluated and under the what-if's
 * vol and time: the model price and greeks per unit of underlying (delta, gamma, vega per 1.00 of
 * vol, theta per year, rho per 1.00 of rate), and every underlying price where the unit's HF is 1.
 */
export function optionFigures(option: PreparedOption, underlyingPrice: Dec, roots: readonly Dec[] | null, priced: boolean): OptionFields {
  const g = greeksAt(option, underlyingPrice.toNumber());
  return {
    theoreticalPrice: modelStr(g.price),
    delta: modelStr(g.delta),
    gamma: modelStr(g.gamma),
    vega: modelStr(g.vega),
    theta: modelStr(g.theta),
    rho: modelStr(g.rho),
    liquidationPrices: priced && roots ? roots.map((x) => decStr(x.times(underlyingPrice))) : [],
  };
}
