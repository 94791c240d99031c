import { Dec } from '../decimal';

export const OKX_AS_OF = '2025-06-01';
export const OKX_SOURCE = 'OKX Help "Tiered maintenance margin ratio rules" (liquidation at margin ratio 100%: equity <= maintenance margin + liquidation fees; isolated: (margin + PnL) / (face value × |contracts| × mark × (tier mmr + fee rate))); OKX fee schedule, regular user Lv1 perpetual taker 0.05%; docs/venue-sources.md §9';

/** OKX's taker fee, added to the maintenance rate in the liquidation condition. */
export const OKX_TAKER_FEE = new Dec('0.0005');
