import { Dec } from '../decimal';
import { halfOfMaxLeverage, ladderTable } from './deduction';
import type { TierTable, TierTables } from './tiers';

export const HYPERLIQUID_AS_OF = '2025-06-01';
export const HYPERLIQUID_SOURCE = 'Hyperliquid Docs, Trading > Margin tiers (mainnet tables); docs/venue-sources.md §7';

/** A margin table as Hyperliquid's `marginTable` info response gives it. */
export interface HyperliquidMarginTable {
  description?: string;
  marginTiers: Array<{ lowerBound: string | number; maxLeverage: string | number }>;
}

/** mmr = 1 / (2 × max leverage) per tier, the deduction by Hyperliquid's recursion. */
export function hyperliquidTable(symbol: string, table: HyperliquidMarginTable, asOf = HYPERLIQUID_AS_OF, source = HYPERLIQUID_SOURCE): TierTable {
  const steps = table.marginTiers.map((t) => {
    const maxLeverage = new Dec(String(t.maxLeverage));
    return { floor: new Dec(String(t.lowerBound)), maxLeverage, mmr: halfOfMaxLeverage(maxLeverage) };
  });
  return ladderTable(symbol, steps, asOf, source);
}

const two = (first: number, cap: string, second: number): HyperliquidMarginTable => ({
  marginTiers: [{ lowerBound: 0, maxLeverage: first }, { lowerBound: cap, maxLeverage: second }],
});

/** Mainnet tiers from the docs: BTC 40x to 150M then 20x, ETH 25x/15x at 100M, SOL and XRP 20x/10x, two 10x/5x groups. */
const MAINNET: ReadonlyArray<[coins: string[], table: HyperliquidMarginTable]> = [
  [['BTC'], two(40, '150000000', 20)],
  [['ETH'], two(25, '100000000', 15)],
  [['SOL'], two(20, '70000000', 10)],
  [['XRP'], two(20, '40000000', 10)],
  [['DOGE', 'KPEPE', 'SUI', 'WLD', 'TRUMP', 'LTC', 'ENA', 'POPCAT', 'WIF', 'AAVE', 'KBONK', 'LINK', 'CRV', 'AVAX', 'ADA', 'UNI', 'NEAR', 'TIA', 'APT', 'BCH', 'HYPE', 'FARTCOIN'], two(10, '20000000', 5)],
  [['OP', 'ARB', 'LDO', 'TON', 'MKR', 'ONDO', 'JUP', 'INJ', 'KSHIB', 'SEI', 'TRX', 'BNB', 'DOT'], two(10, '3000000', 5)],
];

export const HYPERLIQUID_TIER_TABLES: TierTables = new Map(
  MAINNET.flatMap(([coins, table]) => coins.map((coin): [string, TierTable] => [coin, hyperliquidTable(coin, table)])),
);
