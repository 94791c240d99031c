import { Dec } from '../decimal';

export const DERIBIT_AS_OF = '2025-06-01';
export const DERIBIT_SOURCE = 'Deribit Support "Linear Perpetual" (BTC_USDC: IM 2% + size in BTC × 0.005%, MM 1% + size in BTC × 0.005%; 25 BTC at 100,000: IM 53,125, MM 28,125 USDC), as margin-model.md "Venues" states them for futures; Deribit futures contract specification (BTC contract USD 10, cash settled in BTC); docs/venue-sources.md §8';

/**
 * Deribit futures rates that grow with the size of the position in the coin:
 * `imr = 2% + 0.005% × size`, `mmr = 1% + 0.005% × size` (size in BTC). For an inverse contract the size
 * in the coin is its USD face value divided by the mark, so the rate moves with the price.
 */
export interface SizeScaledRates {
  imr: Dec;
  mmr: Dec;
  /** added to both rates per coin of size, by underlying; coins not listed add nothing */
  perCoin: ReadonlyMap<string, Dec>;
}

export const DERIBIT_FUTURES: SizeScaledRates = {
  imr: new Dec('0.02'),
  mmr: new Dec('0.01'),
  perCoin: new Map([['BTC', new Dec('0.00005')]]),
};
