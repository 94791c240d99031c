import type { InstrumentType, OptionType } from '../engine/types';
import { STABLECOINS } from '../engine/stablecoins';
import { utcInstant } from './cells';

/** What a venue's symbol says about the instrument. */
export interface SymbolInfo {
  type: InstrumentType;
  underlying: string;
  /** ISO instant at 08:00 UTC, for dated futures and options */
  expiry?: string;
  strike?: string;
  optionType?: OptionType;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** longest first, so that BTCUSDT is BTC + USDT, not BTCUSD + T */
const QUOTES = [...STABLECOINS].sort((a, b) => b.length - a.length);
const ASSET = '([A-Z0-9]{1,20})';
const NUMBER = '(\\d+(?:\\.\\d+)?)';

function yymmdd(s: string): string | null {
  const date = utcInstant(2000 + Number(s.slice(0, 2)), Number(s.slice(2, 4)), Number(s.slice(4, 6)));
  return date ? date.toISOString() : null;
}

function dmmmyy(day: string, month: string, year: string): string | null {
  const mo = MONTHS.indexOf(month) + 1;
  const date = mo > 0 ? utcInstant(2000 + Number(year), mo, Number(day)) : null;
  return date ? date.toISOString() : null;
}

/** `BTCUSDT` -> BTC; null when the symbol does not end in a quote currency after a base. */
function splitPair(s: string): string | null {
  for (const q of QUOTES) if (s.length > q.length && s.endsWith(q)) return s.slice(0, -q.length);
  return null;
}

function option(underlying: string, expiry: string | null, strike: string, cp: string): SymbolInfo | null {
  if (!expiry) return null;
  return { type: 'option', underlying, expiry, strike, optionType: cp === 'C' ? 'call' : 'put' };
}

function future(underlying: string, expiry: string | null): SymbolInfo | null {
  return expiry ? { type: 'future', underlying, expiry } : null;
}

type Rule = [RegExp, (m: string[]) => SymbolInfo | null];

const RULES: Rule[] = [
  // Deribit option BTC-27DEC24-60000-C, Binance option BTC-241227-60000-C, OKX option BTC-USD-241227-60000-C
  [new RegExp(`^${ASSET}-(\\d{1,2})([A-Z]{3})(\\d{2})-${NUMBER}-([CP])$`), (m) => option(m[1]!, dmmmyy(m[2]!, m[3]!, m[4]!), m[5]!, m[6]!)],
  [new RegExp(`^${ASSET}-(\\d{6})-${NUMBER}-([CP])$`), (m) => option(m[1]!, yymmdd(m[2]!), m[3]!, m[4]!)],
  [new RegExp(`^${ASSET}-[A-Z]{3,5}-(\\d{6})-${NUMBER}-([CP])$`), (m) => option(m[1]!, yymmdd(m[2]!), m[3]!, m[4]!)],
  // CCXT unified: BTC/USDT:USDT (perp), BTC/USDT:USDT-250328 (future), BTC/USD:BTC-241227-60000-C, BTC/USDT (spot)
  [new RegExp(`^${ASSET}/${ASSET}:${ASSET}-(\\d{6})-${NUMBER}-([CP])$`), (m) => option(m[1]!, yymmdd(m[4]!), m[5]!, m[6]!)],
  [new RegExp(`^${ASSET}/${ASSET}:${ASSET}-(\\d{6})$`), (m) => future(m[1]!, yymmdd(m[4]!))],
  [new RegExp(`^${ASSET}/${ASSET}:${ASSET}$`), (m) => ({ type: 'perp', underlying: m[1]! })],
  [new RegExp(`^${ASSET}/${ASSET}$`), (m) => ({ type: 'spot', underlying: m[1]! })],
  // Deribit future BTC-27DEC24, OKX future BTC-USDT-250328, Binance future BTCUSDT_250328
  [new RegExp(`^${ASSET}-(\\d{1,2})([A-Z]{3})(\\d{2})$`), (m) => future(m[1]!, dmmmyy(m[2]!, m[3]!, m[4]!))],
  [new RegExp(`^${ASSET}-[A-Z]{3,5}-(\\d{6})$`), (m) => future(m[1]!, yymmdd(m[2]!))],
  [/^([A-Z0-9]{2,30})_(\d{6})$/, (m) => { const base = splitPair(m[1]!); return base ? future(base, yymmdd(m[2]!)) : null; }],
  // perpetuals: OKX BTC-USDT-SWAP, Deribit BTC-PERPETUAL / BTC_USDC-PERPETUAL, BTC-PERP, Binance COIN-M BTCUSD_PERP, dYdX ETH-USD
  [new RegExp(`^${ASSET}-[A-Z]{3,5}-SWAP$`), (m) => ({ type: 'perp', underlying: m[1]! })],
  [new RegExp(`^${ASSET}(?:_[A-Z]{3,5})?-PERPETUAL$`), (m) => ({ type: 'perp', underlying: m[1]! })],
  [new RegExp(`^${ASSET}-PERP$`), (m) => ({ type: 'perp', underlying: m[1]! })],
  [/^([A-Z0-9]{2,30})_PERP$/, (m) => ({ type: 'perp', underlying: splitPair(m[1]!) ?? m[1]! })],
  [new RegExp(`^${ASSET}-(${QUOTES.join('|')})$`), (m) => ({ type: 'perp', underlying: m[1]! })],
  // a bare stablecoin or asset is spot; ASSET+QUOTE (BTCUSDT) is a linear perpetual
  [/^[A-Z0-9]{1,20}$/, (m) => {
    const s = m[0]!;
    if (STABLECOINS.has(s)) return { type: 'spot', underlying: s };
    const base = splitPair(s);
    return base ? { type: 'perp', underlying: base } : { type: 'spot', underlying: s };
  }],
];

/** What the symbol says, or null when no known venue spells symbols this way. */
export function inferSymbol(symbol: string): SymbolInfo | null {
  const s = symbol.trim().toUpperCase();
  for (const [pattern, read] of RULES) {
    const m = pattern.exec(s);
    if (m) return read(m);
  }
  return null;
}
