/**
 * IBKR Flex Open Positions beyond USD stocks and futures: options (Flex has no volatility column) and
 * positions priced in another currency (converted with the export's own FXRateToBase). Every figure
 * is hand arithmetic on the fixtures (test/fixtures/import-native/README.md, "IBKR").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../src/engine/types';
import { importPortfolio, problemLine } from '../../src/import';

const DIR = fileURLToPath(new URL('../fixtures/import-native/', import.meta.url));
const read = (file: string) => readFileSync(DIR + file, 'utf8');

function load(file: string, content = read(file)): { rows: Map<string, PortfolioRow>; warnings: string[] } {
  const result = importPortfolio({ fileName: file, content });
  if (!result.ok) throw new Error(result.errors.map(problemLine).join('\n'));
  return { rows: new Map(result.portfolio.rows.map((r) => [r.symbol, r])), warnings: result.warnings };
}

function refused(file: string, content: string): string[] {
  const result = importPortfolio({ fileName: file, content });
  if (result.ok) throw new Error(`${file} loaded`);
  return result.errors.map(problemLine);
}

describe('IBKR Flex: positions in another currency', () => {
  const { rows, warnings } = load('ibkr-flex-fx.csv');

  it('converts EUR prices to USD with FXRateToBase and leaves USD rows alone', () => {
    expect(rows.get('AAPL')).toMatchObject({ markPrice: '228.22', qty: '300' });
    // SAP 222.5 EUR × 1.0545 = 234.62625 USD; a stock balance keeps no entry price
    expect(rows.get('SAP')).toMatchObject({ type: 'spot', qty: '40', markPrice: '234.62625', entryPrice: null });
    // FESX mark 4,800 × 1.0545 = 5,061.6; cost 4,850 × 1.0545 = 5,114.325; the multiplier (10) is a count, not money
    expect(rows.get('FESXZ4')).toMatchObject({ type: 'future', qty: '-2', contractSize: '10', markPrice: '5061.6', entryPrice: '5114.325' });
    expect(warnings).toContain("ibkr-flex-fx.csv: prices of non-USD positions converted to USD with the export's FXRateToBase (EUR at 1.0545)");
  });

  it('the converted PnL is the export\'s own FifoPnlUnrealized times the rate', () => {
    // -2 × 10 × (5,061.6 - 5,114.325) = 1,054.5 = 1,000 EUR × 1.0545
    const f = rows.get('FESXZ4')!;
    const pnl = -2 * 10 * (Number(f.markPrice) - Number(f.entryPrice!)); // float only to compare with the hand figure
    expect(pnl).toBeCloseTo(1054.5, 9);
  });

  const header = read('ibkr-flex-fx.csv').split('\n')[0]!;
  const headerWithoutRate = header.replace('"FXRateToBase",', '');

  it('refuses a non-USD position with no rate, saying what to add', () => {
    const csv = `${headerWithoutRate}\n"U1","EUR","STK","SAP","SAP SE","14204","","1","","","","20241115","40","222.5","8900","180","7200","1700","Long","SUMMARY"\n`;
    expect(refused('e.csv', csv)).toEqual([
      'e.csv:2:CurrencyPrimary: expected USD, or an FX rate to convert EUR prices: the export has no FXRateToBase column; add FXRateToBase to the Flex query (Open Positions) or leave this position out (found "EUR")',
    ]);
    const blank = `${header}\n"U1","EUR","","STK","SAP","SAP SE","14204","","1","","","","20241115","40","222.5","8900","180","7200","1700","Long","SUMMARY"\n`;
    expect(refused('b.csv', blank)[0]).toContain('b.csv:2:CurrencyPrimary: expected USD, or an FX rate to convert EUR prices: its FXRateToBase is blank');
  });

  it('refuses rates that cannot be rates to USD: a USD position at a rate other than 1, a rate of 0', () => {
    const csv = `${header}\n"U1","USD","0.9483","STK","AAPL","APPLE INC","1","","1","","","","20241115","300","228.22","68466","189.5","56850","11616","Long","SUMMARY"\n"U1","EUR","0","STK","SAP","SAP SE","2","","1","","","","20241115","40","222.5","8900","180","7200","1700","Long","SUMMARY"\n`;
    expect(refused('r.csv', csv)).toEqual([
      'r.csv:2:FXRateToBase: expected 1 for a USD position: FXRateToBase converts to the account\'s base currency, so the base is not USD here; run the query with USD as the base currency (found "0.9483")',
      'r.csv:3:FXRateToBase: expected a rate above 0 from EUR to USD (found "0")',
    ]);
  });
});

describe('IBKR Flex: options', () => {
  it('loads options when the file was given an iv_pct column (Flex has none of its own)', () => {
    const { rows } = load('ibkr-flex-options-iv.csv');
    // the OCC symbol gives strike 230 and call, the Strike and Put/Call columns agree; 24.5 % -> 0.245
    expect(rows.get('AAPL  241220C00230000')).toMatchObject({ type: 'option', underlying: 'AAPL', qty: '5', contractSize: '100', markPrice: '4.35', entryPrice: '3.1' });
    expect(rows.get('AAPL  241220C00230000')!.option).toMatchObject({ strike: '230', optionType: 'call', iv: '0.245' });
    expect(rows.get('AAPL  241220P00220000')!.option).toMatchObject({ strike: '220', optionType: 'put', iv: '0.26' });
  });

  const csv = read('ibkr-flex-options-iv.csv');
  it('without a volatility column, each option row says what is missing and how to add it', () => {
    const lines = csv.split('\n').map((l) => l.replace(/,("iv_pct"|"[\d.]*")$/, ''));
    expect(refused('o.csv', lines.join('\n'))).toEqual([
      'o.csv:3:iv: missing value: an option needs its implied volatility and a Flex export has no volatility column; add an iv column (a fraction, 0.25) or iv_pct (percent, 25) for each option row, or choose one in the mapping step',
      'o.csv:4:iv: missing value: an option needs its implied volatility and a Flex export has no volatility column; add an iv column (a fraction, 0.25) or iv_pct (percent, 25) for each option row, or choose one in the mapping step',
    ]);
  });

  it('a blank iv cell on one option row is named on that row only', () => {
    const blank = csv.replace(/"26"\s*$/, '""');
    expect(refused('p.csv', blank)).toEqual([
      'p.csv:4:iv_pct: missing value: an option needs its implied volatility and its iv_pct cell is blank; add an iv column (a fraction, 0.25) or iv_pct (percent, 25) for each option row, or choose one in the mapping step',
    ]);
  });
});
