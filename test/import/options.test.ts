/** Option rows: venue symbols, explicit columns, their agreement, expiry at 08:00 UTC, expired options. */
import { describe, expect, it } from 'vitest';
import { importPortfolio, problemLine } from '../../src/import';

function load(csv: string, asOf?: string) {
  return importPortfolio({ fileName: 'opts.csv', content: csv, ...(asOf ? { asOf } : {}) });
}

function rows(csv: string) {
  const result = load(csv);
  if (!result.ok) throw new Error(result.errors.map(problemLine).join('\n'));
  return result.portfolio.rows;
}

function problems(csv: string): string[] {
  const result = load(csv);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map(problemLine);
}

const HEAD = 'symbol,qty,entry_price,mark_price,iv,underlying_price\n';

describe('option symbols of three venues', () => {
  it.each([
    ['Deribit', 'BTC-27DEC24-60000-C'],
    ['Binance', 'BTC-241227-60000-C'],
    ['OKX', 'BTC-USD-241227-60000-C'],
  ])('%s %s: a BTC call at 60,000 expiring 27 Dec 2024 08:00 UTC', (_venue, symbol) => {
    const [row] = rows(`${HEAD}${symbol},-2,1850,2100,0.55,63000\n`);
    expect(row).toMatchObject({
      type: 'option',
      underlying: 'BTC',
      qty: '-2',
      expiry: '2024-12-27T08:00:00.000Z',
      option: { strike: '60000', optionType: 'call', iv: '0.55', underlyingPrice: '63000', rate: '0' },
    });
  });
});

describe('explicit option columns', () => {
  it('reads strike, expiry (a bare date is 08:00 UTC), option_type, iv_pct, underlying_price and rate', () => {
    const csv = 'symbol,type,underlying,qty,entry_price,mark_price,strike,expiry,option_type,iv_pct,underlying_price,rate\nmy put,option,ETH,1,120,95,3000,2025-03-28,P,65,3400,0.04\n';
    expect(rows(csv)[0]).toMatchObject({
      type: 'option',
      underlying: 'ETH',
      expiry: '2025-03-28T08:00:00.000Z',
      option: { strike: '3000', optionType: 'put', iv: '0.65', underlyingPrice: '3400', rate: '0.04' },
    });
  });

  it('takes the underlying price from a perp or spot row of the same underlying', () => {
    const csv = 'symbol,qty,entry_price,mark_price,iv\nBTC-PERPETUAL,1,60000,61000,\nBTC-27DEC24-60000-P,1,900,870,0.6\n';
    expect(rows(csv)[1]!.option?.underlyingPrice).toBe('61000');
  });

  it('a column that agrees with the symbol is fine', () => {
    const csv = 'symbol,qty,entry_price,mark_price,iv,strike,option_type,expiry,underlying_price\nBTC-27DEC24-60000-C,1,1,1,0.5,60000,call,2024-12-27,60000\n';
    expect(rows(csv)).toHaveLength(1);
  });
});

describe('symbol and columns that disagree are errors with FILE:LINE:COLUMN', () => {
  const base = 'symbol,type,underlying,qty,entry_price,mark_price,strike,expiry,option_type,iv,underlying_price\n';
  it.each([
    ['strike', 'BTC-27DEC24-60000-C,,,1,1,2,65000,,,0.5,60000', 'opts.csv:2:strike: expected 60000 as the symbol says; the symbol and the strike column disagree (found "65000")'],
    ['expiry', 'BTC-27DEC24-60000-C,,,1,1,2,,2024-12-20,,0.5,60000', 'opts.csv:2:expiry: expected 2024-12-27 as the symbol says; the symbol and the expiry column disagree (found "2024-12-20")'],
    ['option_type', 'BTC-241227-60000-C,,,1,1,2,,,put,0.5,60000', 'opts.csv:2:option_type: expected call as the symbol says; the symbol and the option_type column disagree (found "put")'],
    ['underlying', 'BTC-USD-241227-60000-C,,ETH,1,1,2,,,,0.5,60000', 'opts.csv:2:underlying: expected BTC as the symbol says; the symbol and the underlying column disagree (found "ETH")'],
    ['type', 'BTC-27DEC24-60000-C,future,,1,1,2,,,,0.5,60000', 'opts.csv:2:type: expected option as the symbol "BTC-27DEC24-60000-C" says; the symbol and the type column disagree (found "future")'],
  ])('%s', (_column, line, message) => {
    expect(problems(`${base}${line}\n`)).toContain(message);
  });

  it('iv and iv_pct must agree', () => {
    const csv = 'symbol,qty,entry_price,mark_price,iv,iv_pct,underlying_price\nBTC-27DEC24-60000-C,1,1,2,0.5,55,60000\n';
    expect(problems(csv)).toEqual(['opts.csv:2:iv_pct: expected iv × 100 = 50; iv and iv_pct disagree (found "55")']);
  });
});

describe('expired options', () => {
  it('are kept, with a warning naming the line', () => {
    const result = load(`${HEAD}BTC-27DEC24-60000-C,1,1850,2100,0.55,63000\nBTC-27MAR26-60000-C,1,1850,2100,0.55,63000\n`, '2025-01-10T00:00:00Z');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.portfolio.rows).toHaveLength(2);
      expect(result.warnings).toEqual(['line 2: BTC-27DEC24-60000-C expired on 2024-12-27']);
    }
  });
});
