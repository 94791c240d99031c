/** Size caps: a hostile or mistaken file is refused early and cheaply. */
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, importPortfolio, type ImportProblem, type ImportResult } from '../../src/import';

function errorsOf(result: ImportResult): ImportProblem[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('file size', () => {
  // 'a' * (cap + 1) would, if parsed, be a header without the required columns (line 1);
  // line 0 shows that it was refused as a whole before parsing.
  it('refuses a string longer than maxBytes with line 0', () => {
    const errors = errorsOf(importPortfolio({ fileName: 'huge.csv', content: 'a'.repeat(IMPORT_LIMITS.maxBytes + 1) }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'huge.csv', line: 0, column: '', value: '' });
    expect(errors[0]!.message).toContain(`the limit is ${IMPORT_LIMITS.maxBytes}`);
  });

  // zero bytes would otherwise be refused as NUL bytes on line 1
  it('refuses bytes longer than maxBytes with line 0', () => {
    const errors = errorsOf(importPortfolio({ fileName: 'huge.bin', content: new Uint8Array(IMPORT_LIMITS.maxBytes + 1) }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'huge.bin', line: 0, column: '' });
    expect(errors[0]!.message).toContain('64 MiB');
  });
});

describe('cell length', () => {
  const header = 'account,symbol,qty,mark_price';
  const row = (account: string) => `${account},BTC,1,63010`;

  it('accepts a cell of exactly maxCellLength characters', () => {
    const name = 'x'.repeat(IMPORT_LIMITS.maxCellLength);
    const result = importPortfolio({ fileName: 'ok.csv', content: [header, row('main'), row(name)].join('\n') });
    expect(result.ok && result.portfolio.rows[1]!.account).toBe(name);
  });

  it('refuses a longer cell on its line (3), with the start of the text as the value', () => {
    const name = 'y'.repeat(IMPORT_LIMITS.maxCellLength + 1);
    const errors = errorsOf(importPortfolio({ fileName: 'long.csv', content: [header, row('main'), row(name), row('other')].join('\n') }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'long.csv', line: 3 });
    expect(errors[0]!.message).toContain(`at most ${IMPORT_LIMITS.maxCellLength} characters`);
    expect(errors[0]!.value.startsWith('y'.repeat(40))).toBe(true);
    expect(errors[0]!.value.length).toBeLessThan(100);
  });

  // BUG (src/import/index.ts recordShapeProblem): the column is reported as "#1" (its position), but
  // ImportProblem.column is "the column's header as written in the file" — here "account".
  it('names the column of the long cell by its header', () => {
    const name = 'y'.repeat(IMPORT_LIMITS.maxCellLength + 1);
    const errors = errorsOf(importPortfolio({ fileName: 'long.csv', content: [header, row('main'), row(name)].join('\n') }));
    expect(errors[0]!.column).toBe('account');
  });
});

describe('error count', () => {
  it(`reports at most ${IMPORT_LIMITS.maxErrors} problems, the first on line 2`, () => {
    const lines = ['symbol,qty,mark_price', ...Array.from({ length: IMPORT_LIMITS.maxErrors + 50 }, () => 'BTC,x,63010')];
    const errors = errorsOf(importPortfolio({ fileName: 'many.csv', content: lines.join('\n') }));
    expect(errors).toHaveLength(IMPORT_LIMITS.maxErrors);
    expect(errors[0]).toMatchObject({ line: 2, column: 'qty', value: 'x' });
    expect(errors[IMPORT_LIMITS.maxErrors - 1]!.line).toBe(IMPORT_LIMITS.maxErrors + 1);
  });
});
