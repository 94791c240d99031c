import { decStr, readDecimalText } from '../../engine/decimal';
import type { Column } from '../columns';
import { TableEditor, type EditableRow } from './table';
import type { NativeProfile } from './types';

/**
 * Interactive Brokers Activity Flex Query, Open Positions section, CSV output: PascalCase headers
 * (ClientAccountID, CurrencyPrimary, AssetClass, Symbol, UnderlyingSymbol, Multiplier, Strike, Expiry,
 * Put/Call, Quantity, MarkPrice, CostBasisPrice, Side, LevelOfDetail …).
 * Source: IBKR Reporting Reference, Flex Queries, "Open Positions" field list.
 */
const COLUMNS = new Map<string, Column>([
  ['clientaccountid', 'account'], ['accountid', 'account'], ['symbol', 'symbol'], ['underlyingsymbol', 'underlying'],
  ['assetclass', 'type'], ['quantity', 'qty'], ['multiplier', 'contract_size'], ['markprice', 'mark_price'],
  ['costbasisprice', 'entry_price'], ['strike', 'strike'], ['expiry', 'expiry'], ['putcall', 'option_type'],
]);
const IGNORED = new Set([
  'accountalias', 'model', 'currencyprimary', 'currency', 'fxratetobase', 'description', 'conid', 'securityid', 'securityidtype', 'cusip',
  'isin', 'figi', 'underlyingconid', 'underlyingsecurityid', 'underlyinglistingexchange', 'listingexchange', 'issuer', 'issuercountrycode',
  'subcategory', 'reportdate', 'positionvalue', 'openprice', 'costbasismoney', 'percentofnav', 'fifopnlunrealized', 'side', 'levelofdetail',
  'opendatetime', 'holdingperioddatetime', 'code', 'originatingorderid', 'originatingtransactionid', 'accruedint', 'vestingdate',
  'principaladjustfactor', 'serialnumber', 'deliverytype', 'commoditytype', 'fineness', 'weight',
]);

/** IBKR's asset classes as instrument types: stock is a held (or, short, borrowed) balance. */
export const IBKR_ASSET_CLASSES: ReadonlyMap<string, 'spot' | 'future' | 'option'> = new Map([
  ['STK', 'spot'], ['FUT', 'future'], ['OPT', 'option'], ['FOP', 'option'],
]);

/** Flex writes dates as yyyyMMdd unless the query sets another format; ISO passes through. */
export function ibkrDate(text: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : text;
}

/** Money columns of a row: converted together when a position is priced in another currency. */
const PRICE_COLUMNS: readonly Column[] = ['mark_price', 'entry_price', 'strike', 'underlying_price'];

/**
 * Every money figure of an account is summed in one currency, USD. A position in another currency
 * (CurrencyPrimary) is converted with the export's own FXRateToBase, which Flex writes as the rate to
 * the account's base currency: valid as a rate to USD only where the base is USD, which a USD position
 * at a rate other than 1 disproves. Without a rate the row is refused; nothing is guessed.
 */
function inUsd(t: TableEditor, row: EditableRow): boolean {
  const currency = t.raw(row, 'currencyprimary').toUpperCase();
  const rateText = t.raw(row, 'fxratetobase');
  if (currency === '' || currency === 'USD') {
    if (rateText !== '' && readDecimalText(rateText)?.equals(1) === false) {
      t.problem(row, 'fxratetobase', 'expected 1 for a USD position: FXRateToBase converts to the account\'s base currency, so the base is not USD here; run the query with USD as the base currency', rateText);
      return false;
    }
    return true;
  }
  if (rateText === '') {
    const why = t.has('fxratetobase') ? 'its FXRateToBase is blank' : 'the export has no FXRateToBase column';
    t.problem(row, 'currencyprimary', `expected USD, or an FX rate to convert ${currency} prices: ${why}; add FXRateToBase to the Flex query (Open Positions) or leave this position out`, currency);
    return false;
  }
  const rate = readDecimalText(rateText);
  if (!rate || !rate.gt(0)) {
    t.problem(row, 'fxratetobase', `expected a rate above 0 from ${currency} to USD`, rateText);
    return false;
  }
  for (const column of PRICE_COLUMNS) {
    const text = t.get(row, column);
    const value = text === '' ? null : readDecimalText(text);
    // a cell that is not a number is left for the row reader, which names it
    if (value) t.set(row, column, decStr(value.times(rate)));
  }
  t.converted.add(`${currency} at ${decStr(rate)}`);
  return true;
}

