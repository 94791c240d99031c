import { describe, expect, it } from 'vitest';
import type { PositionReport, Report, UnitReport } from '../../src/engine/types';
import { positionsCsv, reportJson, unitsCsv, UTF8_BOM } from '../../src/export/reportFiles';
import { csvCell } from '../../src/lib/csvWrite';

const position: PositionReport = {
  line: 2, symbol: 'BTCUSDT', type: 'perp', underlying: 'BTC', side: 'short', qty: '-1.5', contractSize: '1', entryPrice: '60000',
  markPrice: '63000', notional: '94500', unrealizedPnl: '-4500', value: null, initialMargin: '9450', maintenanceMargin: '472.5',
  mmr: '0.005', maintenanceAmount: '0', imr: '0.1', bracket: 1, haircut: null, liquidationPrice: '64210.5',
  distanceToLiquidation: '0.0192', note: '=HYPERLINK("http://x","click")',
};
const unit: UnitReport = {
  unit: 'cross', marginMode: 'cross', collateral: '5000', debt: '0', unrealizedPnl: '-4500', marginBalance: '500',
  initialMargin: '9450', maintenanceMargin: '472.5', healthFactor: '1.0582', marginRatio: '0.945', availableMargin: '-8950',
  marginBuffer: '27.5', status: 'margin_call', liquidationShock: { down: null, up: '0.0192' }, remediation: null, positions: [position],
};
const report: Report = {
  schema: 'margin-radar/report@1', asOf: '2026-01-01T00:00:00.000Z', source: 'book.csv',
  scenario: { shocks: {}, all: '0', volShock: '0', days: '0', addCollateral: {}, targetHF: '1.5', marginCallHF: '1.25' },
  accounts: [{ account: '@risk "desk"\nB', venue: 'generic', units: [unit] }],
  warnings: ['expiry passed'],
};

/** Splits RFC 4180 text into rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('starts with the UTF-8 BOM and ends every record with CRLF', () => {
    const text = unitsCsv(report);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('neutralises formula cells, keeps negative numbers, quotes quotes and line breaks', () => {
    const rows = parseCsv(positionsCsv(report).slice(1));
    const header = rows[0]!;
    const cells = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    // a note that a spreadsheet would run as a formula gets a leading apostrophe
    expect(cells.note).toBe(`'=HYPERLINK("http://x","click")`);
    // "@..." is a formula in some spreadsheets too; its quotes are doubled and its line break kept inside quotes
    expect(cells.account).toBe(`'@risk "desk"\nB`);
    // numbers are never altered, negative ones included
    expect(cells.qty).toBe('-1.5');
    expect(cells.unrealizedPnl).toBe('-4500');
    expect(cells.unitAvailableMargin).toBe('-8950');
    expect(cells.liquidationPrice).toBe('64210.5');
  });

  it('escapes each start character the RFC-4180-plus-OWASP rule names', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('-0.25')).toBe('-0.25');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('units CSV: one row per unit with every figure', () => {
    const rows = parseCsv(unitsCsv(report).slice(1));
    expect(rows).toHaveLength(2);
    const cells = Object.fromEntries(rows[0]!.map((h, i) => [h, rows[1]![i]]));
    expect(cells).toMatchObject({ unit: 'cross', healthFactor: '1.0582', status: 'margin_call', liquidationShockUp: '0.0192', liquidationShockDown: '', positions: '1' });
  });
});

describe('JSON export', () => {
  it("is the CLI's report schema with the import warnings first", () => {
    const json = JSON.parse(reportJson(report, ['line 3: mark is stale'])) as Report;
    expect(json.schema).toBe('margin-radar/report@1');
    expect(json.warnings).toEqual(['line 3: mark is stale', 'expiry passed']);
    expect(json.accounts[0]!.units[0]!.positions[0]!.qty).toBe('-1.5');
  });
});
