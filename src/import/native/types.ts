import type { VenueId } from '../../engine/types';
import type { Column } from '../columns';
import type { CsvRecord } from '../csv';
import type { ImportProblem } from '../types';

/** A parsed file with the canonical column each header feeds (null: not used). */
export interface NativeTable {
  header: string[];
  columns: Array<Column | null>;
  records: CsvRecord[];
}

export interface TransformResult {
  table: NativeTable;
  problems: ImportProblem[];
  warnings: string[];
}

/**
 * A venue's own export layout: which of its headers mean which canonical column, which it carries
 * that we deliberately do not use, and the cell conversions its layout needs.
 */
export interface NativeProfile {
  id: string;
  /** as the page and the warnings name it: "IBKR Flex Open Positions" */
  title: string;
  /** the margin rules the rows get when the file has no venue column; null keeps the default */
  venue: VenueId | null;
  /** where the column names come from (documentation page) */
  source: string;
  /** squashed headers that must all be present for the file to be read this way */
  fingerprint: readonly string[];
  /** squashed header -> canonical column, before the common aliases */
  columns: ReadonlyMap<string, Column>;
  /** squashed headers the venue writes that we know and do not need */
  ignored: ReadonlySet<string>;
  transform?(file: string, table: NativeTable): TransformResult;
}

/** `Liq. Price`, `LiqPrice`, `liq_price` and `PNL (ROI %)` compare as `liqprice` and `pnlroi`. */
export function squash(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}
