/**
 * Good files: one canonical portfolio and spellings of it that must import to the same rows and
 * evaluate to the same report (line numbers, unit ids with lines, file name and order aside).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluatePortfolio } from '../../src/engine/evaluate';
import type { Portfolio, PortfolioRow, Report } from '../../src/engine/types';
import { importPortfolio } from '../../src/import';

const GOOD = fileURLToPath(new URL('../fixtures/import/good/', import.meta.url));
const AS_OF = '2024-11-15T00:00:00Z';
const read = (file: string) => readFileSync(GOOD + file, 'utf8');
const CANONICAL = read('canonical.csv');

function imported(fileName: string, content: string | Uint8Array): { portfolio: Portfolio; warnings: string[] } {
  const result = importPortfolio({ fileName, content });
  if (!result.ok) throw new Error(`${fileName}: ${JSON.stringify(result.errors)}`);
  return result;
}

type Row = Omit<PortfolioRow, 'line'>;
function rowsOf(portfolio: Portfolio): Row[] {
  return portfolio.rows
    .map(({ line: _line, ...row }) => row)
    .sort((a, b) => (a.account + '\u0000' + a.symbol).localeCompare(b.account + '\u0000' + b.symbol));
}

/** The report without what legitimately differs: file name, line numbers, order of rows. */
function reportOf(portfolio: Portfolio): unknown {
  const result = evaluatePortfolio({ portfolio, asOf: AS_OF });
  if (!result.ok) throw new Error(result.error);
  const report: Report = structuredClone(result.report);
  return {
    ...report,
    source: undefined,
    warnings: [...report.warnings].sort(),
    accounts: report.accounts
      .map((a) => ({
        ...a,
        units: a.units
          .map((u) => ({
            ...u,
            unit: u.unit.replace(/:\d+$/, ''),
            positions: u.positions.map(({ line: _line, ...p }) => p).sort((x, y) => x.symbol.localeCompare(y.symbol)),
          }))
          .sort((x, y) => x.unit.localeCompare(y.unit)),
      }))
      .sort((x, y) => x.account.localeCompare(y.account)),
  };
}

const canonical = imported('canonical.csv', CANONICAL);

describe('the canonical portfolio', () => {
  it('the committed byte variants are what their names say', () => {
    const bytes = (f: string) => readFileSync(GOOD + f);
    expect([...bytes('bom.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes('crlf.csv').toString('latin1')).toBe(CANONICAL.replace(/\n/g, '\r\n'));
    expect(bytes('cr-only.csv').toString('latin1')).toBe(CANONICAL.replace(/\n/g, '\r'));
  });

  it('imports without warnings', () => {
    expect(canonical.warnings).toEqual([]);
    expect(canonical.portfolio.source).toBe('canonical.csv');
  });

  it('has its rows on the physical lines of the file (header = 1)', () => {
    expect(canonical.portfolio.rows.map((r) => [r.line, r.symbol])).toEqual([
      [2, 'USDT'], [3, 'BTC'], [4, 'BTCUSDT'], [5, 'ETHUSDT'], [6, 'BTCUSDT_250328'],
      [7, 'USDC'], [8, 'BTC-27DEC24-60000-C'], [9, 'ETH-USDT-SWAP'], [10, 'SOLUSDT'],
    ]);
  });

  it('reads every kind of row as the file says', () => {
    const by = new Map(canonical.portfolio.rows.map((r) => [r.symbol, r]));
    expect(by.get('BTC')).toMatchObject({ account: 'main', venue: 'binance', type: 'spot', underlying: 'BTC', qty: '0.5', haircut: '0.05', entryPrice: null });
    expect(by.get('ETHUSDT')).toMatchObject({ type: 'perp', qty: '-12', marginMode: 'isolated', isolatedMargin: '4100', leverage: '10' });
    expect(by.get('BTCUSDT_250328')).toMatchObject({ type: 'future', underlying: 'BTC', expiry: '2025-03-28T08:00:00.000Z', leverage: '5' });
    expect(by.get('ETH-USDT-SWAP')).toMatchObject({ account: 'hedge', venue: 'generic', qty: '50', contractSize: '0.1', isolatedMargin: '1700' });
    expect(by.get('SOLUSDT')).toMatchObject({ qty: '-150', marginMode: 'cross', isolatedMargin: null });
    expect(by.get('USDC')).toMatchObject({ type: 'spot', haircut: '0.02' });
    // the option takes its underlying price from the BTC spot / perp mark (63010) in the same file
    expect(by.get('BTC-27DEC24-60000-C')).toMatchObject({
      type: 'option', underlying: 'BTC', qty: '-2', entryPrice: '1850', markPrice: '2100', expiry: '2024-12-27T08:00:00.000Z',
      option: { strike: '60000', optionType: 'call', iv: '0.55', underlyingPrice: '63010', rate: '0' },
    });
  });

  it('evaluates, two accounts with their venues', () => {
    const report = reportOf(canonical.portfolio) as { accounts: Array<{ account: string; venue: string }> };
    expect(report.accounts.map((a) => [a.account, a.venue])).toEqual([['hedge', 'generic'], ['main', 'binance']]);
  });

  it('warns about expired instruments only when asOf is given', () => {
    const result = importPortfolio({ fileName: 'canonical.csv', content: CANONICAL, asOf: '2025-01-01T00:00:00Z' });
    expect(result.ok && result.warnings).toEqual(['line 8: BTC-27DEC24-60000-C expired on 2024-12-27']);
  });
});

const crlf = CANONICAL.replace(/\n/g, '\r\n');
const VARIANTS: Array<[string, () => string | Uint8Array]> = [
  ['UTF-8 BOM (bytes)', () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CANONICAL)])],
  ['UTF-8 BOM (string)', () => '\uFEFF' + CANONICAL],
  ['CRLF line endings', () => crlf],
  ['CRLF line endings (bytes)', () => new TextEncoder().encode(crlf)],
  ['CR-only line endings', () => CANONICAL.replace(/\n/g, '\r')],
  ['no final newline', () => CANONICAL.trimEnd()],
  ['bom.csv', () => readFileSync(GOOD + 'bom.csv')],
  ['crlf.csv', () => readFileSync(GOOD + 'crlf.csv')],
  ['cr-only.csv', () => readFileSync(GOOD + 'cr-only.csv')],
  ['blank-lines.csv', () => read('blank-lines.csv')],
  ['quoted.csv', () => read('quoted.csv')],
  ['header-spaces.csv', () => read('header-spaces.csv')],
  ['header-dashes.csv', () => read('header-dashes.csv')],
  ['header-camel.csv', () => read('header-camel.csv')],
  ['header-upper.csv', () => read('header-upper.csv')],
  ['ccxt.csv', () => read('ccxt.csv')],
  ['shuffled.csv', () => read('shuffled.csv')],
  ['signed-qty.csv', () => read('signed-qty.csv')],
  ['extra-columns.csv', () => read('extra-columns.csv')],
  ['proto-columns.csv', () => read('proto-columns.csv')],
];

