import { Dec, ZERO } from '../decimal';
import type { VenueId } from '../types';
import { AAVE_AS_OF, AAVE_RESERVES, AAVE_SOURCE, aaveHaircuts } from './aave';
import { BINANCE_MULTI_ASSET_HAIRCUTS, BINANCE_TIER_TABLES } from './binance';
import { BYBIT_AS_OF, BYBIT_COLLATERAL_BANDS, BYBIT_SOURCE, BYBIT_TIER_TABLES, type CollateralBand } from './bybit';
import { DERIBIT_AS_OF, DERIBIT_FUTURES, DERIBIT_SOURCE, type SizeScaledRates } from './deribit';
import { HYPERLIQUID_AS_OF, HYPERLIQUID_SOURCE, HYPERLIQUID_TIER_TABLES } from './hyperliquid';
import { OKX_AS_OF, OKX_SOURCE, OKX_TAKER_FEE, OKX_TIER_TABLES } from './okx';
import { tierAtQuantity, type TierTable, type TierTables } from './tiers';

/** The margin rules of one venue (margin-model.md, "Venues"). */
export interface VenueRules {
  id: VenueId;
  label: string;
  /** `margin`: MB / MM with tiers; `lending`: Aave's collateral * LT / debt */
  kind: 'margin' | 'lending';
  defaultImr: Dec;
  defaultMmr: Dec;
  /** built-in tier tables by symbol; empty where the venue uses the row's own rates */
  tiers: TierTables;
  /** whether user-loaded tables under the bare symbol (Binance's leverage brackets) apply to this venue's rows */
  acceptsBrackets: boolean;
  /** collateral haircut by asset when the row gives none */
  haircuts: ReadonlyMap<string, Dec>;
  /** tiered collateral value ratios by quantity of the asset (Bybit), applied band by band */
  collateralBands?: ReadonlyMap<string, CollateralBand[]>;
  /** linear contracts are margined on their value at entry, not at the mark (Bybit) */
  marginOnEntry?: boolean;
  /** added to the maintenance rate in the liquidation condition (OKX's taker fee) */
  liquidationFee?: Dec;
  /** tier tables counted in the position's size, not its notional (OKX counts contracts) */
  tiersBySize?: boolean;
  /** futures rates growing with the position's size in the coin (Deribit) */
  sizeScaled?: SizeScaledRates;
  /** when and where the rules were read */
  asOf?: string;
  source?: string;
}

const NO_TIERS: TierTables = new Map();
const NO_HAIRCUTS: ReadonlyMap<string, Dec> = new Map();

export const VENUES: ReadonlyMap<VenueId, VenueRules> = new Map<VenueId, VenueRules>([
  ['generic', { id: 'generic', label: 'Generic', kind: 'margin', defaultImr: new Dec('0.01'), defaultMmr: new Dec('0.005'), tiers: NO_TIERS, acceptsBrackets: false, haircuts: NO_HAIRCUTS }],
  ['binance', { id: 'binance', label: 'Binance USDⓈ-M', kind: 'margin', defaultImr: new Dec('0.01'), defaultMmr: new Dec('0.005'), tiers: BINANCE_TIER_TABLES, acceptsBrackets: true, haircuts: BINANCE_MULTI_ASSET_HAIRCUTS }],
  ['aave-v3', { id: 'aave-v3', label: 'Aave v3', kind: 'lending', defaultImr: ZERO, defaultMmr: ZERO, tiers: NO_TIERS, acceptsBrackets: false, haircuts: aaveHaircuts(AAVE_RESERVES), asOf: AAVE_AS_OF, source: AAVE_SOURCE }],
  ['bybit', { id: 'bybit', label: 'Bybit linear', kind: 'margin', defaultImr: new Dec('0.01'), defaultMmr: new Dec('0.005'), tiers: BYBIT_TIER_TABLES, acceptsBrackets: false, haircuts: NO_HAIRCUTS, collateralBands: BYBIT_COLLATERAL_BANDS, marginOnEntry: true, asOf: BYBIT_AS_OF, source: BYBIT_SOURCE }],
  ['okx', { id: 'okx', label: 'OKX', kind: 'margin', defaultImr: new Dec('0.01'), defaultMmr: new Dec('0.005'), tiers: OKX_TIER_TABLES, tiersBySize: true, acceptsBrackets: false, haircuts: NO_HAIRCUTS, liquidationFee: OKX_TAKER_FEE, asOf: OKX_AS_OF, source: OKX_SOURCE }],
  // unknown coins: Hyperliquid's most common table, 10x, so mmr = 1 / (2 × 10) and imr = 1 / 10
  ['hyperliquid', { id: 'hyperliquid', label: 'Hyperliquid', kind: 'margin', defaultImr: new Dec('0.1'), defaultMmr: new Dec('0.05'), tiers: HYPERLIQUID_TIER_TABLES, acceptsBrackets: false, haircuts: NO_HAIRCUTS, asOf: HYPERLIQUID_AS_OF, source: HYPERLIQUID_SOURCE }],
  ['deribit', { id: 'deribit', label: 'Deribit', kind: 'margin', defaultImr: DERIBIT_FUTURES.imr, defaultMmr: DERIBIT_FUTURES.mmr, tiers: NO_TIERS, acceptsBrackets: false, haircuts: NO_HAIRCUTS, sizeScaled: DERIBIT_FUTURES, asOf: DERIBIT_AS_OF, source: DERIBIT_SOURCE }],
]);

export function venueRules(id: VenueId): VenueRules {
  const rules = VENUES.get(id);
  if (!rules) throw new Error(`unknown venue ${id}`);
  return rules;
}

/**
 * The tier table for a row: user-loaded tables first (they replace built-ins symbol by symbol;
 * Binance's keyed by the bare symbol, any other venue's by `venue:KEY`, params.ts userTableKey), then the venue's own. Looked up by the symbol, then by
 * `${underlying}USDT` so that a venue-neutral symbol such as `BTC-PERP` on a Binance account still
 * finds BTCUSDT's tiers, then by the coin (Hyperliquid names its tables by coin). A table counted in
 * size (OKX) comes back fixed at the tier of `quantity`, the position's size in the underlying
 * (|q| × contract size): its rate does not move with the price.
 */
export function tierTableFor(
  venue: VenueRules,
  symbol: string,
  underlying: string,
  userTables: TierTables,
  quantity: Dec,
): TierTable | undefined {
  const keys = [symbol.toUpperCase(), `${underlying.toUpperCase()}USDT`, underlying.toUpperCase()];
  for (const key of keys) {
    // Binance's loaded brackets sit under the bare symbol; another venue's loaded tiers (OKX) under `venue:KEY`
    const table = userTables.get(venue.acceptsBrackets ? key : `${venue.id}:${key}`) ?? venue.tiers.get(key);
    if (table) return tierAtQuantity(table, quantity);
  }
  return undefined;
}
