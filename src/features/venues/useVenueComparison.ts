import { useEffect, useState } from 'react';
import type { VenueComparison } from '../../engine/compare';
import { useAppStore } from '../../store';
import { requestCompareVenues } from '../../store/engineSync';
import type { TableLayout } from '../../worker';

export type ComparisonState = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; comparison: VenueComparison };

/** Asks the engine for the side-by-side figures whenever a portfolio is laid out; stale answers are shown as loading. */
export function useVenueComparison(): ComparisonState {
  const report = useAppStore((s) => s.layout);
  const [answer, setAnswer] = useState<{ for: TableLayout | null; state: ComparisonState }>({ for: null, state: { status: 'loading' } });
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
