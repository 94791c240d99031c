import type { VenueComparison } from '../engine/compare';
import type { ChartData, ChartUnitRef } from '../engine/curveTypes';
import type { RiskScenario } from '../engine/options/riskGrid';
import type { Report, Scenario, Thresholds, VenueId } from '../engine/types';
import type { VenueParamFile, VenueParamKind } from '../engine/venues/params';
import type { ColumnMapping } from '../import/mapping';
import type { PreviewResult } from '../import/preview';
import type { ImportProblem } from '../import/types';
import type { CascadeArgs, CascadeReply } from './cascade';
import type { FastArgs, FastHandlers } from './fastProtocol';

export type * from './fastProtocol';
import type { RiskHandlers } from './riskProtocol';

/** What the page learns about a loaded portfolio (the rows themselves stay in the worker). */
export interface PortfolioSummary {
  source: string;
  rows: number;
  accounts: number;
  /** underlyings in order of first appearance, stablecoins flagged */
  underlyings: Array<{ name: string; stable: boolean }>;
  /** how many option rows: the vol-shock and time-shift controls need options to act on */
  options: number;
}

export type LoadOutcome =
  | { ok: true; summary: PortfolioSummary; warnings: string[] }
  | { ok: false; errors: ImportProblem[] };

export type BracketsOutcome =
  | { ok: true; symbols: string[]; loaded?: Array<{ fileName: string; kind: VenueParamKind; label: string; names: string[] }> }
  | { ok: false; errors: string[] };

/** One file, as before; or a batch of venue parameter files (`replace`: drop what was loaded first, as a workspace restore does). */
export type VenueParamsArgs = { fileName: string; text: string } | { files: VenueParamFile[]; replace?: boolean };

export interface EvaluateArgs {
  scenario: Scenario;
  thresholds: Thresholds;
  /** ISO 8601 valuation time; default: now */
  asOf?: string;
}

export type EvaluateOutcome = { ok: true; report: Report } | { ok: false; error: string };

export interface ChartsArgs {
  scenario: Scenario;
  thresholds: Thresholds;
  /** the unit whose HF curve to draw; null: the riskiest under the scenario */
  unit: ChartUnitRef | null;
  /** how many of the nearest liquidation prices to ship (default 150) */
  ladderSize?: number;
}

export type ChartsOutcome = { ok: true; charts: ChartData } | { ok: false; error: string };

/** Every unit's liquidation shock (moves, float64 from engine/fast/liquidation.ts; NaN: none), by unit index. */
export type UnitLiquidationOutcome =
  | { ok: true; down: Float64Array; up: Float64Array; /** LiquidationSource per unit */ source: Uint8Array }
  | { ok: false; error: string };

/** Which risk matrix: a preset, or a grid read from a JSON file's text. */
export type GridChoice = 'span' | 'deribit' | 'heatmap' | { fileName: string; text: string };

export interface RiskMatrixArgs {
  scenario: Scenario;
  grid: GridChoice;
  /** ISO 8601 valuation time; default: now */
  asOf?: string;
}

/** Float64 statistics (issue 4): PnL series travel as Float64Arrays, requirements as strings. */
export type RiskMatrixOutcome =
  | {
      ok: true;
      grid: { id: string; title: string; scenarios: RiskScenario[]; axes?: { prices: number[]; vols: number[] } };
      /** the book's PnL per scenario, quote currency */
      total: Float64Array;
      units: Array<{ account: string; unit: string; venue: VenueId; pnl: Float64Array; requirement: string; worst: number }>;
    }
  | { ok: false; error: string };

export interface GreeksArgs {
  scenario: Scenario;
  asOf?: string;
}

/** Portfolio greeks per underlying (decimal strings of float64 model figures). */
export type GreeksOutcome =
  | { ok: true; underlyings: Array<{ underlying: string; price: string; options: number; delta: string; gamma: string; vega: string; theta: string; rho: string }> }
  | { ok: false; error: string };

/**
 * The one typed protocol: every engine call the page can make. The worker, the in-process
 * transport (tests, CLI, fallback) and the client are all built from this map.
 */
export interface EngineHandlers extends FastHandlers, RiskHandlers {
  /** Parses and validates a file; the current portfolio is replaced only when the whole file is good. */
  load(args: { fileName: string; content: ArrayBuffer | string; asOf?: string; mapping?: ColumnMapping }): LoadOutcome;
  /** Several files (CSV or exchange JSON) as one portfolio: positions and balances of one venue merge (issue 7). */
  /** each file may carry its own column mapping (the mapping step, one file of several) */
  loadFiles(args: { files: Array<{ fileName: string; content: ArrayBuffer | string; mapping?: ColumnMapping }>; asOf?: string }): LoadOutcome;
  /**
   * Venue parameter files recognised by shape (Binance leverageBracket, OKX position-tiers +
   * instruments, Aave reserves), replacing built-ins symbol by symbol; a batch applies whole or not at all.
   */
  loadBrackets(args: VenueParamsArgs): BracketsOutcome;
  /** Every figure of the current portfolio under a scenario. */
  evaluate(args: EvaluateArgs): EvaluateOutcome;
  /** The current portfolio margined under every venue at once (issue 7). */
  compareVenues(args: { asOf?: string }): CompareVenuesOutcome;
  /** The charts' data under a scenario: HF curve of one unit, liquidation ladder, PnL by underlying. */
  charts(args: ChartsArgs): ChartsOutcome;
  /** Every unit's liquidation shock under a scenario, for the distance-to-liquidation alert (fast path). */
  unitLiquidation(args: FastArgs): UnitLiquidationOutcome;
  /** A liquidation cascade over the current portfolio from the scenario's shock (issue 6). */
  cascade(args: CascadeArgs): CascadeReply;
  /** Every unit's PnL over a risk matrix around the what-if, and its worst weighted loss (issue 4). */
  riskMatrix(args: RiskMatrixArgs): RiskMatrixOutcome;
  /** Portfolio greeks per underlying under the what-if (issue 4). */
  greeks(args: GreeksArgs): GreeksOutcome;
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
