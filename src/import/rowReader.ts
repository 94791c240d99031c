import type { Dec } from '../engine/decimal';
import type { Cell, Bounds } from './cells';
import { readBounded, readDecimal } from './cells';
import type { Column } from './columns';
import type { CsvRecord } from './csv';
import type { ImportProblem } from './types';

/** Where each canonical column sits in the file, and its header as written. */
export type HeaderMap = ReadonlyMap<Column, { index: number; name: string }>;

/** Reads one record's cells by canonical column, collecting every problem with its place. */
export class RowReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly file: string,
    private readonly header: HeaderMap,
    private readonly record: CsvRecord,
  ) {}

  get line(): number {
    return this.record.line;
  }

  /** The trimmed cell, '' when empty or when the file has no such column. */
  text(column: Column): string {
    const at = this.header.get(column);
    return at ? (this.record.fields[at.index] ?? '').trim() : '';
  }

  has(column: Column): boolean {
    return this.text(column) !== '';
  }

  problem(column: Column | '', message: string, value?: string): void {
    const name = column === '' ? '' : (this.header.get(column)?.name ?? column);
    this.problems.push({
      file: this.file,
      line: this.record.line,
      column: name,
      value: value ?? (column === '' ? '' : this.text(column)),
      message,
    });
  }

  /** A typed cell, or null when blank; a bad cell is a problem and also null. */
  read<T>(column: Column, reader: (text: string) => Cell<T>): T | null {
    const text = this.text(column);
    if (text === '') return null;
    const cell = reader(text);
    if (cell.ok) return cell.value;
    this.problem(column, `expected ${cell.expected}`);
    return null;
  }

  decimal(column: Column, bounds?: Bounds, what?: string): Dec | null {
    return this.read(column, (t) => (bounds ? readBounded(t, bounds, what ?? 'a number in range') : readDecimal(t)));
  }

  /** A cell that must be present: a blank is a problem naming what was expected. */
  require<T>(column: Column, value: T | null, expected: string): T | null {
    if (value === null && this.text(column) === '') this.problem(column, `missing value: expected ${expected}`);
    return value;
  }
}
