/**
 * Chart data as it crosses the worker boundary: long numeric series are typed arrays (transferred,
 * not copied), exact figures are decimal strings.
 */

export interface ChartUnitRef {
  account: string;
  /** the unit id as in the report: "cross", "isolated:SYMBOL:LINE" */
  unit: string;
}

/** A unit for the picker, with its health factor under the scenario (float64: for ranking only). */
export interface UnitRisk extends ChartUnitRef {
  hf: number | null;
}

/** One unit's HF, margin balance and maintenance margin against a uniform move of every non-stable underlying. */
export interface HfCurve extends ChartUnitRef {
  /** the uniform move m (fraction), ascending; x = 1 + m multiplies the scenario's other marks */
  move: Float64Array;
  /** NaN where MM = 0 (no health factor) */
  hf: Float64Array;
  marginBalance: Float64Array;
  maintenance: Float64Array;
  /** every exact move at which HF = 1 (decimal strings), ascending; may lie beyond the chart */
  liquidationMoves: string[];
  /** the scenario's own uniform move (its `all` shock) */
  currentMove: string;
  currentHF: string | null;
  currentMarginBalance: string;
  currentMaintenance: string;
}

/**
 * The nearest liquidation prices, as moves of each position's underlying from today's mark: the
 * report's liquidation prices from the float64 solver (engine/fast/liquidation.ts), within half a
 * displayed unit of the decimal engine (units it computes exactly carry its figures).
 */
export interface LiquidationLadder {
  /** "account · SYMBOL (line N)", nearest first */
  labels: string[];
  underlyings: string[];
  /** price move of the underlying that liquidates (fraction, from today's mark) */
  move: Float64Array;
  /** the scenario's move of that underlying */
  shock: Float64Array;
  /**
   * 1 where the scenario reaches the liquidation price: the position's unit is at or below HF 1
   * under the scenario (every liquidation price of a liquidated unit is passed, including one that
   * is already passed today and lies on the far side of the mark)
   */
  within: Uint8Array;
  /** positions with a liquidation price (all of them, not only the ones shipped) */
  total: number;
  /** of those, how many the scenario reaches */
  withinTotal: number;
  /** positions whose unit has no liquidation price for that underlying */
  withoutLiquidation: number;
}

/** float64 sums over the fast book (a chart's figure, not the report's): decimal text of the float, 15 significant digits. */
export interface UnderlyingPnl {
  underlying: string;
  /** unrealised PnL of the underlying's perps, futures and options under the scenario (quote currency) */
  pnl: string;
  /** what the scenario's move of the underlying changes in value, every row including spot (quote currency) */
  change: string;
}

export interface ChartData {
  /** the riskiest units (and the one shown), lowest HF first */
  units: UnitRisk[];
  /** how many units have a health factor at all */
  unitsWithExposure: number;
  curve: HfCurve | null;
  ladder: LiquidationLadder;
  pnl: UnderlyingPnl[];
}
