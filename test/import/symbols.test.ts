/** Symbol inference: what each venue's spelling says about the instrument. */
import { describe, expect, it } from 'vitest';
import { inferSymbol, type SymbolInfo } from '../../src/import/symbols';

const CASES: Array<[string, SymbolInfo]> = [
  // Binance USDⓈ-M perpetual and quarterly future
  ['BTCUSDT', { type: 'perp', underlying: 'BTC' }],
  ['BTCUSDT_250328', { type: 'future', underlying: 'BTC', expiry: '2025-03-28T08:00:00.000Z' }],
  ['1000PEPEUSDT', { type: 'perp', underlying: '1000PEPE' }],
  // OKX swap, Deribit perpetual, FTX-style -PERP, dYdX market
  ['BTC-USDT-SWAP', { type: 'perp', underlying: 'BTC' }],
  ['BTC-PERPETUAL', { type: 'perp', underlying: 'BTC' }],
  ['BTC-PERP', { type: 'perp', underlying: 'BTC' }],
  ['ETH-USD', { type: 'perp', underlying: 'ETH' }],
  // options: Deribit, Binance, OKX
  ['BTC-27DEC24-60000-C', { type: 'option', underlying: 'BTC', expiry: '2024-12-27T08:00:00.000Z', strike: '60000', optionType: 'call' }],
  ['BTC-241227-60000-C', { type: 'option', underlying: 'BTC', expiry: '2024-12-27T08:00:00.000Z', strike: '60000', optionType: 'call' }],
  ['BTC-USD-241227-60000-P', { type: 'option', underlying: 'BTC', expiry: '2024-12-27T08:00:00.000Z', strike: '60000', optionType: 'put' }],
  // CCXT unified symbols
  ['BTC/USDT:USDT', { type: 'perp', underlying: 'BTC' }],
  ['BTC/USDT:USDT-250328', { type: 'future', underlying: 'BTC', expiry: '2025-03-28T08:00:00.000Z' }],
  ['BTC/USDT', { type: 'spot', underlying: 'BTC' }],
  // bare assets are spot, stablecoins included
  ['BTC', { type: 'spot', underlying: 'BTC' }],
  ['USDT', { type: 'spot', underlying: 'USDT' }],
  ['USDC', { type: 'spot', underlying: 'USDC' }],
  // Deribit dated future, OKX dated future
  ['BTC-28MAR25', { type: 'future', underlying: 'BTC', expiry: '2025-03-28T08:00:00.000Z' }],
  ['BTC-USDT-250328', { type: 'future', underlying: 'BTC', expiry: '2025-03-28T08:00:00.000Z' }],
];

describe('inferSymbol', () => {
  it.each(CASES)('%s', (symbol, expected) => {
    expect(inferSymbol(symbol)).toEqual(expected);
  });

  it.each(CASES)('%s: the same in lower case and with spaces around', (symbol, expected) => {
    expect(inferSymbol(` ${symbol.toLowerCase()} `)).toEqual(expected);
  });

  it('splits on the longest stablecoin: BTCUSDT is BTC + USDT, ETHFDUSD is ETH + FDUSD', () => {
    expect(inferSymbol('ETHFDUSD')).toEqual({ type: 'perp', underlying: 'ETH' });
    expect(inferSymbol('BTCUSD')).toEqual({ type: 'perp', underlying: 'BTC' });
  });

  it('puts every dated expiry at 08:00 UTC', () => {
    for (const [symbol] of CASES) {
      const expiry = inferSymbol(symbol)?.expiry;
      if (expiry !== undefined) expect(new Date(expiry).getUTCHours(), symbol).toBe(8);
    }
  });

  it.each([
    'BTCUSDT_250230', // 30 February
    'BTCUSDT_251301', // month 13
    'BTC-30FEB25-60000-C',
    'BTC-31JUN25',
    'BTC-31XYZ25-60000-C', // no such month
    'BTC-250431-60000-C', // 31 April
    'BTC-USD-250229-60000-P', // 2025 is not a leap year
    'BTC/USDT:USDT-250230',
  ])('an impossible date gives null: %s', (symbol) => {
    expect(inferSymbol(symbol)).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(inferSymbol('BTC-240229-60000-P')?.expiry).toBe('2024-02-29T08:00:00.000Z');
  });

  it.each(['ETHUSDT.P', 'BTC-QUARTERLY', 'BTC USDT', '', 'BTC-27DEC24-60000-X'])('an unknown spelling gives null: "%s"', (symbol) => {
    expect(inferSymbol(symbol)).toBeNull();
  });
});
