import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { engineCall } from '../../store/engineSync';
import type { Report } from '../../engine/types';
import { validateThresholds } from '../../store/thresholds';
import type { GreeksOutcome, RiskMatrixOutcome } from '../../worker';

export type MarginGrid = 'span' | 'deribit';

export interface OptionAnalysis {
  /** the exact report under the what-if: the option positions and each unit's standard margin */
  report: Report | null;
  greeks: GreeksOutcome | null;
  heatmap: RiskMatrixOutcome | null;
  margin: RiskMatrixOutcome | null;
  error: string | null;
}

const EMPTY: OptionAnalysis = { report: null, greeks: null, heatmap: null, margin: null, error: null };

/**
 * Greeks, the 21 x 11 PnL heatmap and the scenario margin of the book, asked of the engine after
 * every report (so they follow the what-if sliders). Only the newest answer lands. View-local:
 * derived data, not stored.
 */
export function useOptionAnalysis(grid: MarginGrid): OptionAnalysis {
  // a new fast result means the scenario or the portfolio changed: ask again
  const fast = useAppStore((s) => s.fast);
  const [analysis, setAnalysis] = useState<OptionAnalysis>(EMPTY);
  const latest = useRef(0);
  useEffect(() => {
    if (!fast) return;
    const ticket = ++latest.current;
    const { scenario, thresholdInputs } = useAppStore.getState();
    const checked = validateThresholds(thresholdInputs);
    const asOf = fast.asOf;
    Promise.all([
      engineCall('evaluate', { scenario, thresholds: checked.ok ? checked.thresholds : { targetHF: '1.5', marginCallHF: '1.25' }, asOf }),
      engineCall('greeks', { scenario, asOf }),
      engineCall('riskMatrix', { scenario, grid: 'heatmap', asOf }),
      engineCall('riskMatrix', { scenario, grid, asOf }),
    ])
      .then(([evaluated, greeks, heatmap, margin]) => {
        if (ticket !== latest.current) return;
        if (!evaluated.ok) setAnalysis({ ...EMPTY, error: evaluated.error });
        else setAnalysis({ report: evaluated.report, greeks, heatmap, margin, error: null });
      })
      .catch((e: unknown) => {
        if (ticket === latest.current) setAnalysis({ ...EMPTY, error: e instanceof Error ? e.message : String(e) });
      });
  }, [fast, grid]);
  return analysis;
}
