import { Dec, ONE, decStr } from './decimal';
import type { PortfolioRow, PositionReport } from './types';
import type { VenueRules } from './venues';

export interface ReasonContext {
  /** the tier changes between the mark and the liquidation price */
  tierAtLiquidation: { from: number; to: number; mmr: string } | null;
}

const pct = (d: Dec) => `${decStr(d.times(100).toDecimalPlaces(4))}%`;
const money = (s: string) => new Dec(s).toDecimalPlaces(2).toFixed(2);

/** Spot collateral: how much of it the venue counts. */
function collateralReason(venue: VenueRules, row: PortfolioRow, p: PositionReport): string | null {
  if (row.type !== 'spot' || !new Dec(row.qty).gt(0) || p.haircut === null) return null;
  const counted = ONE.minus(p.haircut);
  if (venue.kind === 'lending') return `${venue.label} counts ${row.underlying} at its liquidation threshold, ${pct(counted)}`;
  if (venue.collateralBands?.has(row.underlying.toUpperCase())) return `${venue.label} counts ${row.underlying} band by band by quantity (collateral ratio), ${pct(counted)} on average here`;
  return counted.lt(ONE) ? `${venue.label} counts ${row.underlying} at a collateral ratio of ${pct(counted)}` : null;
}

/** Perps and futures: the terms of the venue's maintenance rule that move MM and the liquidation price. */
function derivativeReasons(venue: VenueRules, row: PortfolioRow, p: PositionReport, ctx: ReasonContext): string[] {
  const reasons: string[] = [];
  const size = new Dec(row.qty).abs().times(row.contractSize);
  if (row.inverse) reasons.push(`inverse contract: PnL and margin are in ${row.underlying}, so a falling price shrinks the collateral and raises the loss together`);
  if (venue.marginOnEntry && row.entryPrice && row.entryPrice !== row.markPrice && !row.inverse) {
    reasons.push(`MM on entry value: ${venue.label} takes MM on ${money(size.times(row.entryPrice).toFixed())} (value at entry), not on ${money(p.notional)} at the mark, and keeps it as the price moves`);
  }
  if (venue.liquidationFee?.gt(0)) reasons.push(`fee term: ${venue.label} adds its taker fee (${pct(venue.liquidationFee)}) to the maintenance rate when it decides liquidation`);
  if (venue.sizeScaled && p.mmr) {
    const perCoin = venue.sizeScaled.perCoin.get(row.underlying.toUpperCase());
    if (perCoin) reasons.push(`rate grows with size: ${venue.label} MM rate = ${pct(venue.sizeScaled.mmr)} + ${pct(perCoin)} per ${row.underlying} of size = ${pct(new Dec(p.mmr).minus(venue.liquidationFee ?? 0))}`);
    else reasons.push(`${venue.label} base rate ${pct(venue.sizeScaled.mmr)} (no size term published for ${row.underlying})`);
  }
  if (venue.id === 'hyperliquid' && p.imr) reasons.push(`${venue.label} MM rate is half the initial rate at max leverage: ${pct(new Dec(p.mmr ?? 0))}`);
  if (p.bracket !== null && !venue.sizeScaled) {
    // OKX counts its tiers in contracts: the tier follows the size, not the notional
    const by = venue.tiersBySize ? `for a size of ${decStr(size)} ${row.underlying}` : `at today's notional`;
    reasons.push(`tier ${p.bracket} of ${venue.label}'s table ${by}: mmr ${pct(new Dec(p.mmr ?? 0))}`);
  }
  else if (p.mmr && !venue.sizeScaled && venue.id !== 'hyperliquid' && row.mmr === null) reasons.push(`no ${venue.label} tier table for ${row.symbol}: default mmr ${pct(new Dec(p.mmr))}`);
  if (ctx.tierAtLiquidation) {
    reasons.push(`tier at the liquidation price: the notional moves from tier ${ctx.tierAtLiquidation.from} to tier ${ctx.tierAtLiquidation.to} (mmr ${pct(new Dec(ctx.tierAtLiquidation.mmr))}) before the price gets there`);
  }
  return reasons;
}

/** Plain words for why this venue's figures differ from another's for one row. */
export function venueReasons(venue: VenueRules, row: PortfolioRow, p: PositionReport, ctx: ReasonContext): string[] {
  if (row.type === 'spot') {
    const reason = collateralReason(venue, row, p);
    const debt = new Dec(row.qty).lt(0) && venue.kind === 'lending' ? `${venue.label} margins a debt at its whole value (HF = collateral × threshold / debt)` : null;
    return [reason, debt].filter((r): r is string => r !== null);
  }
  if (row.type === 'option') return [`${venue.label}: option held at its mark`];
  return derivativeReasons(venue, row, p, ctx);
}
