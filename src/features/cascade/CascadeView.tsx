import { useAppStore } from '../../store';
import { useCascadeStore } from '../../store/cascadeSync';
import { CascadeSummary } from './CascadeSummary';
import { HfHistogram } from './HfHistogram';
import { LiquidationsTable } from './LiquidationsTable';
import { ParamsPanel } from './ParamsPanel';
import { TimelineCharts } from './TimelineCharts';

/** The liquidation cascade tab: parameters, Run, then the timeline, the HF shift and the liquidations. */
export default function CascadeView() {
  const underlyings = useAppStore((s) => s.summary?.underlyings.filter((u) => !u.stable).map((u) => u.name.toUpperCase()).join('|') ?? '');
  const result = useCascadeStore((s) => s.result);
  const error = useCascadeStore((s) => s.error);
  return (
    <div className="cascade">
      <ParamsPanel underlyings={underlyings ? underlyings.split('|') : []} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {result ? (
        <>
          <CascadeSummary result={result} />
          <TimelineCharts result={result} />
          <HfHistogram result={result} />
          <LiquidationsTable result={result} />
        </>
      ) : (
        <p className="hint">Set a price move in the what-if panel, then run the cascade: each round liquidates every unit at HF ≤ 1 and moves the price by its forced sales.</p>
      )}
    </div>
  );
}
