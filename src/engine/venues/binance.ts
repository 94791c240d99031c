import brackets from './binance-brackets.json';
import { Dec } from '../decimal';
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

/**
 * Multi-Assets Mode collateral value ratios as haircuts: "BTC, ETH, and BNB used as margin in
 * multi-asset mode will receive a 5% value haircut. XRP, DOT, and ADA ... a 10% value haircut"
 * (Binance FAQ "What Is Multi-Assets Mode", table dated 2021-05-28; SOL 90% in the same table).
 * Stablecoins count at full value. A row's own haircut column always wins.
 */
export const BINANCE_MULTI_ASSET_HAIRCUTS: ReadonlyMap<string, Dec> = new Map([
  ['BTC', new Dec('0.05')],
  ['ETH', new Dec('0.05')],
  ['BNB', new Dec('0.05')],
  ['XRP', new Dec('0.1')],
  ['ADA', new Dec('0.1')],
  ['DOT', new Dec('0.1')],
  ['SOL', new Dec('0.1')],
]);
