import brackets from './binance-brackets.json';
import { parseLeverageBrackets, type TierTables } from './tiers';

/**
 * Binance USDⓈ-M tier tables shipped with the app: data, not code. The JSON keeps Binance's own
 * `leverageBracket` shape, so a newer dump can replace it as it comes; `asOf` and `source` say
 * where each table was read.
 */
function load(): TierTables {
  const parsed = parseLeverageBrackets(brackets.tables, brackets.source, brackets.asOf);
  if (!parsed.ok) throw new Error(`built-in Binance tiers are invalid: ${parsed.errors.join('; ')}`);
  return parsed.tables;
}

export const BINANCE_TIER_TABLES: TierTables = load();
export const BINANCE_TIERS_AS_OF: string = brackets.asOf;
export const BINANCE_TIERS_SOURCE: string = brackets.source;