describe.each(VARIANTS)('variant: %s', (name, content) => {
  const variant = imported(name, content());

  it('gives the same rows', () => {
    expect(rowsOf(variant.portfolio)).toEqual(rowsOf(canonical.portfolio));
  });

  it('gives the same evaluated report', () => {
    expect(reportOf(variant.portfolio)).toEqual(reportOf(canonical.portfolio));
  });
});

describe('line numbers in the variants stay physical', () => {
  it('blank-lines.csv: rows after the blank lines keep their own line numbers', () => {
    // header 1, blank 2, rows 3-5, spaces-only 6, rows 7-9, blank 10-11, rows 12-14
    expect(imported('b', read('blank-lines.csv')).portfolio.rows.map((r) => r.line)).toEqual([3, 4, 5, 7, 8, 9, 12, 13, 14]);
  });

  it.each([['CRLF', crlf], ['CR', CANONICAL.replace(/\n/g, '\r')]])('%s: the same lines as LF', (_name, text) => {
    expect(imported('x', text).portfolio.rows.map((r) => r.line)).toEqual(canonical.portfolio.rows.map((r) => r.line));
  });
});

describe('unknown columns are kept, ignored and reported', () => {
  it('extra-columns.csv warns with the columns as written', () => {
    expect(imported('extra-columns.csv', read('extra-columns.csv')).warnings).toEqual(['columns kept but not used: note, Liq. Price']);
  });

  it('proto-columns.csv: __proto__ and constructor headers are harmless data', () => {
    const { warnings, portfolio } = imported('proto-columns.csv', read('proto-columns.csv'));
    expect(warnings).toEqual(['columns kept but not used: __proto__, constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    for (const row of portfolio.rows) {
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(Object.keys(row)).not.toContain('polluted');
    }
  });

  // BUG by the spec ("Unknown columns are kept and ignored, never an error"): two unknown columns
  // with the same name are refused as a duplicate column (src/import/index.ts readHeader).
  it('two unknown columns with the same name are not an error', () => {
    const text = CANONICAL.split('\n').map((l, i) => (l === '' ? l : i === 0 ? `${l},note,note` : `${l},a,b`)).join('\n');
    expect(importPortfolio({ fileName: 'notes.csv', content: text }).ok).toBe(true);
  });
});

describe('__proto__ and constructor as account names', () => {
  const { portfolio } = imported('proto-accounts.csv', read('proto-accounts.csv'));

  it('are accounts like any other', () => {
    expect([...new Set(portfolio.rows.map((r) => r.account))]).toEqual(['__proto__', 'constructor']);
    const renamed = portfolio.rows.map((r) => ({ ...r, account: r.account === '__proto__' ? 'main' : 'hedge' }));
    expect(rowsOf({ ...portfolio, rows: renamed })).toEqual(rowsOf(canonical.portfolio));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('appear by name in the evaluated report, with their own venues', () => {
    const result = evaluatePortfolio({ portfolio, asOf: AS_OF });
    expect(result.ok && result.report.accounts.map((a) => [a.account, a.venue])).toEqual([
      ['__proto__', 'binance'],
      ['constructor', 'generic'],
    ]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
