import { useMemo, useState } from 'react';
import { EXACT_CARDS } from '../../store/engineSync';
import { riskiestUnits, useUnitFigures } from '../../store/unitFigures';
import { cardUnit } from './cardUnit';
import { UnitCard } from './UnitCard';

/**
 * One card per account and margin unit; with many units, the riskiest come first. The cards show
 * exact decimal figures once the scenario rests; while a slider moves, the fast path's.
 */
export function AccountCards() {
  const figures = useUnitFigures();
  const [showAll, setShowAll] = useState(false);
  const order = useMemo(() => (figures ? riskiestUnits(figures, showAll ? Number.MAX_SAFE_INTEGER : EXACT_CARDS) : []), [figures, showAll]);
  if (!figures) return null;
  const total = figures.present.reduce((n, p) => n + p, 0);
  const capped = total > EXACT_CARDS;
  const targetHF = figures.result.scenario.targetHF;
  return (
    <section className="cards-section" aria-labelledby="cards-heading">
      <div className="section-head">
        <h2 id="cards-heading">Accounts and margin units</h2>
        {capped ? (
          <span className="hint">
            {showAll ? `all ${total} units, riskiest first` : `the ${EXACT_CARDS} riskiest of ${total.toLocaleString('en-US')} units`}{' '}
            <button type="button" className="btn btn--ghost" onClick={() => setShowAll((v) => !v)}>
              {showAll ? 'Show fewer' : 'Show all'}
            </button>
          </span>
        ) : null}
      </div>
      <div className="cards">
        {order.map((i) => {
          const { unit, pending } = cardUnit(figures, i);
          return <UnitCard key={`${figures.account(i)}\u0000${figures.unit(i)}`} account={figures.account(i)} venue={figures.venue(i)} rows={figures.rows(i)} unit={unit} pending={pending} targetHF={targetHF} />;
        })}
      </div>
    </section>
  );
}
