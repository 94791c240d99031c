import { useMemo } from 'react';
import { StatusBadge } from '../../components/StatusBadge';
import type { UnitStatus } from '../../engine/types';
import { formatHealthFactor } from '../../lib/format';
import { allUnits, compareHealth, unitLabel } from '../../lib/units';
import { useAppStore } from '../../store';

const ORDER: UnitStatus[] = ['liquidation', 'margin_call', 'warning', 'ok'];

/** The whole book in one line: what is loaded, how many units in each state, the weakest HF. */
export function SummaryStrip() {
  const summary = useAppStore((s) => s.summary);
  const report = useAppStore((s) => s.report);
  const evaluating = useAppStore((s) => s.evaluating);
  const evaluateError = useAppStore((s) => s.evaluateError);
  const stats = useMemo(() => {
    const units = allUnits(report?.accounts ?? []);
    const counts = new Map<UnitStatus, number>(ORDER.map((s) => [s, 0]));
    for (const { unit } of units) counts.set(unit.status, (counts.get(unit.status) ?? 0) + 1);
    const worst = units.reduce<(typeof units)[number] | null>((w, u) => (w === null || compareHealth(u.unit, w.unit) < 0 ? u : w), null);
    return { units: units.length, counts, worst };
  }, [report]);
  if (!summary) return null;
  const worst = stats.worst;
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
        <span className={`strip__value strip__hf${worst ? ` hf__value--${worst.unit.status}` : ''}`} data-testid="lowest-hf">
          {worst ? formatHealthFactor(worst.unit.healthFactor) : '—'}
        </span>
        {worst ? (
          <span className="strip__sub">
            {worst.account.account} · {unitLabel(worst.unit.unit)}
          </span>
        ) : null}
      </div>
      <div className="strip__item strip__state" role="status">
        {evaluateError ? <span className="num--neg">Engine error: {evaluateError}</span> : evaluating ? 'computing…' : report ? `as of ${report.asOf.slice(0, 19).replace('T', ' ')} UTC` : ''}
      </div>
    </section>
  );
}
