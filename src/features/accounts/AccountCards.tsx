import { useMemo, useState } from 'react';
import { useAppStore } from '../../store';
import { allUnits, compareHealth } from '../../lib/units';
import { UnitCard } from './UnitCard';

const CAP = 24;

/** One card per account and margin unit; with many units, the riskiest come first. */
export function AccountCards() {
  const accounts = useAppStore((s) => s.report?.accounts);
  const targetHF = useAppStore((s) => s.report?.scenario.targetHF ?? '1.5');
  const [showAll, setShowAll] = useState(false);
  const units = useMemo(() => {
    const list = allUnits(accounts ?? []);
    return list.length > CAP ? [...list].sort((a, b) => compareHealth(a.unit, b.unit)) : list;
  }, [accounts]);
  if (!accounts) return null;
  const shown = showAll ? units : units.slice(0, CAP);
  return (
    <section className="cards-section" aria-labelledby="cards-heading">
      <div className="section-head">
        <h2 id="cards-heading">Accounts and margin units</h2>
        {units.length > CAP ? (
          <span className="hint">
            {showAll ? `all ${units.length} units, riskiest first` : `the ${CAP} riskiest of ${units.length} units`}{' '}
            <button type="button" className="btn btn--ghost" onClick={() => setShowAll((v) => !v)}>
              {showAll ? 'Show fewer' : 'Show all'}
            </button>
          </span>
        ) : null}
      </div>
      <div className="cards">
        {shown.map(({ account, unit, key }) => (
          <UnitCard key={key} account={account} unit={unit} targetHF={targetHF} />
        ))}
      </div>
    </section>
  );
}
