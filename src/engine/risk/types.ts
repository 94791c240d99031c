/** Risk figures as they cross boundaries: statistics as decimal strings, big series as Float64Array. */

export interface TailFigures {
  /** the confidence α as given, e.g. "0.99" */
  confidence: string;
  /** loss at α (positive = a loss), quote currency */
  var: string;
  /** mean loss beyond VaR, quote currency */
  es: string;
}

export interface UnitRisk {
  account: string;
  unit: string;
  label: string;
  marginBalance: string;
  tails: TailFigures[];
  /** share of paths on which HF fell below the margin-call level at some step */
  pMarginCall: string;
  /** share of paths on which HF reached 1 at some step */
  pLiquidation: string;
}

/**
 * Per-unit figures of a run as columns (unit i in the model's order, ExposureModel.units): a big book
 * has tens of thousands of units, and a preview re-runs on every slider step, so the page gets
 * numbers it formats for the rows on screen, not tens of thousands of objects of text.
 */
export interface UnitColumns {
  /** the confidences as given, e.g. ["0.99", "0.975"]; `var` and `es` hold them in this order */
  confidences: string[];
  /** per unit: margin balance at the start of the paths */
  marginBalance: Float64Array;
  /** [i · levels + c]: unit i's VaR / ES at confidences[c], quote currency (positive = a loss) */
  var: Float64Array;
  es: Float64Array;
  /** per unit: paths on which it was margin-called / liquidated at some step */
  marginCalls: Int32Array;
  liquidations: Int32Array;
}

/** What a run reports about itself and the whole book (shared by the row and column forms). */
export interface VarSummary {
  method: 'monte-carlo' | 'historical';
  paths: number;
  horizonDays: number;
  /** steps per path; margin-call and liquidation are checked at every step */
  steps: number;
  seed: number | null;
  convention: string;
  book: { marginBalance: string; tails: TailFigures[]; pAnyLiquidation: string };
  /** book PnL per path, in path order (float64; for the histogram) */
  pnl: Float64Array;
  warnings: string[];
}

/** The run as the worker sends it to the page. */
export interface VarFigures extends VarSummary {
  units: UnitColumns;
}

/** The run with a row of text per unit (the CLI's JSON, tests): unitRows of the figures. */
export interface VarReport extends VarSummary {
  units: UnitRisk[];
}

/** A unit as the VaR rows name it (ExposureModel.units order). */
export interface UnitIdentity {
  account: string;
  unit: string;
  label: string;
}

/** Daily returns a user loads for historical simulation (src/import/returns.ts reads them). */
export interface ReturnsTable {
  source: string;
  /** ISO dates, ascending */
  dates: string[];
  assets: string[];
  /** dates × assets, row-major, simple returns as fractions; NaN where the file has no value */
  returns: Float64Array;
}
