import { Dec, ONE, ZERO } from './decimal';
import { isStablecoin } from './stablecoins';
import { prepareOption, type OptionContext, type PreparedOption } from './options/repricing';
import type { PortfolioRow, TierUsed } from './types';
import { tierFor, type TierTable, type TierTables } from './venues/tiers';
import { tierTableFor, type VenueRules } from './venues';
import type { CollateralBand } from './venues/bybit';

/** Where a row's maintenance rate comes from. */
export type MaintenanceSource =
  | { kind: 'row'; mmr: Dec; cum: Dec }
  | { kind: 'tier'; table: TierTable }
  | { kind: 'default'; mmr: Dec }
  /** Deribit futures: mmr = base + perCoin × size in the coin */
  | { kind: 'size'; mmr: Dec; imr: Dec; perCoin: Dec };

/** A portfolio row with its numbers as decimals and its rate sources resolved once. */
export interface PreparedRow {
  src: PortfolioRow;
  q: Dec;
  absQ: Dec;
  cs: Dec;
  entry: Dec | null;
  mark: Dec;
  /** the share of a spot holding that does not count as collateral: the row's, else the venue's */
  haircut: Dec;
  /** spot collateral under tiered value ratios: the quantity that counts, band by band; else null */
  countedQty: Dec | null;
  stable: boolean;
  /** inverse contract: notional is the USD face value |q| × cs, PnL is earned in the coin */
  inverse: boolean;
  maintenance: MaintenanceSource;
  /** the row's own initial rate (imr, or 1 / leverage), else null: the tier or venue decides */
  ownImr: Dec | null;
  venue: VenueRules;
  /** option rows: the model terms (priced against the underlying, options/repricing.ts) */
  option: PreparedOption | null;
}

export interface RowRates {
  /** the maintenance rate of the liquidation condition: the tier's (or row's) plus any fee term */
  mmr: Dec;
  cum: Dec;
  imr: Dec;
  bracket: number | null;
  origin: TierUsed['origin'];
  /** the fee part of `mmr` (OKX's taker fee), zero elsewhere */
  fee: Dec;
}

function optionalDec(s: string | null): Dec | null {
  return s === null ? null : new Dec(s);
}

/** Quantity that counts as collateral when ratios fall band by band: sum of (quantity in band × ratio). */
export function bandedQuantity(qty: Dec, bands: readonly CollateralBand[]): Dec {
  let counted = ZERO;
  let below = ZERO;
  for (const band of bands) {
    if (!qty.gt(below)) break;
    const top = band.upTo && band.upTo.lt(qty) ? band.upTo : qty;
    counted = counted.plus(top.minus(below).times(band.ratio));
    below = top;
  }
  return counted;
}

function maintenanceOf(row: PortfolioRow, venue: VenueRules, table: TierTable | undefined): MaintenanceSource {
  const mmr = optionalDec(row.mmr);
  if (mmr) return { kind: 'row', mmr, cum: optionalDec(row.maintenanceAmount) ?? ZERO };
  if (table) return { kind: 'tier', table };
  const derivative = row.type === 'perp' || row.type === 'future';
  if (venue.sizeScaled && derivative) {
    const perCoin = venue.sizeScaled.perCoin.get(row.underlying.toUpperCase()) ?? ZERO;
    return { kind: 'size', mmr: venue.sizeScaled.mmr, imr: venue.sizeScaled.imr, perCoin };
  }
  return { kind: 'default', mmr: venue.defaultMmr };
}

export function prepareRow(row: PortfolioRow, venue: VenueRules, userTables: TierTables, options: OptionContext): PreparedRow {
  const q = new Dec(row.qty);
  // tier tables are in the quote currency of linear contracts; inverse tiers (in coins) are not shipped
  const table = venue.kind === 'margin' && row.inverse !== true ? tierTableFor(venue, row.symbol, row.underlying, userTables, q.abs().times(row.contractSize)) : undefined;
  const leverage = optionalDec(row.leverage);
  const ownHaircut = optionalDec(row.haircut);
  const bands = ownHaircut || row.type !== 'spot' || !q.gt(0) ? undefined : venue.collateralBands?.get(row.underlying.toUpperCase());
  const countedQty = bands ? bandedQuantity(q, bands) : null;
  return {
    src: row,
    q,
    absQ: q.abs(),
    cs: new Dec(row.contractSize),
    entry: optionalDec(row.entryPrice),
    mark: new Dec(row.markPrice),
    haircut: ownHaircut ?? (countedQty ? ONE.minus(countedQty.div(q)) : venue.haircuts.get(row.underlying.toUpperCase()) ?? ZERO),
    countedQty,
    stable: isStablecoin(row.underlying),
    inverse: row.inverse === true && (row.type === 'perp' || row.type === 'future'),
    maintenance: maintenanceOf(row, venue, table),
    ownImr: optionalDec(row.imr) ?? (leverage ? ONE.div(leverage) : null),
    venue,
    option: prepareOption(row, options),
  };
}

