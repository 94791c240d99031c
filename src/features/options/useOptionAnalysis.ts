import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { engineCall } from '../../store/engineSync';
import type { GreeksOutcome, RiskMatrixOutcome } from '../../worker';

export type MarginGrid = 'span' | 'deribit';

export interface OptionAnalysis {
  greeks: GreeksOutcome | null;
  heatmap: RiskMatrixOutcome | null;
  margin: RiskMatrixOutcome | null;
  error: string | null;
}

const EMPTY: OptionAnalysis = { greeks: null, heatmap: null, margin: null, error: null };

/**
 * Greeks, the 21 x 11 PnL heatmap and the scenario margin of the book, asked of the engine after
 * every report (so they follow the what-if sliders). Only the newest answer lands. View-local:
 * derived data, not stored.
 */
export function useOptionAnalysis(grid: MarginGrid): OptionAnalysis {
  const report = useAppStore((s) => s.report);
  const [analysis, setAnalysis] = useState<OptionAnalysis>(EMPTY);
  const latest = useRef(0);
  useEffect(() => {
    if (!report) return;
    const ticket = ++latest.current;
    const scenario = useAppStore.getState().scenario;
    const asOf = report.asOf;
    Promise.all([
      engineCall('greeks', { scenario, asOf }),
      engineCall('riskMatrix', { scenario, grid: 'heatmap', asOf }),
      engineCall('riskMatrix', { scenario, grid, asOf }),
    ])
      .then(([greeks, heatmap, margin]) => {
        if (ticket === latest.current) setAnalysis({ greeks, heatmap, margin, error: null });
      })
      .catch((e: unknown) => {
        if (ticket === latest.current) setAnalysis({ ...EMPTY, error: e instanceof Error ? e.message : String(e) });
      });
  }, [report, grid]);
  return analysis;
}
