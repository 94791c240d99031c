import type { VenueComparison } from '../engine/compare';
import type { Report, Scenario, Thresholds } from '../engine/types';
import type { ColumnMapping } from '../import/mapping';
import type { PreviewResult } from '../import/preview';
import type { ImportProblem } from '../import/types';

/** What the page learns about a loaded portfolio (the rows themselves stay in the worker). */
export interface PortfolioSummary {
  source: string;
  rows: number;
  accounts: number;
  /** underlyings in order of first appearance, stablecoins flagged */
  underlyings: Array<{ name: string; stable: boolean }>;
}

export type LoadOutcome =
  | { ok: true; summary: PortfolioSummary; warnings: string[] }
  | { ok: false; errors: ImportProblem[] };

export type BracketsOutcome = { ok: true; symbols: string[] } | { ok: false; errors: string[] };

export interface EvaluateArgs {
  scenario: Scenario;
  thresholds: Thresholds;
  /** ISO 8601 valuation time; default: now */
  asOf?: string;
}

export type EvaluateOutcome = { ok: true; report: Report } | { ok: false; error: string };

/**
 * The one typed protocol: every engine call the page can make. The worker, the in-process
 * transport (tests, CLI, fallback) and the client are all built from this map.
 */
export interface EngineHandlers {
  /** Parses and validates a file; the current portfolio is replaced only when the whole file is good. */
  load(args: { fileName: string; content: ArrayBuffer | string; asOf?: string; mapping?: ColumnMapping }): LoadOutcome;
  /** Several files (CSV or exchange JSON) as one portfolio: positions and balances of one venue merge (issue 7). */
  loadFiles(args: { files: Array<{ fileName: string; content: ArrayBuffer | string }>; asOf?: string }): LoadOutcome;
  /** Tier tables in Binance's leverageBracket shape, replacing built-ins symbol by symbol. */
  loadBrackets(args: { fileName: string; text: string }): BracketsOutcome;
  /** Every figure of the current portfolio under a scenario. */
  evaluate(args: EvaluateArgs): EvaluateOutcome;
  /** The current portfolio margined under every venue at once (issue 7). */
  compareVenues(args: { asOf?: string }): CompareVenuesOutcome;
  /** A file's header, first rows and suggested column mapping, for the mapping step (issue 7). */
  previewFile(args: { fileName: string; content: ArrayBuffer | string }): PreviewResult;
  /** The file imported with a mapping, as `load` would, without replacing the current portfolio. */
  checkMapping(args: { fileName: string; content: ArrayBuffer | string; mapping: ColumnMapping; asOf?: string }): LoadOutcome;
}

export type { ColumnMapping } from '../import/mapping';
export type { ImportProblem } from '../import/types';
export type { CsvPreview, PreviewResult } from '../import/preview';

export type CompareVenuesOutcome = { ok: true; comparison: VenueComparison } | { ok: false; error: string };

export type Method = keyof EngineHandlers;
export type ArgsOf<M extends Method> = Parameters<EngineHandlers[M]>[0];
export type ResultOf<M extends Method> = ReturnType<EngineHandlers[M]>;

export interface RequestMessage<M extends Method = Method> {
  id: number;
  method: M;
  args: ArgsOf<M>;
}

export type ReplyMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string };
