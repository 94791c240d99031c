/**
 * Messages of the what-if data flow (fastSession.ts). Per-unit and per-row figures travel as typed
 * arrays, transferred to the page (engine.worker.ts), never as one object per row; exact decimal
 * figures come only for what is on screen, as strings.
 */
import type { MarginMode, PositionReport, ScenarioReport, Scenario, Thresholds, UnitReport, UnitStatus, VenueId } from '../engine/types';

export interface FastArgs {
  scenario: Scenario;
  thresholds: Thresholds;
  /** ISO 8601 valuation time; default: now */
  asOf?: string;
}

/** The units and how rows map to them; fixed while a portfolio is loaded. */
export interface TableLayout {
  rowCount: number;
  /** per unit, in the report's order (accounts in order of appearance, cross unit first) */
  account: string[];
  /** 'cross' or 'isolated:SYMBOL:LINE' */
  unit: string[];
  venue: VenueId[];
  marginMode: MarginMode[];
  /** rows of unit u are unitStart[u] .. unitStart[u + 1] - 1 */
  unitStart: Int32Array;
  rowUnit: Int32Array;
  /** books above this many rows cannot be sorted by exact-only columns */
  exactSortLimit: number;
}

/** float64 figures under one scenario (reconciled with the decimal engine to half a displayed unit). */
export interface FastUnitArrays {
  marginBalance: Float64Array;
  maintenanceMargin: Float64Array;
  initialMargin: Float64Array;
  /** +Infinity: no maintenance margin (no exposure) */
  healthFactor: Float64Array;
  /** index into STATUS_CODES (engine/fast) */
  status: Uint8Array;
  /** 0: a cross unit that exists only when collateral is added to its account */
  present: Uint8Array;
  /** 1: computed by the decimal engine */
  exact: Uint8Array;
}

export interface FastRowArrays {
  notional: Float64Array;
  /** NaN: none (spot) */
  pnl: Float64Array;
  maintenanceMargin: Float64Array;
}

export type FastOutcome =
  | { ok: true; asOf: string; source: string; scenario: ScenarioReport; warnings: string[]; units: FastUnitArrays; rows: FastRowArrays }
  | { ok: false; error: string };

export type ExactUnitsOutcome = { ok: true; units: Array<{ index: number; report: UnitReport }> } | { ok: false; error: string };

export interface ExactPositionRow {
  index: number;
  unit: number;
  status: UnitStatus;
  p: PositionReport;
}

export type PositionRowsOutcome = { ok: true; rows: ExactPositionRow[] } | { ok: false; error: string };

/** The positions table's columns (features/positions/columns.tsx ids). */
export type SortColumn =
  | 'account' | 'unit' | 'symbol' | 'type' | 'side' | 'qty' | 'entry' | 'mark' | 'liq' | 'dist' | 'notional' | 'pnl' | 'im' | 'mm' | 'tier' | 'status';

export type SortOutcome = { ok: true; order: Int32Array } | { ok: false; error: string };

/** Handlers the engine service adds for the data flow (merged into EngineHandlers). */
export interface FastHandlers {
  /** after a load: the units and the row-to-unit map; null when nothing is loaded */
  layout(args: Record<string, never>): TableLayout | null;
  evaluateFast(args: FastArgs): FastOutcome;
  exactUnits(args: FastArgs & { units: number[] }): ExactUnitsOutcome;
  positionRows(args: FastArgs & { rows: number[] }): PositionRowsOutcome;
  sortRows(args: FastArgs & { column: SortColumn; desc: boolean }): SortOutcome;
}
