import type { FundingOutcome } from '../engine/risk/funding';
import type { MarketInput } from '../engine/risk/market';
import type { VarFiguresOutcome } from '../engine/risk/montecarlo';
import type { StressAllOutcome, StressOutcome, StressPreset } from '../engine/risk/stress';
import type { UnitIdentity } from '../engine/risk/types';
import type { Scenario } from '../engine/types';

/** What the stress & VaR view needs to start: presets, the default market of the book, sources. */
export interface RiskSetup {
  presets: StressPreset[];
  market: MarketInput;
  marketSource: { asOf: string; source: string; annualisation: string; other: string; stablecoins: string };
  fees: Array<{ venue: string; rate: string; source: string }>;
  convention: string;
  /** rows held at mark (options) and why */
  heldNote: string | null;
  /** the units a VaR run reports, in the order of its columns (VarFigures.units) */
  units: UnitIdentity[];
}

/** A run per slot lives in the engine: the page's run, and the what-if preview beside it. */
export type VarSlot = 'run' | 'preview';

export interface VarStartArgs {
  /** default 'run'; a new run ends the one before it in the same slot only */
  slot?: VarSlot;
  /** the page's what-if: the paths start at its prices, with its collateral, cuts, vol and time (engine/risk/whatIf.ts); absent: today */
  whatIf?: Scenario;
  horizonDays: string;
  /** e.g. ["0.99", "0.975"] */
  confidences: string[];
  marginCallHF: string;
  method:
    | { kind: 'monte-carlo'; market: MarketInput; paths: number; seed: number; stepsPerDay: number; returns: 'lognormal' | 'normal' }
    | { kind: 'historical'; fileName: string; content: ArrayBuffer | string };
}

export type VarStartOutcome = { ok: true; runId: number; paths: number } | { ok: false; error: string };
export type VarStepOutcome = { ok: true; done: number; total: number } | { ok: false; error: string };

/**
 * Risk handlers of the one protocol. A Monte Carlo run lives in the engine between calls: the page
 * asks for chunk after chunk (varStep), so it can show progress and stop; the figures do not
 * depend on the chunking (each path has its own random stream).
 */
export interface RiskHandlers {
  riskSetup(args: Record<string, never>): RiskSetup;
  /** `whatIf`: the crash starts from the page's what-if (its prices, collateral, cuts, vol and time); absent: today */
  stress(args: { preset: StressPreset; marginCallHF: string; whatIf?: Scenario }): StressOutcome;
  /** every preset's per-unit summary (the preset × unit table), from the what-if as `stress` */
  stressAll(args: { presets: StressPreset[]; marginCallHF: string; whatIf?: Scenario }): StressAllOutcome;
  varStart(args: VarStartArgs): VarStartOutcome;
  /** simulates the next `count` paths of the run */
  varStep(args: { runId: number; count: number }): VarStepOutcome;
  varFinish(args: { runId: number }): VarFiguresOutcome;
  /** `whatIf`: the drift starts from the page's what-if (its marks, collateral, cuts, vol and time); absent: today */
  funding(args: { horizonDays: string; marginCallHF: string; whatIf?: Scenario }): FundingOutcome;
}
