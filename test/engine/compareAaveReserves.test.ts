import { describe, expect, it } from 'vitest';
import { compareVenues } from '../../src/engine/compare';
import { Dec } from '../../src/engine/decimal';
import type { PortfolioRow } from '../../src/engine/types';
import { parseAaveReserves } from '../../src/engine/venues/aave';
import { importPortfolio } from '../../src/import';

// one Aave account: 10 WETH at 3,000 as collateral, 20,000 USDC borrowed
const CSV = ['account,venue,symbol,side,qty,entry_price,mark_price', 'lend,aave-v3,WETH,,10,,3000', 'lend,aave-v3,USDC,,-20000,,1'].join('\n');

function rows(): PortfolioRow[] {
  const imported = importPortfolio({ fileName: 'aave.csv', content: CSV });
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.portfolio.rows;
}

function aaveCost(reserves?: ReturnType<typeof parseAaveReserves>): string | undefined {
  const loaded = reserves?.ok ? reserves.reserves : undefined;
  const compared = compareVenues({ rows: rows(), source: 'aave.csv', asOf: '2026-01-01T00:00:00Z', ...(loaded ? { aaveReserves: loaded } : {}) });
  if (!compared.ok) throw new Error(compared.error);
  const unit = compared.comparison.units.find((u) => u.account === 'lend');
  return unit?.venues.find((v) => v.venue === 'aave-v3')?.liquidation?.cost;
}

describe('side by side: the Aave liquidation cost uses loaded reserves', () => {
  it('a loaded 10% bonus for WETH doubles the cost of the built-in 5%', () => {
    // at the moment of liquidation (HF just under 1, above 0.95) half the debt is repaid: 10,000 USDC;
    // the liquidator takes the bonus on it: built-in WETH 5% -> 500; loaded 11000 bps (10%) -> 1,000
    const builtIn = aaveCost();
    const loaded = aaveCost(parseAaveReserves([{ symbol: 'WETH', reserveLiquidationThreshold: '8250', reserveLiquidationBonus: '11000' }]));
    expect(builtIn && new Dec(builtIn).toFixed(2)).toBe('500.00');
    expect(loaded && new Dec(loaded).toFixed(2)).toBe('1000.00');
  });
});
