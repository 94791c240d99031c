import { useEffect, useRef, useState } from 'react';
import type { StressPreset, StressResult } from '../../engine/risk/stress';
import type { Scenario } from '../../engine/types';
import { latestWins } from '../../lib/schedule';
import { useAppStore } from '../../store';
import { runStress } from '../../store/riskSync';
import { describeScenario } from '../scenario/edit';

export interface StressRun {
  result: StressResult | null;
  error: string | null;
  /** the what-if the crash starts from; null: today's prices */
  from: Scenario | null;
}

/**
 * The preset's walk, run again when the preset, the margin-call level or (when `follow`) the page's
 * what-if changes. Latest wins: a slider drag asks for many; one is in flight at a time and an
 * overtaken answer is dropped, so a large book's walks do not queue up on the analysis worker.
 */
export function useStressRun(preset: StressPreset | undefined, follow: boolean): StressRun {
  const [run, setRun] = useState<StressRun>({ result: null, error: null, from: null });
  const scenario = useAppStore((s) => s.scenario);
  const thresholds = useAppStore((s) => s.thresholdInputs);
  const asked = useRef({ preset, follow });
  const runner = useRef<ReturnType<typeof latestWins> | null>(null);
  useEffect(() => {
    let mounted = true;
    runner.current = latestWins(async (overtaken) => {
      const { preset: p, follow: f } = asked.current;
      if (!p) return;
      const current = useAppStore.getState().scenario;
      // an empty what-if is today: no scenario to name or to apply
      const from = f && describeScenario(current).length > 0 ? current : null;
      try {
        const outcome = await runStress(p, from ?? undefined);
        if (overtaken() || !mounted) return;
        setRun(outcome.ok ? { result: outcome.result, error: null, from } : { result: null, error: outcome.error, from });
      } catch (e) {
        if (!overtaken() && mounted) setRun({ result: null, error: e instanceof Error ? e.message : String(e), from });
      }
    });
    return () => {
      mounted = false;
      runner.current?.drop();
      runner.current = null;
    };
  }, []);
  const followed = follow ? scenario : null;
  // after the effect above on mount (effects run in order), so the first ask finds the runner
  useEffect(() => {
    asked.current = { preset, follow };
    runner.current?.request();
  }, [preset, follow, followed, thresholds]);
  return run;
}
