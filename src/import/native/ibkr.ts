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
      const currency = t.raw(row, 'currencyprimary').toUpperCase();
      if (currency !== '' && currency !== 'USD') {
        t.problem(row, 'currencyprimary', 'expected USD: every money figure of an account is summed in one currency; run the query in USD or leave this position out', currency);
      }
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
    }
    const skipped = t.rows.length - kept.length;
    t.rows.splice(0, t.rows.length, ...kept);
    if (skipped > 0) t.warnings.push(`${file}: ${skipped} LOT row${skipped === 1 ? '' : 's'} skipped; the SUMMARY row of each position counts`);
    return t.result();
  },
};
