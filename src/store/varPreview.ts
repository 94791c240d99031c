/**
 * The VaR preview that follows the what-if: while it is on, every change of the scenario or the
 * margin-call level re-runs a 1,000-path Monte Carlo run from the scenario's prices
 * (engine/risk/whatIf.ts) on the analysis worker, so a slider step never waits for it. Latest wins:
 * one run in flight, at most one waiting; a result overtaken by a newer request is dropped.
 */
import { create } from 'zustand';
import type { MarketInput } from '../engine/risk/market';
import type { VarFigures } from '../engine/risk/types';
import type { Scenario } from '../engine/types';
import { debounced, latestWins } from '../lib/schedule';
import { useAppStore } from './index';
import { runVarPreview } from './riskSync';

export const PREVIEW_PATHS = 1000;

/** What the VaR panel's fields say (the preview's paths are fixed). */
export interface PreviewSettings {
  horizonDays: string;
  confidences: string[];
  market: MarketInput;
  seed: number;
  stepsPerDay: number;
}

/** A preview's figures, the scenario they are from, and when they landed (stamp()). */
export interface PreviewResult {
  figures: VarFigures;
  scenario: Scenario;
  at: number;
}

interface PreviewState {
  /** null: the preview is off */
  settings: PreviewSettings | null;
  /** the newest figures (the scenario bar shows every step's) */
  latest: PreviewResult | null;
  /**
   * the newest figures once no newer ones came for REST_MS: the VaR view's table and histogram
   * follow these, so a drag does not order tens of thousands of units and redraw a chart per step
   */
  rested: PreviewResult | null;
  error: string | null;
  running: boolean;
}

const REST_MS = 250;

export const useVarPreview = create<PreviewState>(() => ({ settings: null, latest: null, rested: null, error: null, running: false }));

const rest = debounced(() => useVarPreview.setState((s) => ({ rested: s.latest })), REST_MS);

let stamps = 0;
/** An increasing number, to tell which of two results came last. */
export function stamp(): number {
  return ++stamps;
}

let stopFollowing: (() => void) | null = null;

const preview = latestWins(async (overtaken) => {
  const { settings } = useVarPreview.getState();
  const { scenario, summary } = useAppStore.getState();
  if (!settings || !summary) return;
  useVarPreview.setState({ running: true });
  try {
    const outcome = await runVarPreview({ slot: 'preview', whatIf: scenario, horizonDays: settings.horizonDays, confidences: settings.confidences, method: { kind: 'monte-carlo', market: settings.market, paths: PREVIEW_PATHS, seed: settings.seed, stepsPerDay: settings.stepsPerDay, returns: 'lognormal' } });
    // overtaken (a newer step is waiting) or switched off meanwhile: drop it
    if (!overtaken() && useVarPreview.getState().settings) {
      if (outcome.ok) {
        useVarPreview.setState({ latest: { figures: outcome.figures, scenario, at: stamp() }, error: null });
        rest.call();
      } else {
        useVarPreview.setState({ error: outcome.error });
      }
    }
  } catch (e) {
    if (!overtaken()) useVarPreview.setState({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    // a waiting step runs next: still running
    useVarPreview.setState({ running: overtaken() });
  }
});

function sameSettings(a: PreviewSettings, b: PreviewSettings): boolean {
  return a.horizonDays === b.horizonDays && a.seed === b.seed && a.stepsPerDay === b.stepsPerDay && a.market === b.market && a.confidences.join() === b.confidences.join();
}

/** Turns the preview on with these settings (or changes them while it is on). */
export function followWhatIf(settings: PreviewSettings): void {
  const before = useVarPreview.getState().settings;
  // the same settings again (the view mounting, a field typed back): nothing to re-run
  if (before && stopFollowing && sameSettings(before, settings)) return;
  useVarPreview.setState({ settings });
  if (!stopFollowing) {
    const offScenario = useAppStore.subscribe((s) => s.scenario, preview.request);
    const offLevel = useAppStore.subscribe((s) => s.thresholdInputs.marginCallHF, preview.request);
    // another book has other underlyings than the market the settings carry: the preview stops
    const offBook = useAppStore.subscribe((s) => s.summary, () => stopFollowingWhatIf());
    stopFollowing = () => {
      offScenario();
      offLevel();
      offBook();
    };
  }
  preview.request();
}

export function stopFollowingWhatIf(): void {
  stopFollowing?.();
  stopFollowing = null;
  preview.drop();
  useVarPreview.setState({ settings: null, latest: null, rested: null, error: null, running: false });
}
