import { memo } from 'react';
import { Metric } from '../../components/Metric';
import { StatusBadge } from '../../components/StatusBadge';
import type { UnitReport } from '../../engine/types';
import { formatHealthFactor, formatMoney, formatPercent, formatShock, signOf } from '../../lib/format';
import { unitLabel } from '../../lib/units';
import { RemediationHint } from './RemediationHint';

function tone(value: string | null): 'pos' | 'neg' | undefined {
  const s = signOf(value);
  return s > 0 ? 'pos' : s < 0 ? 'neg' : undefined;
}

const SHOCK_TITLE = 'uniform move of all non-stable underlyings at once that brings the health factor to 1';

const PENDING = '…';

interface Props {
  account: string;
  venue: string;
  /** how many portfolio rows the unit holds */
  rows: number;
  unit: UnitReport;
  /** fast-path figures while the exact ones are on their way: the exact-only figures show "…" */
  pending: boolean;
  targetHF: string;
}

/** One margin unit: the health factor first and largest, then the figures behind it. */
export const UnitCard = memo(function UnitCard({ account, venue, rows: positions, unit, pending, targetHF }: Props) {
  const title = `${account} · ${unitLabel(unit.unit)}`;
  const exact = (shown: string) => (pending ? PENDING : shown);
  return (
    <article className={`card card--${unit.status}${pending ? ' card--pending' : ''}`} aria-busy={pending} aria-label={`${title}: ${unit.status.replace('_', ' ')}`}>
      <header className="card__head">
        <h3 className="card__title">
          <span className="card__account">{account}</span>
          <span className="card__unit">{unitLabel(unit.unit)}</span>
        </h3>
        <span className="card__venue">
          {venue} · {positions} row{positions === 1 ? '' : 's'}
        </span>
      </header>
      <div className="card__hf">
        <div className="hf">
          <span className="hf__label">Health factor</span>
          <span className={`hf__value hf__value--${unit.status}${unit.healthFactor === null ? ' hf__value--inf' : ''}`} data-testid="health-factor">
            {formatHealthFactor(unit.healthFactor)}
          </span>
        </div>
        <StatusBadge status={unit.status} size="lg" />
      </div>
      <dl className="card__metrics">
        <Metric label="Margin balance" value={formatMoney(unit.marginBalance)} />
        <Metric label="Collateral (after haircuts)" value={exact(formatMoney(unit.collateral))} />
        <Metric label="Unrealised PnL" value={exact(formatMoney(unit.unrealizedPnl, { signed: true }))} tone={pending ? undefined : tone(unit.unrealizedPnl)} />
        <Metric label="Available margin" value={formatMoney(unit.availableMargin)} tone={signOf(unit.availableMargin) < 0 ? 'neg' : undefined} />
        <Metric label="Initial margin" value={formatMoney(unit.initialMargin)} />
        <Metric label="Maintenance margin" value={formatMoney(unit.maintenanceMargin)} />
        <Metric label="Margin ratio" value={formatPercent(unit.marginRatio)} title="maintenance margin / margin balance; liquidation at 100%" />
        <Metric label="Margin buffer" value={formatMoney(unit.marginBuffer)} tone={signOf(unit.marginBuffer) < 0 ? 'neg' : undefined} />
        <Metric label="Liq. shock down" value={exact(formatShock(unit.liquidationShock.down))} title={SHOCK_TITLE} />
        <Metric label="Liq. shock up" value={exact(formatShock(unit.liquidationShock.up))} title={SHOCK_TITLE} />
      </dl>
      {unit.debt !== '0' ? <p className="card__foot">Debt {formatMoney(unit.debt)}</p> : null}
      <RemediationHint account={account} unit={unit} targetHF={targetHF} />
    </article>
  );
});
