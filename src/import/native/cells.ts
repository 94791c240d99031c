/**
 * Cells as venue screens and exports write them: units after the number, thousands separators,
 * "--" for "none", and a contract cell that also says the margin mode and leverage.
 */

export interface NativeNumber {
  /** the number as canonical text ("" when the cell says there is none) */
  text: string;
  /** the unit written after it ("BTC", "USDT"), upper case; "" when none */
  unit: string;
  /** true when thousands separators were removed (the importer says so) */
  regrouped: boolean;
}

const NONE = /^(--|-|—|n\/a|none)$/i;
// an optional sign, digits with optional comma groups, an optional fraction, then an optional unit
const NUMBER_WITH_UNIT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([A-Za-z][A-Za-z0-9]*)?$/;

/** "4,100.00 USDT" -> 4100.00 in USDT; anything else is returned as written for the strict reader to judge. */
export function nativeNumber(cell: string): NativeNumber {
  const t = cell.trim();
  if (t === '' || NONE.test(t)) return { text: '', unit: '', regrouped: false };
  const m = NUMBER_WITH_UNIT.exec(t);
  if (!m) return { text: t, unit: '', regrouped: false };
  const [, sign, whole, fraction, unit] = m;
  return { text: `${sign}${whole!.replace(/,/g, '')}${fraction ?? ''}`, unit: (unit ?? '').toUpperCase(), regrouped: whole!.includes(',') };
}

export interface ContractCell {
  symbol: string;
  /** "Perp" in Binance's cell */
  perpetual: boolean;
  marginMode: 'cross' | 'isolated' | null;
  /** "20x" -> "20" */
  leverage: string;
}

/**
 * The instrument cell of Binance's and Bybit's positions tables: the symbol, then optionally
 * "Perp", the margin mode and the leverage ("BTCUSDT Perp Cross 20x", "BTCUSDT Cross 10.00x").
 * Null when the words after the symbol are none of those.
 */
export function contractCell(cell: string): ContractCell | null {
  const [symbol, ...words] = cell.trim().split(/\s+/);
  if (!symbol) return null;
  const out: ContractCell = { symbol: symbol.toUpperCase(), perpetual: false, marginMode: null, leverage: '' };
  for (const word of words) {
    const w = word.toLowerCase();
    if (w === 'perp' || w === 'perpetual') out.perpetual = true;
    else if (w === 'cross') out.marginMode = 'cross';
    else if (w === 'isolated') out.marginMode = 'isolated';
    else if (/^\d+(\.\d+)?x$/.test(w)) out.leverage = w.slice(0, -1).replace(/\.0+$/, '');
    else return null;
  }
  return out;
}
