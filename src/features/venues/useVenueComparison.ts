import { useEffect, useState } from 'react';
import type { VenueComparison } from '../../engine/compare';
import { useAppStore } from '../../store';
import { requestCompareVenues } from '../../store/engineSync';
import type { Report } from '../../engine/types';

export type ComparisonState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; comparison: VenueComparison };

/** Asks the engine for the side-by-side figures whenever a new report lands; stale answers are shown as loading. */
export function useVenueComparison(): ComparisonState {
  const report = useAppStore((s) => s.report);
  const [answer, setAnswer] = useState<{ for: Report | null; state: ComparisonState }>({ for: null, state: { status: 'loading' } });
  useEffect(() => {
    let live = true;
    void requestCompareVenues().then((outcome) => {
      if (!live) return;
      setAnswer({ for: report, state: outcome.ok ? { status: 'ready', comparison: outcome.comparison } : { status: 'error', error: outcome.error } });
    });
    return () => {
      live = false;
    };
  }, [report]);
  return answer.for === report ? answer.state : { status: 'loading' };
}
