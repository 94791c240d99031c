import type { OptionType, PortfolioRow, VenueId } from '../../../src/engine/types';
import { AS_OF, row } from '../helpers';

const DAY_MS = 86_400_000;

/** The instant `years` (ACT/365) after the tests' valuation time, to the millisecond. */
export function expiryIn(years: number, days = 0): string {
  return new Date(Date.parse(AS_OF) + Math.round((years * 365 + days) * DAY_MS)).toISOString();
}

export interface OptionSpec {
  qty: string;
  type: OptionType;
  strike: string;
  mark: string;
  S: string;
  iv: string;
  expiry: string;
  rate?: string;
  venue?: VenueId;
  symbol?: string;
  underlying?: string;
}

export function optionRow(o: OptionSpec): PortfolioRow {
  const underlying = o.underlying ?? 'BTC';
  return row({
    symbol: o.symbol ?? `${underlying}-${o.strike}-${o.type === 'call' ? 'C' : 'P'}`,
    type: 'option',
    underlying,
    qty: o.qty,
    markPrice: o.mark,
    venue: o.venue ?? 'generic',
    expiry: o.expiry,
    option: { strike: o.strike, optionType: o.type, iv: o.iv, underlyingPrice: o.S, rate: o.rate ?? '0' },
  });
}
