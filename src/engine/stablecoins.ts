/** The quote currencies of linear contracts (portfolio-csv.md). */
export const STABLECOINS: ReadonlySet<string> = new Set(['USD', 'USDT', 'USDC', 'DAI', 'BUSD', 'FDUSD', 'TUSD', 'USDE', 'PYUSD']);

export function isStablecoin(asset: string): boolean {
  return STABLECOINS.has(asset.toUpperCase());
}
