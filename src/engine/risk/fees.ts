import { Dec, ZERO } from '../decimal';
import type { VenueId } from '../types';

/** A venue's taker fee on notional, with where the figure comes from. */
export interface TakerFee {
  rate: Dec;
  source: string;
  asOf: string;
}

/**
 * Taker fees of the base (non-VIP, no BNB discount) tier. A liquidation or a market close pays the
 * taker rate on the notional closed.
 */
export const TAKER_FEES: ReadonlyMap<VenueId, TakerFee> = new Map<VenueId, TakerFee>([
  ['binance', { rate: new Dec('0.0005'), asOf: '2025-01', source: 'Binance USDⓈ-M futures fee schedule, Regular tier: maker 0.0200%, taker 0.0500% (https://www.binance.com/en/support/faq/360033544231; tier table as restated at https://babianfox.com/en/kb/binance-futures-fee/)' }],
  ['generic', { rate: new Dec('0.0005'), asOf: '2025-01', source: 'assumption: the Binance Regular-tier taker rate (0.05%), the most common retail rate' }],
  ['aave-v3', { rate: ZERO, asOf: '2025-01', source: 'Aave v3 charges no trading fee; repaying a loan is not a trade (swap fees are not modelled)' }],
]);

export function takerFee(venue: VenueId): TakerFee {
  return TAKER_FEES.get(venue) ?? TAKER_FEES.get('generic')!;
}
