/**
 * The stress & VaR view's calls to the engine (through the one engine client). Results live in the
 * view's local state; this file only moves requests and runs Monte Carlo chunk by chunk.
 */
import type { FundingOutcome } from '../engine/risk/funding';
import type { VarFiguresOutcome } from '../engine/risk/montecarlo';
import type { StressAllOutcome, StressOutcome, StressPreset } from '../engine/risk/stress';
import type { Scenario } from '../engine/types';
import type { RiskSetup, VarStartArgs } from '../worker/riskProtocol';
import { client } from './engineSync';
import { useAppStore } from './index';
import { validateThresholds } from './thresholds';

/** The margin-call level the cards use (the default while the field is being edited). */
export function marginCallLevel(): string {
  const check = validateThresholds(useAppStore.getState().thresholdInputs);
  return check.ok ? check.thresholds.marginCallHF : '1.25';
}

export function fetchRiskSetup(): Promise<RiskSetup> {
  return client().call('riskSetup', {});
}

/** Every preset's per-unit summary (the preset × unit table), from the what-if as runStress. */
export function runStressAll(presets: StressPreset[], whatIf?: Scenario): Promise<StressAllOutcome> {
  return client().call('stressAll', { presets, marginCallHF: marginCallLevel(), ...(whatIf ? { whatIf } : {}) });
}

/** `whatIf`: the crash starts from the page's what-if; absent: from today's prices. */
export function runStress(preset: StressPreset, whatIf?: Scenario): Promise<StressOutcome> {
  return client().call('stress', { preset, marginCallHF: marginCallLevel(), ...(whatIf ? { whatIf } : {}) });
}

/** `whatIf`: the drift starts from the page's what-if; absent: from today's prices. */
export function fetchFunding(horizonDays: string, whatIf?: Scenario): Promise<FundingOutcome> {
  return client().call('funding', { horizonDays, marginCallHF: marginCallLevel(), ...(whatIf ? { whatIf } : {}) });
}

export const CANCELLED = 'cancelled';

/**
 * Starts a run, then asks for chunks sized to take about 100 ms each, reporting progress; stops
 * between chunks once `cancelled()` is true. The figures do not depend on the chunk sizes.
 */
export async function runVar(
  args: Omit<VarStartArgs, 'marginCallHF'>,
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
): Promise<VarFiguresOutcome | typeof CANCELLED> {
  const engine = client();
  const started = await engine.call('varStart', { ...args, marginCallHF: marginCallLevel() });
  if (!started.ok) return started;
  let chunk = 200;
  for (let done = 0; done < started.paths; ) {
    if (cancelled()) return CANCELLED;
    const t0 = performance.now();
    const step = await engine.call('varStep', { runId: started.runId, count: chunk });
    if (!step.ok) return step;
    done = step.done;
    onProgress(done, step.total);
    const ms = Math.max(1, performance.now() - t0);
    chunk = Math.max(50, Math.min(20_000, Math.round((chunk * 100) / ms)));
  }
  if (cancelled()) return CANCELLED;
  return engine.call('varFinish', { runId: started.runId });
}

/** A short run in one step (the what-if preview): start, every path, finish. */
export async function runVarPreview(args: Omit<VarStartArgs, 'marginCallHF'>): Promise<VarFiguresOutcome> {
  const engine = client();
  const started = await engine.call('varStart', { ...args, marginCallHF: marginCallLevel() });
  if (!started.ok) return started;
  const step = await engine.call('varStep', { runId: started.runId, count: started.paths });
  if (!step.ok) return step;
  return engine.call('varFinish', { runId: started.runId });
}
