/** The mapping step's pure half: where headers go, what is guessed, and a mapping applied on import. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPortfolio, problemLine } from '../../src/import';
import { headerKey, placeHeaders, suggestMapping, type ColumnMapping } from '../../src/import/mapping';

const ODD = readFileSync(fileURLToPath(new URL('../fixtures/import-native/odd-headers.csv', import.meta.url)), 'utf8');
const ODD_HEADER = ODD.split('\n')[0]!.split(',');

describe('placing headers', () => {
  it('reports the headers it could not place and the required columns left empty', () => {
    const placement = placeHeaders(ODD_HEADER);
    expect(placement.unplaced).toEqual(['Book', 'Ticker Symbol', 'Units Held', 'Avg Cost', 'Last Px', 'Lev', 'Desk Note']);
    expect(placement.missing).toEqual(['symbol', 'qty', 'mark_price']);
    expect(placement.profile).toBeNull();
  });

  it('places canonical names and aliases, and leaves only the odd one out', () => {
    const placement = placeHeaders(['Symbol', 'Quantity', 'Mark Price', 'desk_note']);
    expect(placement.columns).toEqual(['symbol', 'qty', 'mark_price', null]);
    expect(placement.unplaced).toEqual(['desk_note']);
    expect(placement.missing).toEqual([]);
  });

  it('with a mapping, places exactly what the mapping says and nothing else', () => {
    const placement = placeHeaders(['Symbol', 'Qty', 'Px', 'Mark'], { symbol: 'Symbol', qty: 'Qty', mark_price: 'Px' });
    // "Mark" would be mark_price by its name; the user chose Px, so Mark feeds nothing
    expect(placement.columns).toEqual(['symbol', 'qty', 'mark_price', null]);
    expect(placement.unplaced).toEqual([]);
  });
});

describe('suggested mapping', () => {
  it('guesses the odd headers by the words in them', () => {
    expect(suggestMapping(ODD_HEADER)).toEqual({
      symbol: 'Ticker Symbol', qty: 'Units Held', mark_price: 'Last Px', entry_price: 'Avg Cost', leverage: 'Lev', account: 'Book',
    } satisfies ColumnMapping);
  });

  it('keeps every header the importer already places', () => {
    expect(suggestMapping(['account', 'symbol', 'qty', 'mark_price', 'Liq Px'])).toEqual({
      account: 'account', symbol: 'symbol', qty: 'qty', mark_price: 'mark_price', liquidation_price: 'Liq Px',
    });
  });
});

describe('header key', () => {
  it('is the same for the same header set in any order, case or spacing', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(ODD_HEADER, { minLength: ODD_HEADER.length, maxLength: ODD_HEADER.length }), (shuffled) => {
        expect(headerKey(shuffled.map((h) => ` ${h.toUpperCase()} `))).toBe(headerKey(ODD_HEADER));
      }),
    );
    expect(headerKey(['a', 'b'])).not.toBe(headerKey(['a', 'b', 'c']));
  });
});

describe('importing with a mapping', () => {
  const mapping: ColumnMapping = { account: 'Book', symbol: 'Ticker Symbol', qty: 'Units Held', entry_price: 'Avg Cost', mark_price: 'Last Px', leverage: 'Lev' };

  it('refuses the odd file without a mapping, naming the missing columns', () => {
    const result = importPortfolio({ fileName: 'odd.csv', content: ODD });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.column)).toEqual(['symbol', 'qty', 'mark_price']);
  });

  it('loads it with the mapping: the same rows as the canonical spelling', () => {
    const result = importPortfolio({ fileName: 'odd.csv', content: ODD, mapping });
    if (!result.ok) throw new Error(result.errors.map(problemLine).join('\n'));
    expect(result.portfolio.rows.map((r) => [r.line, r.account, r.symbol, r.type, r.qty, r.entryPrice, r.markPrice, r.leverage])).toEqual([
      [2, 'alpha', 'USDT', 'spot', '20000', null, '1', null],
      [3, 'alpha', 'BTCUSDT', 'perp', '0.5', '61250', '63010', '10'],
      [4, 'alpha', 'ETHUSDT', 'perp', '-4', '3420', '3390.5', '5'],
    ]);
    // the header the user left unmapped is said, not silently dropped
    expect(result.warnings).toEqual(['columns kept but not used: Desk Note']);
  });

  it('names the file header as written in a problem', () => {
    const bad = ODD.replace('63010', 'n/a');
    const result = importPortfolio({ fileName: 'odd.csv', content: bad, mapping });
    expect(result.ok ? [] : result.errors.map(problemLine)).toEqual(['odd.csv:3:Last Px: expected a decimal number such as 1234.5 (with "." as the decimal point) (found "n/a")']);
  });
});
