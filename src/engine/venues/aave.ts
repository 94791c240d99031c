import { Dec, ONE, ZERO, readDecimalText } from '../decimal';

export const AAVE_AS_OF = '2024-01-01';
export const AAVE_SOURCE = 'Aave risk parameters (docs.aave.com/risk/asset-risk/risk-parameters; reference values, markets differ); LiquidationLogic.sol close factor constants; docs/venue-sources.md §3';

/** One reserve's liquidation parameters as fractions: threshold 0.825, bonus 0.05 (Aave's 10500 bps). */
export interface AaveReserve {
  liquidationThreshold: Dec;
  liquidationBonus: Dec;
}

const reserve = (lt: string, bonus: string): AaveReserve => ({ liquidationThreshold: new Dec(lt), liquidationBonus: new Dec(bonus) });

/** Reference parameters (docs/venue-sources.md §3.1); a user loads the market's own with parseAaveReserves. */
export const AAVE_RESERVES: ReadonlyMap<string, AaveReserve> = new Map([
  ['ETH', reserve('0.825', '0.05')],
  ['WETH', reserve('0.825', '0.05')],
  ['USDC', reserve('0.85', '0.05')],
  ['DAI', reserve('0.8', '0.05')],
  ['BTC', reserve('0.75', '0.1')],
  ['WBTC', reserve('0.75', '0.1')],
  ['AAVE', reserve('0.65', '0.1')],
]);

/** Haircuts (1 - liquidation threshold) by asset, for the venue's collateral. */
export function aaveHaircuts(reserves: ReadonlyMap<string, AaveReserve>): ReadonlyMap<string, Dec> {
  return new Map([...reserves].map(([asset, r]) => [asset, ONE.minus(r.liquidationThreshold)]));
}

const BPS = new Dec(10000);

/**
 * Reads reserves as Aave's UiPoolDataProvider lists them: `[{ symbol, reserveLiquidationThreshold:
 * "8250", reserveLiquidationBonus: "10500" }]` (basis points; a bonus of 10500 means 5%).
 */
export function parseAaveReserves(json: unknown): { ok: true; reserves: Map<string, AaveReserve> } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const reserves = new Map<string, AaveReserve>();
  if (!Array.isArray(json)) return { ok: false, errors: ['expected an array of reserves'] };
  json.forEach((item: unknown, i) => {
    const r = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const symbol = typeof r['symbol'] === 'string' ? r['symbol'].trim().toUpperCase() : '';
    const lt = readDecimalText(String(r['reserveLiquidationThreshold'] ?? ''));
    const bonus = readDecimalText(String(r['reserveLiquidationBonus'] ?? ''));
    if (!symbol) errors.push(`[${i}].symbol: expected the reserve's symbol`);
    if (!lt || lt.lt(0) || lt.gt(BPS)) errors.push(`[${i}].reserveLiquidationThreshold: expected basis points from 0 to 10000`);
    if (!bonus || bonus.lt(BPS)) errors.push(`[${i}].reserveLiquidationBonus: expected basis points of 10000 or more (10500 = 5% bonus)`);
    if (symbol && lt && bonus) reserves.set(symbol, { liquidationThreshold: lt.div(BPS), liquidationBonus: bonus.div(BPS).minus(ONE) });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, reserves };
}

/** Aave V3 LiquidationLogic: 50% of the debt may be repaid above HF 0.95, all of it at or below. */
export const CLOSE_FACTOR_HF_THRESHOLD = new Dec('0.95');

export function closeFactor(healthFactor: Dec): Dec {
  return healthFactor.lessThanOrEqualTo(CLOSE_FACTOR_HF_THRESHOLD) ? ONE : new Dec('0.5');
}

/**
 * What one liquidation costs the borrower: the liquidator repays `closeFactor × debt` and takes
 * collateral worth that much times (1 + bonus); the bonus part is the loss.
 */
export function liquidationCost(debt: Dec, healthFactor: Dec, bonus: Dec): { closeFactor: Dec; repaid: Dec; cost: Dec } {
  const factor = closeFactor(healthFactor);
  const repaid = debt.times(factor);
  return { closeFactor: factor, repaid, cost: bonus.gt(0) ? repaid.times(bonus) : ZERO };
}
