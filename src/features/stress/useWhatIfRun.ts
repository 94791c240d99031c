import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../engine/types';
import { latestWins } from '../../lib/schedule';
import { useAppStore } from '../../store';
import { isToday } from '../scenario/edit';

export interface WhatIfRun<T> {
  outcome: T | null;
  /** the call itself failed (the worker, not the request) */
  error: string | null;
  /** the what-if the outcome starts from; null: today's prices */
  from: Scenario | null;
}

/**
 * A tab's engine call (a crash walk, the funding drift) asked again when its `inputs` change (compared
 * by identity: a preset, a horizon), the margin-call level changes, or, when `follow`, the page's
 * what-if moves. Latest wins: a slider drag asks many times, one call is in flight and an overtaken
 * answer is dropped, so a large book's calls do not queue up on the analysis worker.
 */
export function useWhatIfRun<T>(ask: ((whatIf?: Scenario) => Promise<T>) | null, inputs: unknown, follow: boolean): WhatIfRun<T> {
  const [run, setRun] = useState<WhatIfRun<T>>({ outcome: null, error: null, from: null });
  const scenario = useAppStore((s) => s.scenario);
  const thresholds = useAppStore((s) => s.thresholdInputs);
  const asked = useRef({ ask, follow });
  const runner = useRef<ReturnType<typeof latestWins> | null>(null);
  useEffect(() => {
    let mounted = true;
    runner.current = latestWins(async (overtaken) => {
      const { ask: call, follow: f } = asked.current;
      if (!call) return;
      const current = useAppStore.getState().scenario;
      // an empty what-if is today: no scenario to name or to apply
      const from = f && !isToday(current) ? current : null;
      try {
        const outcome = await call(from ?? undefined);
        if (!overtaken() && mounted) setRun({ outcome, error: null, from });
      } catch (e) {
        if (!overtaken() && mounted) setRun({ outcome: null, error: e instanceof Error ? e.message : String(e), from });
      }
    });
    return () => {
      mounted = false;
      runner.current?.drop();
      runner.current = null;
    };
  }, []);
  const followed = follow ? scenario : null;
  // after the effect above on mount (effects run in order), so the first ask finds the runner; `ask`
  // is a new function every render, and the one of the render whose inputs changed is the one to call
  useEffect(() => {
    asked.current = { ask, follow };
    runner.current?.request();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `inputs` stands for what `ask` reads
  }, [inputs, follow, followed, thresholds]);
  return run;
}
