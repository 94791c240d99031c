import { Dec, ZERO } from './decimal';
import { optionMargin } from './options/optionMargin';
import { repricedMark, type OptionContext } from './options/repricing';
import {
  maintenanceMargin,
  marginNotionalAt,
  movingPrice,
  notionalAt,
  pnlAt,
  prepareRow,
  ratesAt,
  spotValueAt,
  type PreparedRow,
  type RowRates,
} from './rows';
import type { MarginMode, Portfolio } from './types';
import { venueRules, type VenueRules } from './venues';
import type { TierTables } from './venues/tiers';

/** A margin unit: an account's cross rows, or one isolated position. */
export interface PreparedUnit {
  id: string;
  account: string;
  venue: VenueRules;
  mode: MarginMode;
  rows: PreparedRow[];
  /** isolated: the margin assigned to the position; cross: collateral a scenario adds (quote currency) */
  baseBalance: Dec;
}

export interface PreparedAccount {
  account: string;
  venue: VenueRules;
  units: PreparedUnit[];
}

/** Groups rows into accounts (in order of first appearance) and their margin units. */
export function prepareAccounts(portfolio: Portfolio, userTables: TierTables, options: OptionContext): PreparedAccount[] {
  const accounts = new Map<string, PreparedAccount>();
  const crossOf = new Map<string, PreparedUnit>();
  for (const row of portfolio.rows) {
    let account = accounts.get(row.account);
    if (!account) {
      account = { account: row.account, venue: venueRules(row.venue), units: [] };
      accounts.set(row.account, account);
    }
    const prepared = prepareRow(row, account.venue, userTables, options);
    if (row.marginMode === 'isolated') {
      account.units.push({
        id: `isolated:${row.symbol}:${row.line}`,
        account: row.account,
        venue: account.venue,
        mode: 'isolated',
        rows: [prepared],
        baseBalance: new Dec(row.isolatedMargin ?? '0'),
      });
    } else {
      let cross = crossOf.get(row.account);
      if (!cross) {
        cross = { id: 'cross', account: row.account, venue: account.venue, mode: 'cross', rows: [], baseBalance: ZERO };
        crossOf.set(row.account, cross);
        account.units.unshift(cross);
      }
      cross.rows.push(prepared);
    }
  }
  return [...accounts.values()];
}

/** The figures of one row at one mark. */
export interface RowFigures {
  mark: Dec;
  /** options: the underlying price the row was evaluated at (its mark follows by repricing) */
  underlyingPrice?: Dec;
  notional: Dec;
  pnl: Dec | null;
  /** spot: collateral after haircut or minus the debt; option: market value */
  value: Dec | null;
  /** what the row adds to the unit's margin balance */
  balance: Dec;
  im: Dec;
  mm: Dec;
  rates: RowRates | null;
}

export function rowFigures(unit: PreparedUnit, row: PreparedRow, mark: Dec): RowFigures {
  const lending = unit.venue.kind === 'lending';
  switch (row.src.type) {
    case 'perp':
    case 'future': {
      const notional = notionalAt(row, mark);
      // Bybit margins a linear contract on its value at entry; every other venue on the notional
      const marginNotional = marginNotionalAt(row, mark);
      const rates = ratesAt(row, marginNotional, mark);
      const pnl = pnlAt(row, mark);
      return { mark, notional, pnl, value: null, balance: pnl, im: marginNotional.times(rates.imr), mm: maintenanceMargin(marginNotional, rates), rates };
    }
    case 'option': {
      // `mark` is the price that moves (movingPrice): the underlying's; the option is repriced there
      const option = row.option;
      const optionMark = option ? repricedMark(option, row.mark, mark) : mark;
      const size = row.q.times(row.cs);
      const value = size.times(optionMark);
      const pnl = pnlAt(row, optionMark);
      const notional = row.absQ.times(row.cs).times(option ? mark : optionMark);
      const balance = unit.mode === 'isolated' ? pnl : value;
      const margin = option ? optionMargin({ venue: unit.venue.id, option, size, underlyingPrice: mark, mark: optionMark }) : { im: ZERO, mm: ZERO };
      return { mark: optionMark, underlyingPrice: mark, notional, pnl, value, balance, im: margin.im, mm: margin.mm, rates: null };
    }
    case 'spot': {
      const value = spotValueAt(row, mark);
      const notional = row.absQ.times(mark);
      // A lending venue margins debt as its whole value: MM = D, so HF = collateral * LT / debt.
      if (lending && row.q.lt(0)) {
        return { mark, notional, pnl: null, value, balance: ZERO, im: notional, mm: notional, rates: null };
      }
      return { mark, notional, pnl: null, value, balance: value, im: ZERO, mm: ZERO, rates: null };
    }
    default: {
      const never: never = row.src.type;
      return never;
    }
  }
}

export interface UnitFigures {
  rows: RowFigures[];
  collateral: Dec;
  debt: Dec;
  pnl: Dec;
  marginBalance: Dec;
  im: Dec;
  mm: Dec;
}

/** Unit figures with every row at the given marks (same order as `unit.rows`). */
export function unitFigures(unit: PreparedUnit, marks: readonly Dec[]): UnitFigures {
  let collateral = ZERO;
  let debt = ZERO;
  let pnl = ZERO;
  let balance = unit.baseBalance;
  let im = ZERO;
  let mm = ZERO;
  const rows = unit.rows.map((row, i) => {
    const f = rowFigures(unit, row, marks[i] ?? movingPrice(row));
    if (row.src.type === 'spot') {
      if (row.q.gt(0)) collateral = collateral.plus(f.value ?? ZERO);
      else debt = debt.minus(f.value ?? ZERO);
    }
    if (f.pnl && row.src.type !== 'spot') pnl = pnl.plus(f.pnl);
    balance = balance.plus(f.balance);
    im = im.plus(f.im);
    mm = mm.plus(f.mm);
    return f;
  });
  if (unit.mode === 'cross') collateral = collateral.plus(unit.baseBalance);
  return { rows, collateral, debt, pnl, marginBalance: balance, im, mm };
}

