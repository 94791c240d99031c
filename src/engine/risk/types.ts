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

export interface VarReport {
  method: 'monte-carlo' | 'historical';
  paths: number;
  horizonDays: number;
  /** steps per path; margin-call and liquidation are checked at every step */
  steps: number;
  seed: number | null;
  convention: string;
  book: { marginBalance: string; tails: TailFigures[]; pAnyLiquidation: string };
  units: UnitRisk[];
  /** book PnL per path, in path order (float64; for the histogram) */
  pnl: Float64Array;
  warnings: string[];
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
