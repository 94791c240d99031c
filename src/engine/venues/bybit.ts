import { Dec } from '../decimal';
import { ladderTable } from './deduction';
import type { TierTables } from './tiers';

export const BYBIT_AS_OF = '2025-06-01';
export const BYBIT_SOURCE = 'Bybit "Margin Parameters" (announcement-info/margin-parameters), USDT perpetual BTCUSDT; docs/venue-sources.md §6';

/**
 * BTCUSDT risk limits as Bybit publishes them: [risk limit of the tier, max leverage, mmr].
 * The tier starts at the previous tier's risk limit; the deduction is not copied but recomputed by the
 * published recursion (the test checks it against Bybit's own deduction column).
 */
const BTCUSDT: ReadonlyArray<[limit: string, leverage: string, mmr: string]> = [
  ['2000000', '100', '0.005'], ['2600000', '90', '0.0056'], ['3200000', '80', '0.0063'], ['3800000', '75', '0.0067'],
  ['4400000', '70', '0.0071'], ['5000000', '65', '0.0077'], ['5600000', '55', '0.0091'], ['8500000', '50', '0.01'],
  ['10000000', '45', '0.013'], ['14000000', '40', '0.015'], ['20000000', '35', '0.016'], ['28000000', '30', '0.02'],
  ['38000000', '25', '0.025'], ['50000000', '20', '0.029'], ['55000000', '19', '0.03'], ['60000000', '18', '0.035'],
  ['65000000', '17', '0.036'], ['70000000', '16', '0.038'], ['75000000', '15', '0.04'], ['80000000', '14', '0.045'],
];

function fromRiskLimits(symbol: string, rows: typeof BTCUSDT) {
  return ladderTable(
    symbol,
    rows.map(([, leverage, mmr], i) => ({ floor: new Dec(i === 0 ? 0 : rows[i - 1]![0]), mmr: new Dec(mmr), maxLeverage: new Dec(leverage) })),
    BYBIT_AS_OF,
    BYBIT_SOURCE,
  );
}

export const BYBIT_TIER_TABLES: TierTables = new Map([['BTCUSDT', fromRiskLimits('BTCUSDT', BTCUSDT)]]);

/** One band of a tiered collateral value ratio: quantities of the asset up to `upTo` count at `ratio`. */
export interface CollateralBand {
  upTo: Dec | null;
  ratio: Dec;
}

/**
 * Unified Trading Account tiered collateral value ratios, by quantity of the asset, applied band by
 * band. Bybit help centre "Understanding Collateral Value Ratios in Unified Trading Account" (updated
 * 2025-09-18), example table: BTC 0-10 0.98, >10-20 0.95, >20-30 0.9, >30-40 0.85, >40-50 0.8, >50 0;
 * USDT 1. Stablecoins not listed count at full value.
 */
export const BYBIT_COLLATERAL_BANDS: ReadonlyMap<string, CollateralBand[]> = new Map([
  [
    'BTC',
    [
      { upTo: new Dec(10), ratio: new Dec('0.98') },
      { upTo: new Dec(20), ratio: new Dec('0.95') },
      { upTo: new Dec(30), ratio: new Dec('0.9') },
      { upTo: new Dec(40), ratio: new Dec('0.85') },
      { upTo: new Dec(50), ratio: new Dec('0.8') },
      { upTo: null, ratio: new Dec(0) },
    ],
  ],
]);
