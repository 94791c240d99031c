/**
 * The liquidation cascade's inputs and outputs as they cross boundaries: money as decimal strings,
 * per-event columns as Float64Arrays (display figures only; exact totals are strings).
 */

export type ImpactModel = 'linear' | 'sqrt';

/** How one underlying's price answers forced flow (docs/cascade.md, "Market impact"). */
export interface ImpactSpec {
  underlying: string;
  model: ImpactModel;
  /** quote notional, at today's marks, whose sale moves the price by 1% (linear) or by `coefficient` (sqrt) */
  depth: string;
  /** sqrt model: the move when the cumulative flow equals the depth; default 0.01 */
  coefficient?: string;
}

/** Margin venues: close everything, or the least that brings HF back to `targetHF`. */
export type PartialRule = { kind: 'full' } | { kind: 'to-target'; targetHF: string };

export interface CascadeParams {
  /** underlyings without a spec have no impact (an infinitely deep market) */
  impact: ImpactSpec[];
  /** liquidation fee rate on the closed notional (margin venues) or the repaid debt (lending: the bonus) */
  feeRate: string;
  /** the insurance fund at the start, quote currency */
  fund: string;
  partial: PartialRule;
  /** at most this many rounds (1..100) */
  maxRounds: number;
}

export const DEFAULT_CASCADE_PARAMS: CascadeParams = {
  impact: [],
  feeRate: '0.01',
  fund: '0',
  partial: { kind: 'full' },
  maxRounds: 10,
};

export type LiquidationKind = 'full' | 'partial' | 'close-factor-50' | 'close-factor-100';
export const LIQUIDATION_KINDS: readonly LiquidationKind[] = ['full', 'partial', 'close-factor-50', 'close-factor-100'];

/** One round: what happened at its marks, and the price it left. */
export interface CascadeRound {
  round: number;
  /** units liquidated in this round */
  liquidated: number;
  /** notional closed into the market, at the round's marks */
  liquidatedNotional: string;
  fees: string;
  impactCost: string;
  bankrupt: number;
  /** deficit the fund paid */
  fundPaid: string;
  /** the fund after the round */
  fund: string;
  adlEvents: number;
  adlAmount: string;
  /** deficit that neither the fund nor ADL could cover */
  uncovered: string;
  /** net quote notional sold per underlying this round (negative: bought), at today's marks */
  flows: Array<[underlying: string, notional: string]>;
  /** the price ratio to today's marks after the round's impact, per underlying */
  ratios: Array<[underlying: string, ratio: string]>;
}

/** The liquidated units in order, as columns (index i is one liquidation). */
export interface LiquidationColumns {
  round: Int32Array;
  /** index into `names` */
  unit: Int32Array;
  kind: Uint8Array;
  hfBefore: Float64Array;
  notional: Float64Array;
  fee: Float64Array;
  slippage: Float64Array;
  /** deficit after the liquidation (0 when solvent) */
  deficit: Float64Array;
  fundPaid: Float64Array;
  adlPaid: Float64Array;
  /** spot collateral sold into the market, at the round's marks: a margin unit's, when its stable balance could not pay (docs/cascade.md), or what Aave seized */
  collateralSold: Float64Array;
}

export interface HfHistogram {
  /** bin i holds lo[i] <= HF < lo[i + 1]; the last bin is open above */
  lo: number[];
  before: number[];
  after: number[];
  /** units without maintenance margin (HF none): before, after */
  noneBefore: number;
  noneAfter: number;
}

/**
 * Money conservation (docs/cascade.md, "Accounting"): with equity E = the unit's money at the marks
 * (wallet + unrealised PnL + spot at full value), exactly
 * accountsChange + fundChange + impactCost = priceEffect.
 */
export interface CascadeAccounting {
  accountsChange: string;
  fundChange: string;
  impactCost: string;
  priceEffect: string;
  fees: string;
}

export interface CascadeResult {
  rounds: CascadeRound[];
  /** why it stopped */
  stop: 'no-liquidation' | 'round-limit';
  /** the starting price ratio per underlying (the scenario's shock) */
  startRatios: Array<[underlying: string, ratio: string]>;
  /** today's reference price per underlying (the first row's mark) */
  referencePrices: Array<[underlying: string, price: string]>;
  fundStart: string;
  fundEnd: string;
  units: number;
  /** `account · unit` names of the units in `liquidations.unit` and `adl.unit` (both index it) */
  names: string[];
  liquidations: LiquidationColumns;
  adl: { unit: Int32Array; round: Int32Array; amount: Float64Array };
  histogram: HfHistogram;
  accounting: CascadeAccounting;
}
