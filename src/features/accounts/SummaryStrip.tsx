import { useMemo } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import type { UnitStatus } from '../../engine/types';
import { formatHealthFactor } from '../../lib/format';
import { unitLabel } from '../../lib/units';
import { useAppStore } from '../../store';
import { useUnitFigures } from '../../store/unitFigures';

const ORDER: UnitStatus[] = ['liquidation', 'margin_call', 'warning', 'ok'];

/** The whole book in one line: what is loaded, how many units in each state, the weakest HF. */
export function SummaryStrip() {
  const summary = useAppStore((s) => s.summary);
  const figures = useUnitFigures();
  const evaluating = useAppStore((s) => s.evaluating);
  const evaluateError = useAppStore((s) => s.evaluateError);
  const stats = useMemo(() => {
    const counts = new Map<UnitStatus, number>(ORDER.map((s) => [s, 0]));
    if (!figures) return { units: 0, counts, worst: null };
    let units = 0;
    let lowest = -1;
    for (let i = 0; i < figures.count; i++) {
      if (!figures.present[i]) continue;
      units++;
      const status = figures.status(i);
      counts.set(status, (counts.get(status) ?? 0) + 1);
      if (figures.healthFactor[i]! < Infinity && (lowest < 0 || figures.healthFactor[i]! < figures.healthFactor[lowest]!)) lowest = i;
    }
    // the exact HF when the card's figures are in, else the fast one (within half a displayed step)
    const hf = lowest < 0 ? null : (figures.exact(lowest)?.healthFactor ?? String(figures.healthFactor[lowest]));
    const worst = lowest < 0 ? null : { account: figures.account(lowest), unit: figures.unit(lowest), status: figures.status(lowest), hf };
    return { units, counts, worst };
  }, [figures]);
  if (!summary) return null;
  const worst = stats.worst;
  const result = figures?.result;
  return (
    <section className="strip" aria-label="Portfolio summary">
      <div className="strip__item strip__file">
        <span className="strip__label">File</span>
        <span className="strip__value" data-testid="loaded-file">
          {summary.source}
        </span>
      </div>
      <div className="strip__item">
        <span className="strip__label">Rows</span>
        <span className="strip__value num">{summary.rows.toLocaleString('en-US')}</span>
      </div>
      <div className="strip__item">
        <span className="strip__label">Accounts / units</span>
        <span className="strip__value num">
          {summary.accounts} / {stats.units}
        </span>
      </div>
      <div className="strip__item strip__counts" aria-label="Units by status">
        {ORDER.map((status) => (
          <span key={status} className={`strip__count${stats.counts.get(status) ? '' : ' strip__count--zero'}`}>
            <StatusBadge status={status} /> <span className="num">{stats.counts.get(status)}</span>
          </span>
        ))}
      </div>
      <div className="strip__item strip__worst">
        <span className="strip__label">Lowest HF</span>
        <span className={`strip__value strip__hf${worst ? ` hf__value--${worst.status}` : ''}`} data-testid="lowest-hf">
          {worst ? formatHealthFactor(worst.hf) : '—'}
        </span>
        {worst ? (
          <span className="strip__sub">
            {worst.account} · {unitLabel(worst.unit)}
          </span>
        ) : null}
      </div>
      <div className="strip__item strip__state" role="status">
        {evaluateError ? <span className="num--neg">Engine error: {evaluateError}</span> : evaluating ? 'computing…' : result ? `as of ${result.asOf.slice(0, 19).replace('T', ' ')} UTC` : ''}
      </div>
    </section>
  );
}
