import { Dec, ZERO } from '../decimal';
import type { VenueId } from '../types';
import { BINANCE_MULTI_ASSET_HAIRCUTS, BINANCE_TIER_TABLES } from './binance';
import type { TierTable, TierTables } from './tiers';

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
  /** whether user-loaded leverage brackets apply to this venue's rows */
  acceptsBrackets: boolean;
  /** collateral haircut by asset when the row gives none */
  haircuts: ReadonlyMap<string, Dec>;
}

const NO_TIERS: TierTables = new Map();
const NO_HAIRCUTS: ReadonlyMap<string, Dec> = new Map();

export const VENUES: ReadonlyMap<VenueId, VenueRules> = new Map<VenueId, VenueRules>([
  ['generic', { id: 'generic', label: 'Generic', kind: 'margin', defaultImr: new Dec('0.01'), defaultMmr: new Dec('0.005'), tiers: NO_TIERS, acceptsBrackets: false, haircuts: NO_HAIRCUTS }],
  ['binance', { id: 'binance', label: 'Binance USDⓈ-M', kind: 'margin', defaultImr: new Dec('0.01'), defaultMmr: new Dec('0.005'), tiers: BINANCE_TIER_TABLES, acceptsBrackets: true, haircuts: BINANCE_MULTI_ASSET_HAIRCUTS }],
  // options: src/engine/options/deribitMargin.ts; futures rules: venues issue (treated like generic until then)
  ['deribit', { id: 'deribit', label: 'Deribit', kind: 'margin', defaultImr: new Dec('0.01'), defaultMmr: new Dec('0.005'), tiers: NO_TIERS, acceptsBrackets: false, haircuts: NO_HAIRCUTS }],
  ['aave-v3', { id: 'aave-v3', label: 'Aave v3', kind: 'lending', defaultImr: ZERO, defaultMmr: ZERO, tiers: NO_TIERS, acceptsBrackets: false, haircuts: NO_HAIRCUTS }],
]);

export function venueRules(id: VenueId): VenueRules {
  const rules = VENUES.get(id);
  if (!rules) throw new Error(`unknown venue ${id}`);
  return rules;
}

/**
 * The tier table for a row: user-loaded tables first (they replace built-ins symbol by symbol),
 * then the venue's own. Looked up by the symbol, then by `${underlying}USDT` so that a venue-neutral
 * symbol such as `BTC-PERP` on a Binance account still finds BTCUSDT's tiers.
 */
export function tierTableFor(
  venue: VenueRules,
  symbol: string,
  underlying: string,
  userTables: TierTables,
): TierTable | undefined {
  if (!venue.acceptsBrackets) return undefined;
  const keys = [symbol.toUpperCase(), `${underlying.toUpperCase()}USDT`];
  for (const key of keys) {
    const table = userTables.get(key) ?? venue.tiers.get(key);
    if (table) return table;
  }
  return undefined;
}