/**
 * Flex carries no implied volatility, and an option cannot be priced without one: the row is refused
 * with what to add unless the file was given an iv or iv_pct column (by hand or in the mapping step).
 */
function needsVolatility(t: TableEditor, row: EditableRow): void {
  if (t.get(row, 'iv') !== '' || t.get(row, 'iv_pct') !== '') return;
  const column = t.indexOf('iv') < 0 && t.indexOf('iv_pct') >= 0 ? 'iv_pct' : 'iv';
  const where = t.indexOf(column) >= 0 ? `its ${column} cell is blank` : 'a Flex export has no volatility column';
  t.problem(row, column, `missing value: an option needs its implied volatility and ${where}; add an iv column (a fraction, 0.25) or iv_pct (percent, 25) for each option row, or choose one in the mapping step`, '');
}

function signAgrees(t: TableEditor, row: EditableRow): boolean {
  const side = t.raw(row, 'side').toLowerCase();
  const qty = t.get(row, 'qty');
  const negative = qty.startsWith('-');
  if ((side === 'short' && !negative) || (side === 'long' && negative)) {
    t.problem(row, 'qty', `expected a ${side === 'short' ? 'negative' : 'positive'} Quantity: Side says ${side}`, qty);
    return false;
  }
  return true;
}

export const IBKR_FLEX_POSITIONS: NativeProfile = {
  id: 'ibkr-flex-positions',
  title: 'IBKR Flex Open Positions',
  venue: null,
  source: 'IBKR Reporting Reference: Flex Queries, "Open Positions" fields',
  fingerprint: ['assetclass', 'symbol', 'quantity', 'markprice'],
  columns: COLUMNS,
  ignored: IGNORED,
  transform(file, table) {
    const t = new TableEditor(file, table);
    const kept: EditableRow[] = [];
    for (const row of t.rows) {
      // a query at lot level writes each lot under its summary row: the summary counts, once
      if (t.raw(row, 'levelofdetail').toUpperCase() === 'LOT') continue;
      kept.push(row);
      if (!inUsd(t, row)) continue;
      const assetClass = t.get(row, 'type').toUpperCase();
      const type = IBKR_ASSET_CLASSES.get(assetClass);
      if (!type) {
        t.problem(row, 'type', `expected STK, FUT, OPT or FOP; ${assetClass || 'a blank'} asset class is not margined here`, t.get(row, 'type'));
        continue;
      }
      t.set(row, 'type', type);
      // Quantity is signed (negative = short); Side repeats it in words and must agree
      signAgrees(t, row);
      // Multiplier is underlying units per contract (ES 50, options 100): canonical contract_size
      if (type === 'spot') {
        if (!t.get(row, 'underlying')) t.set(row, 'underlying', t.get(row, 'symbol').toUpperCase());
        t.set(row, 'entry_price', '');
      }
      t.set(row, 'expiry', ibkrDate(t.get(row, 'expiry')));
      if (type === 'option') needsVolatility(t, row);
    }
    const skipped = t.rows.length - kept.length;
    t.rows.splice(0, t.rows.length, ...kept);
    if (t.converted.size > 0) t.warnings.push(`${file}: prices of non-USD positions converted to USD with the export's FXRateToBase (${[...t.converted].join(', ')})`);
    if (skipped > 0) t.warnings.push(`${file}: ${skipped} LOT row${skipped === 1 ? '' : 's'} skipped; the SUMMARY row of each position counts`);
    return t.result();
  },
};
