/**
 * The cascade's own small store and its bridge to the engine: parameters as typed, the last run.
 * A cascade runs only when asked (Run), from the main store's scenario (the what-if shocks).
 */
import { create } from 'zustand';
import type { CascadeParams, CascadeResult, ImpactModel } from '../engine/cascade';
import type { Scenario } from '../engine/types';
import { client } from './engineSync';
import { useAppStore } from './index';

export interface CascadeInputs {
  model: ImpactModel;
  /** depth per underlying as typed, quote currency; blank: no impact */
  depth: Array<[underlying: string, amount: string]>;
  coefficient: string;
  feeRate: string;
  fund: string;
  partial: 'full' | 'to-target';
  partialTarget: string;
  rounds: string;
}

interface CascadeState {
  inputs: CascadeInputs;
  running: boolean;
  result: CascadeResult | null;
  /** the scenario the result started from */
  ranWith: Scenario | null;
  error: string | null;
  setInput<K extends keyof CascadeInputs>(key: K, value: CascadeInputs[K]): void;
  setDepth(underlying: string, amount: string): void;
}

export const useCascadeStore = create<CascadeState>()((set) => ({
  inputs: { model: 'linear', depth: [], coefficient: '0.01', feeRate: '0.01', fund: '250000', partial: 'full', partialTarget: '1.25', rounds: '10' },
  running: false,
  result: null,
  ranWith: null,
  error: null,
  setInput: (key, value) => set((s) => ({ inputs: { ...s.inputs, [key]: value } })),
  setDepth: (underlying, amount) =>
    set((s) => ({ inputs: { ...s.inputs, depth: [...s.inputs.depth.filter(([u]) => u !== underlying), [underlying, amount]] } })),
}));

/** Default depth for an underlying without one typed: 5,000,000 of quote currency per 1%. */
export const DEFAULT_DEPTH = '5000000';

export function depthOf(inputs: CascadeInputs, underlying: string): string {
  return inputs.depth.find(([u]) => u === underlying)?.[1] ?? DEFAULT_DEPTH;
}

export function paramsFrom(inputs: CascadeInputs, underlyings: readonly string[]): CascadeParams {
  return {
    impact: underlyings
      .map((u) => ({ underlying: u, model: inputs.model, depth: depthOf(inputs, u).trim(), coefficient: inputs.coefficient.trim() }))
      .filter((s) => s.depth !== ''),
    feeRate: inputs.feeRate.trim(),
    fund: inputs.fund.trim(),
    partial: inputs.partial === 'full' ? { kind: 'full' } : { kind: 'to-target', targetHF: inputs.partialTarget.trim() },
    maxRounds: /^\d+$/.test(inputs.rounds.trim()) ? Number(inputs.rounds.trim()) : Number.NaN,
  };
}

/** Runs the cascade from the what-if scenario now in the main store. */
export async function runCascadeNow(): Promise<void> {
  const app = useAppStore.getState();
  if (!app.summary) return;
  const underlyings = app.summary.underlyings.filter((u) => !u.stable).map((u) => u.name.toUpperCase());
  const scenario = app.scenario;
  const params = paramsFrom(useCascadeStore.getState().inputs, underlyings);
  useCascadeStore.setState({ running: true, error: null });
  try {
    const outcome = await client().call('cascade', { scenario, params });
    if (outcome.ok) useCascadeStore.setState({ running: false, result: outcome.result, ranWith: scenario, error: null });
    else useCascadeStore.setState({ running: false, error: outcome.error });
  } catch (e) {
    useCascadeStore.setState({ running: false, error: e instanceof Error ? e.message : String(e) });
  }
}

// a new portfolio makes the last run meaningless
useAppStore.subscribe(
  (s) => s.summary,
  () => useCascadeStore.setState({ result: null, ranWith: null, error: null }),
);
