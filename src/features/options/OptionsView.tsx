import { useMemo, useState } from 'react';
import { useAppStore } from '../../store';
import { formatPrice } from '../../lib/format';
import { GreeksPanel } from './GreeksPanel';
import { PnlHeatmap } from './PnlHeatmap';
import { ScenarioMargin } from './ScenarioMargin';
import { useOptionAnalysis, type MarginGrid } from './useOptionAnalysis';

/** The options tab: greeks per underlying, the PnL heatmap, scenario margin, expired options. */
export default function OptionsView() {
  const hasOptions = useAppStore((s) => (s.summary?.options ?? 0) > 0);
  const [grid, setGrid] = useState<MarginGrid>('span');
  const analysis = useOptionAnalysis(grid);
  const { report } = analysis;
  const options = useMemo(() => report?.accounts.flatMap((a) => a.units.flatMap((u) => u.positions.filter((p) => p.type === 'option').map((p) => ({ account: a.account, p })))) ?? [], [report]);
  if (!hasOptions) return <p className="hint">No options in this book: load a file with option rows (see the options sample).</p>;
  if (!report) return <p className="hint">{analysis.error ?? 'Pricing the options…'}</p>;
  const expired = options.filter(({ p }) => p.note !== null);
  const { greeks, heatmap, margin, error } = analysis;
  return (
    <div className="options">
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <div className="options__top">
        {heatmap?.ok && heatmap.grid.axes ? <PnlHeatmap prices={heatmap.grid.axes.prices} vols={heatmap.grid.axes.vols} pnl={heatmap.total} /> : <p className="hint">Computing the heatmap…</p>}
        <div className="options__side">
          {greeks?.ok ? <GreeksPanel rows={greeks.underlyings} /> : null}
          {margin?.ok ? <ScenarioMargin report={report} matrix={margin} grid={grid} onGrid={setGrid} /> : null}
        </div>
      </div>
      {heatmap && !heatmap.ok ? <p className="field-error">{heatmap.error}</p> : null}
      {expired.length > 0 ? (
        <section aria-label="Expired options">
          <h3 className="panel__title">Expired options ({expired.length}): valued at their mark</h3>
          <ul className="options__expired">
            {expired.map(({ account, p }) => (
              <li key={`${account}/${p.line}`}>
                {account} · {p.symbol} (line {p.line}) · mark {formatPrice(p.markPrice)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
