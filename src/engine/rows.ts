import { Dec, ONE, ZERO } from './decimal';
import { isStablecoin } from './stablecoins';
import { prepareOption, type OptionContext, type PreparedOption } from './options/repricing';
import type { PortfolioRow, TierUsed } from './types';
import { tierFor, type TierTable, type TierTables } from './venues/tiers';
import { tierTableFor, type VenueRules } from './venues';

/** Where a row's maintenance rate comes from. */
export type MaintenanceSource =
  | { kind: 'row'; mmr: Dec; cum: Dec }
  | { kind: 'tier'; table: TierTable }
  | { kind: 'default'; mmr: Dec };

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
  stable: boolean;
  maintenance: MaintenanceSource;
  /** the row's own initial rate (imr, or 1 / leverage), else null: the tier or venue decides */
  ownImr: Dec | null;
  venue: VenueRules;
  /** option rows: the model terms (priced against the underlying, options/repricing.ts) */
  option: PreparedOption | null;
}

export interface RowRates {
  mmr: Dec;
  cum: Dec;
  imr: Dec;
  bracket: number | null;
  origin: TierUsed['origin'];
}

function optionalDec(s: string | null): Dec | null {
  return s === null ? null : new Dec(s);
}

export function prepareRow(row: PortfolioRow, venue: VenueRules, userTables: TierTables, options: OptionContext): PreparedRow {
  const q = new Dec(row.qty);
  const mmr = optionalDec(row.mmr);
  const table = venue.kind === 'margin' ? tierTableFor(venue, row.symbol, row.underlying, userTables) : undefined;
  let maintenance: MaintenanceSource;
  if (mmr) maintenance = { kind: 'row', mmr, cum: optionalDec(row.maintenanceAmount) ?? ZERO };
  else if (table) maintenance = { kind: 'tier', table };
  else maintenance = { kind: 'default', mmr: venue.defaultMmr };
  const leverage = optionalDec(row.leverage);
  return {
    src: row,
    q,
    absQ: q.abs(),
    cs: new Dec(row.contractSize),
    entry: optionalDec(row.entryPrice),
    mark: new Dec(row.markPrice),
    haircut: optionalDec(row.haircut) ?? venue.haircuts.get(row.underlying.toUpperCase()) ?? ZERO,
    stable: isStablecoin(row.underlying),
    maintenance,
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

/** Tiers are chosen by the notional at the price being evaluated (margin-model.md). */
export function ratesAt(row: PreparedRow, notional: Dec): RowRates {
  const m = row.maintenance;
  const tier = m.kind === 'tier' ? tierFor(m.table, notional) : null;
  const imr = row.ownImr ?? (tier ? ONE.div(tier.maxLeverage) : row.venue.defaultImr);
  switch (m.kind) {
    case 'row':
      return { mmr: m.mmr, cum: m.cum, imr, bracket: null, origin: 'row' };
    case 'tier':
      return { mmr: tier!.mmr, cum: tier!.cum, imr, bracket: tier!.bracket, origin: 'tier' };
    case 'default':
      return { mmr: m.mmr, cum: ZERO, imr, bracket: null, origin: 'default' };
    default: {
      const never: never = m;
      return never;
    }
  }
}

export function isLinear(row: PreparedRow): boolean {
  return row.src.type === 'perp' || row.src.type === 'future';
}

export function notionalAt(row: PreparedRow, mark: Dec): Dec {
  return row.absQ.times(row.cs).times(mark);
}

export function maintenanceMargin(notional: Dec, rates: RowRates): Dec {
  const mm = notional.times(rates.mmr).minus(rates.cum);
  return mm.lt(0) ? ZERO : mm;
}

/** Unrealised PnL of a position with an entry price: q * cs * (M - E). */
export function pnlAt(row: PreparedRow, mark: Dec): Dec {
  return row.entry ? row.q.times(row.cs).times(mark.minus(row.entry)) : ZERO;
}

/** What a spot row adds to the balance: collateral after haircut, or minus the debt. */
export function spotValueAt(row: PreparedRow, mark: Dec): Dec {
  const worth = row.q.times(mark);
  return row.q.gt(0) ? worth.times(ONE.minus(row.haircut)) : worth;
}
