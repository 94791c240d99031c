import type { Column } from '../columns';
import type { ImportProblem } from '../types';
import { contractCell, nativeNumber, type ContractCell } from './cells';
import { squash, type NativeTable, type TransformResult } from './types';

export interface EditableRow {
  line: number;
  fields: string[];
}

/**
 * Cell edits for a venue's conversions: read by canonical column or by the venue's own header, write
 * canonical cells (adding the column when the file has none), and report problems at the file's
 * line and under the header as written.
 */
export class TableEditor {
  readonly header: string[];
  readonly columns: Array<Column | null>;
  readonly rows: EditableRow[];
  readonly problems: ImportProblem[] = [];
  readonly warnings: string[] = [];
  /** what a layout converted on the way (IBKR: currencies at their rates), for one warning */
  readonly converted = new Set<string>();

  constructor(private readonly file: string, table: NativeTable) {
    this.header = [...table.header];
    this.columns = [...table.columns];
    this.rows = table.records.map((r) => ({ line: r.line, fields: [...r.fields] }));
  }

  indexOf(column: Column): number {
    return this.columns.indexOf(column);
  }

  /** The column's index, appending it (named as the canonical column, blank in every row) when absent. */
  ensure(column: Column): number {
    const at = this.indexOf(column);
    if (at >= 0) return at;
    this.header.push(column);
    this.columns.push(column);
    for (const row of this.rows) row.fields.push('');
    return this.header.length - 1;
  }

  get(row: EditableRow, column: Column): string {
    const at = this.indexOf(column);
    return at >= 0 ? (row.fields[at] ?? '').trim() : '';
  }

  set(row: EditableRow, column: Column, value: string): void {
    row.fields[this.ensure(column)] = value;
  }

  /** A cell by the venue's own header (squashed), for columns that feed no canonical column. */
  raw(row: EditableRow, squashedHeader: string): string {
    const at = this.header.findIndex((h) => squash(h) === squashedHeader);
    return at >= 0 ? (row.fields[at] ?? '').trim() : '';
  }

  has(squashedHeader: string): boolean {
    return this.header.some((h) => squash(h) === squashedHeader);
  }

  headerOf(column: Column | string): string {
    const at = typeof column === 'string' && !this.columns.includes(column as Column)
      ? this.header.findIndex((h) => squash(h) === column)
      : this.indexOf(column as Column);
    return at >= 0 ? this.header[at]!.trim() : column;
  }

  /**
   * The instrument cell of a positions table (contractCell): writes the symbol, the leverage and,
   * unless the row has one already, the margin mode; null (with the problem) when unreadable.
   */
  contract(row: EditableRow, expected: string): ContractCell | null {
    const written = this.get(row, 'symbol');
    const contract = contractCell(written);
    if (!contract) {
      this.problem(row, 'symbol', expected, written);
      return null;
    }
    this.set(row, 'symbol', contract.symbol);
    if (contract.marginMode && !this.get(row, 'margin_mode')) this.set(row, 'margin_mode', contract.marginMode);
    if (contract.leverage) this.set(row, 'leverage', contract.leverage);
    return contract;
  }

  /** Rewrites the columns' venue numbers ("4,100.00 USDT") as plain decimal text; true when a thousands separator went. */
  numbers(row: EditableRow, columns: readonly Column[]): boolean {
    let regrouped = false;
    for (const column of columns) {
      const figure = nativeNumber(this.get(row, column));
      this.set(row, column, figure.text);
      regrouped ||= figure.regrouped;
    }
    return regrouped;
  }

  problem(row: EditableRow, column: Column | string, message: string, value: string): void {
    this.problems.push({ file: this.file, line: row.line, column: this.headerOf(column), value, message });
  }

  result(): TransformResult {
    return {
      table: { header: this.header, columns: this.columns, records: this.rows.map((r) => ({ line: r.line, fields: r.fields })) },
      problems: this.problems,
      warnings: this.warnings,
    };
  }
}
