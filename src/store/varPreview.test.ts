import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VarFigures } from '../engine/risk/types';
import { EMPTY_SCENARIO } from '../engine/types';
import type { VarStartArgs } from '../worker/riskProtocol';

/** The worker's answers, held until the test releases them (one run in flight at a time). */
const calls: Array<{ args: Omit<VarStartArgs, 'marginCallHF'>; resolve: (figures: VarFigures) => void }> = [];
vi.mock('./riskSync', () => ({
  runVarPreview: (args: Omit<VarStartArgs, 'marginCallHF'>) =>
    new Promise((resolve) => calls.push({ args, resolve: (figures: VarFigures) => resolve({ ok: true, figures }) })),
}));

const { useAppStore } = await import('./index');
const { followWhatIf, stopFollowingWhatIf, useVarPreview } = await import('./varPreview');

const settings = { horizonDays: '1', confidences: ['0.99'], market: { assets: [], vols: [], correlations: [] }, seed: 42, stepsPerDay: 4 };
const figuresFor = (label: string) => ({ warnings: [label] }) as unknown as VarFigures;
const flush = () => new Promise((r) => setTimeout(r, 0));
const move = (btc: string) => useAppStore.getState().setScenario({ ...EMPTY_SCENARIO, shocks: [['BTC', btc]] });

describe('the VaR preview that follows the what-if', () => {
  beforeEach(() => {
    calls.length = 0;
    useAppStore.setState({ summary: { source: 'demo.csv' } as never, scenario: EMPTY_SCENARIO });
  });
  afterEach(() => stopFollowingWhatIf());

  it('runs once per change, one run in flight, only the newest step waiting; an overtaken answer is dropped', async () => {
    followWhatIf(settings);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args).toMatchObject({ slot: 'preview', whatIf: EMPTY_SCENARIO, method: { paths: 1000, seed: 42 } });
    // three slider steps while the first run is out: none starts yet
    move('-0.1');
    move('-0.2');
    move('-0.3');
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(figuresFor('today'));
    await flush();
    // the first answer was overtaken: not shown; the newest step runs
    expect(useVarPreview.getState().latest).toBeNull();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.args.whatIf?.shocks).toEqual([['BTC', '-0.3']]);
    calls[1]!.resolve(figuresFor('-30%'));
    await flush();
    expect(useVarPreview.getState().latest?.figures.warnings).toEqual(['-30%']);
    expect(useVarPreview.getState().latest?.scenario.shocks).toEqual([['BTC', '-0.3']]);
    expect(calls).toHaveLength(2);
  });

  it('the view gets the figures once they rest 250 ms; switching off or another book stops it', async () => {
    vi.useFakeTimers();
    try {
      followWhatIf(settings);
      calls[0]!.resolve(figuresFor('a'));
      await vi.advanceTimersByTimeAsync(0);
      expect(useVarPreview.getState().rested).toBeNull();
      await vi.advanceTimersByTimeAsync(250);
      expect(useVarPreview.getState().rested?.figures.warnings).toEqual(['a']);
      // the same settings again (the view mounting): nothing re-runs
      followWhatIf({ ...settings });
      expect(calls).toHaveLength(1);
      useAppStore.setState({ summary: { source: 'other.csv' } as never });
      expect(useVarPreview.getState().settings).toBeNull();
      move('-0.5');
      expect(calls).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
