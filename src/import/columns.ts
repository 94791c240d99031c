/** The canonical columns of portfolio-csv.md. */
export const CANONICAL_COLUMNS = [
  'account', 'venue', 'symbol', 'type', 'underlying', 'side', 'qty', 'contract_size', 'entry_price',
  'mark_price', 'margin_mode', 'isolated_margin', 'leverage', 'imr', 'mmr', 'maintenance_amount',
  'strike', 'expiry', 'option_type', 'iv', 'iv_pct', 'underlying_price', 'rate', 'haircut',
  'liquidation_threshold', 'inverse', 'liquidation_price', 'maintenance_margin', 'funding_rate',
] as const;
export type Column = (typeof CANONICAL_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly Column[] = ['symbol', 'qty', 'mark_price'];

/**
 * Other spellings, after normalisation (camelCase split, lower case, spaces and dashes as
 * underscores): CCXT's position fields first, then common exchange-export names.
 */
const ALIASES: ReadonlyArray<[string, Column]> = [
  ['contracts', 'qty'], ['quantity', 'qty'], ['size', 'qty'], ['position_amt', 'qty'],
  ['contract_size', 'contract_size'], ['multiplier', 'contract_size'], ['ct_val', 'contract_size'],
  ['entry_price', 'entry_price'], ['entry', 'entry_price'], ['avg_price', 'entry_price'], ['avg_entry_price', 'entry_price'], ['average_price', 'entry_price'],
  ['mark_price', 'mark_price'], ['mark', 'mark_price'],
  ['margin_mode', 'margin_mode'], ['margin_type', 'margin_mode'], ['mgn_mode', 'margin_mode'],
  ['collateral', 'isolated_margin'], ['isolated_wallet', 'isolated_margin'], ['position_margin', 'isolated_margin'],
  ['initial_margin_percentage', 'imr'], ['initial_margin_rate', 'imr'],
  ['maintenance_margin_percentage', 'mmr'], ['maintenance_margin_rate', 'mmr'], ['maint_margin_ratio', 'mmr'],
  ['cum', 'maintenance_amount'], ['maintenance_deduction', 'maintenance_amount'],
  ['instrument', 'symbol'], ['instrument_name', 'symbol'], ['inst_id', 'symbol'], ['ticker', 'symbol'], ['asset', 'symbol'],
  ['exchange', 'venue'], ['account_id', 'account'], ['sub_account', 'account'],
  ['instrument_type', 'type'], ['product_type', 'type'],
  ['expiration', 'expiry'], ['expiry_date', 'expiry'], ['expiration_date', 'expiry'],
  ['strike_price', 'strike'], ['put_call', 'option_type'], 
  ['implied_volatility', 'iv'], ['mark_iv', 'iv_pct'],
  ['spot_price', 'underlying_price'], ['index_price', 'underlying_price'],
  ['liquidation_threshold', 'liquidation_threshold'], ['lt', 'liquidation_threshold'],
  // the venue's own figures, set beside ours in the side-by-side view
  ['liq_price', 'liquidation_price'], ['liq_px', 'liquidation_price'], ['est_liq_price', 'liquidation_price'],
  ['maint_margin', 'maintenance_margin'], ['maintenance_margin_value', 'maintenance_margin'], ['position_mm', 'maintenance_margin'],
  ['is_inverse', 'inverse'], ['coin_margined', 'inverse'],
  ['funding', 'funding_rate'], ['last_funding_rate', 'funding_rate'], ['funding_rate_8h', 'funding_rate'],
];

const ALIAS_MAP: ReadonlyMap<string, Column> = new Map<string, Column>([
  ...CANONICAL_COLUMNS.map((c): [string, Column] => [c, c]),
  ...ALIASES,
]);

/** `Entry Price`, `entry-price`, `entryPrice`, ` ENTRY_PRICE ` all become `entry_price`. */
export function normalizeHeader(raw: string): string {
  return raw
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

export function canonicalColumn(raw: string): Column | undefined {
  return ALIAS_MAP.get(normalizeHeader(raw));
}
