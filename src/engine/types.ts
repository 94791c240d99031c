/**
 * The data that crosses boundaries (worker messages, store, JSON): every decimal is a string.
 * The engine turns strings into decimals on entry and back into strings on exit.
 */

export type InstrumentType = 'perp' | 'future' | 'option' | 'spot';
export type MarginMode = 'cross' | 'isolated';
export type Side = 'long' | 'short';
export type OptionType = 'call' | 'put';
export const VENUE_IDS = ['generic', 'binance', 'aave-v3', 'bybit', 'okx', 'hyperliquid', 'deribit'] as const;
export type VenueId = (typeof VENUE_IDS)[number];

export interface OptionTerms {
  strike: string;
  optionType: OptionType;
  /** annualised implied volatility as a fraction */
  iv: string;
  underlyingPrice: string;
  rate: string;
}

/** One validated holding of the portfolio, as the importer produces it. */
export interface PortfolioRow {
  /** 1-based physical line of the record in its file (header = 1) */
  line: number;
  account: string;
  venue: VenueId;
  symbol: string;
  type: InstrumentType;
  underlying: string;
  /** signed: negative is short (spot: borrowed) */
  qty: string;
  contractSize: string;
  entryPrice: string | null;
  markPrice: string;
  marginMode: MarginMode;
  isolatedMargin: string | null;
  leverage: string | null;
  imr: string | null;
  mmr: string | null;
  maintenanceAmount: string | null;
  /** collateral haircut; lending venues store 1 - liquidation_threshold here */
  haircut: string | null;
  /** ISO 8601 instant, futures and options */
  expiry: string | null;
  option: OptionTerms | null;
  /** inverse (coin-margined) contract: qty × contract_size is its USD face value, PnL is earned in the coin */
  inverse?: boolean;
  /** the venue's own figures from the file, to set beside ours (absent when the file has none) */
  venueLiquidationPrice?: string | null;
  venueMaintenanceMargin?: string | null;
  /**
   * perps: the funding rate per 8 hours as a fraction, signed as the venue publishes it (longs pay
   * shorts when positive); absent or null when the file has none
   */
  fundingRate?: string | null;
}

export interface Portfolio {
  /** the file name the rows came from */
  source: string;
  rows: PortfolioRow[];
}

export interface Thresholds {
  /** the user's margin buffer: below it a unit is in `warning` */
  targetHF: string;
  /** below it a unit is in `margin_call` */
  marginCallHF: string;
}

export const DEFAULT_THRESHOLDS: Thresholds = { targetHF: '1.5', marginCallHF: '1.25' };

/**
 * A what-if. Keys are underlyings or account names: user text, so they live in arrays of pairs,
 * never as object keys.
 */
export interface Scenario {
  /** fractional move per underlying, e.g. ['BTC', '-0.2'] */
  shocks: Array<[underlying: string, fraction: string]>;
  /** fractional move of every non-stable underlying; compounds with a named shock */
  all: string;
  volShock: string;
  days: string;
  addCollateral: Array<[account: string, amount: string]>;
  /**
   * Positions closed in part, as a fraction of their size (apply-cut what-if, see cuts.ts):
   * `cross:ACCOUNT` cuts every perp and future of the account's cross unit, `line:N` the position on
   * file line N (for an isolated unit, its one position). Absent means none.
   */
  cuts?: Array<[key: string, fraction: string]>;
}

export const EMPTY_SCENARIO: Scenario = { shocks: [], all: '0', volShock: '0', days: '0', addCollateral: [], cuts: [] };

export type UnitStatus = 'ok' | 'warning' | 'margin_call' | 'liquidation';

export interface TierUsed {
  bracket: number | null;
  mmr: string;
  maintenanceAmount: string;
  imr: string;
  /** where the rates came from */
  origin: 'row' | 'tier' | 'default';
}

export interface PositionReport {
  line: number;
  symbol: string;
  type: InstrumentType;
  underlying: string;
  side: Side;
  qty: string;
  contractSize: string;
  entryPrice: string | null;
  markPrice: string;
  notional: string;
  unrealizedPnl: string | null;
  /** spot collateral after haircut (negative for debt), option market value; null for perps/futures */
  value: string | null;
  initialMargin: string | null;
  maintenanceMargin: string | null;
  mmr: string | null;
  maintenanceAmount: string | null;
  imr: string | null;
  bracket: number | null;
  /** spot rows: the haircut applied (row's own, else the venue's) */
  haircut: string | null;
  liquidationPrice: string | null;
  distanceToLiquidation: string | null;
  note: string | null;
  /** options (issue 4): Black-Scholes price and greeks per unit of underlying under the scenario */
  theoreticalPrice?: string;
  delta?: string;
  gamma?: string;
  /** per 1.00 of volatility */
  vega?: string;
  /** per year */
  theta?: string;
  /** per 1.00 of rate */
  rho?: string;
  /** options: every underlying price at which the unit's HF is 1 (a straddle can have two); liquidationPrice is the nearest */
  liquidationPrices?: string[];
}

/** What brings a unit back to its target HF (margin-model.md; issue: what-if). Amounts in quote currency. */
export interface Remediation {
  /** collateral to add so that HF = target */
  addCollateral: string;
  /** fraction of every perp and future of the unit to close so that HF = target; null when closing cannot */
  reduceFraction: string | null;
  /** the same, closing only the position with the largest maintenance margin */
  reduceSingle: { line: number; symbol: string; fraction: string } | null;
}

export interface UnitReport {
  unit: string;
  marginMode: MarginMode;
  collateral: string;
  debt: string;
  unrealizedPnl: string;
  marginBalance: string;
  initialMargin: string;
  maintenanceMargin: string;
  healthFactor: string | null;
  marginRatio: string | null;
  availableMargin: string;
  marginBuffer: string;
  status: UnitStatus;
  liquidationShock: { down: string | null; up: string | null };
  /** present when HF is below the target health factor */
  remediation: Remediation | null;
  positions: PositionReport[];
}

export interface AccountReport {
  account: string;
  venue: VenueId;
  units: UnitReport[];
}

export interface ScenarioReport {
  shocks: Record<string, string>;
  all: string;
  volShock: string;
  days: string;
  addCollateral: Record<string, string>;
  /** present only when the scenario cuts positions (cut key -> fraction closed) */
  cuts?: Record<string, string>;
  targetHF: string;
  marginCallHF: string;
}

export interface Report {
  schema: 'margin-radar/report@1';
  asOf: string;
  source: string;
  scenario: ScenarioReport;
  accounts: AccountReport[];
  warnings: string[];
}