/**
 * The price a scenario moves for this row: its mark, or for a priced option its underlying's price
 * (the option's own mark follows by repricing, units.ts).
 */
export function movingPrice(row: PreparedRow): Dec {
  return row.option ? row.option.underlying : row.mark;
}

/**
 * Rates for a notional. Tiers are chosen by the notional at the price being evaluated
 * (margin-model.md); Deribit's size-scaled rates need the size in the coin, `notional / mark` for
 * linear and inverse contracts alike.
 */
export function ratesAt(row: PreparedRow, notional: Dec, mark: Dec = row.mark): RowRates {
  const m = row.maintenance;
  const fee = row.venue.liquidationFee ?? ZERO;
  const tier = m.kind === 'tier' ? tierFor(m.table, notional) : null;
  const coinSize = m.kind === 'size' && m.perCoin.gt(0) ? (row.inverse ? notional.div(mark) : row.absQ.times(row.cs)) : ZERO;
  const sizeTerm = m.kind === 'size' ? m.perCoin.times(coinSize) : ZERO;
  const imr = row.ownImr ?? (tier ? ONE.div(tier.maxLeverage) : m.kind === 'size' ? m.imr.plus(sizeTerm) : row.venue.defaultImr);
  switch (m.kind) {
    case 'row':
      return { mmr: m.mmr.plus(fee), cum: m.cum, imr, bracket: null, origin: 'row', fee };
    case 'tier':
      return { mmr: tier!.mmr.plus(fee), cum: tier!.cum, imr, bracket: tier!.bracket, origin: 'tier', fee };
    case 'default':
      return { mmr: m.mmr.plus(fee), cum: ZERO, imr, bracket: null, origin: 'default', fee };
    case 'size':
      return { mmr: m.mmr.plus(sizeTerm).plus(fee), cum: ZERO, imr, bracket: null, origin: 'default', fee };
    default: {
      const never: never = m;
      return never;
    }
  }
}

export function isLinear(row: PreparedRow): boolean {
  return row.src.type === 'perp' || row.src.type === 'future';
}

/** Notional in the quote currency: |q| × cs × M, or an inverse contract's USD face value |q| × cs. */
export function notionalAt(row: PreparedRow, mark: Dec): Dec {
  return row.inverse ? row.absQ.times(row.cs) : row.absQ.times(row.cs).times(mark);
}

/**
 * The notional a venue takes its margins on. Bybit takes the value at entry: a linear contract's
 * |q| × cs × E; an inverse contract's |q| × cs / E coins, worth that times the mark.
 */
export function marginNotionalAt(row: PreparedRow, mark: Dec): Dec {
  if (row.venue.marginOnEntry && row.entry) {
    const size = row.absQ.times(row.cs);
    return row.inverse ? size.div(row.entry).times(mark) : size.times(row.entry);
  }
  return notionalAt(row, mark);
}

export function maintenanceMargin(notional: Dec, rates: RowRates): Dec {
  const mm = notional.times(rates.mmr).minus(rates.cum);
  return mm.lt(0) ? ZERO : mm;
}

/**
 * Unrealised PnL of a position with an entry price: q × cs × (M - E). An inverse contract earns
 * q × cs × (1/E - 1/M) coins, worth q × cs × (M - E) / E at the mark.
 */
export function pnlAt(row: PreparedRow, mark: Dec): Dec {
  if (!row.entry) return ZERO;
  const linear = row.q.times(row.cs).times(mark.minus(row.entry));
  return row.inverse ? linear.div(row.entry) : linear;
}

/** What a spot row adds to the balance: collateral after haircut, or minus the debt. */
export function spotValueAt(row: PreparedRow, mark: Dec): Dec {
  if (row.countedQty) return row.countedQty.times(mark);
  const worth = row.q.times(mark);
  return row.q.gt(0) ? worth.times(ONE.minus(row.haircut)) : worth;
}
