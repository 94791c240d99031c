import { memo, useId, useMemo, useState } from 'react';
import { useAppStore } from '../../store';
import { collateralOf, parseAmount, shockOf, withAll, withCollateral, withShock } from './edit';
import { PercentControl } from './PercentControl';
import { VolTimeControls } from '../options/VolTimeControls';

/** Beyond this many underlyings or accounts, a filter field shows the matches (and the active ones). */
const CAP = 12;

function useFilter(names: string[], isActive: (name: string) => boolean) {
  const [query, setQuery] = useState('');
  const filtered = names.length > CAP;
  const q = query.trim().toUpperCase();
  let shown = names;
  if (filtered) {
    const base = q === '' ? names.slice(0, CAP) : names.filter((n) => n.toUpperCase().includes(q)).slice(0, CAP);
    shown = [...base, ...names.filter((n) => isActive(n) && !base.includes(n))];
  }
  return { query, setQuery, shown, filtered };
}

// memoised (like the controls): a scenario step re-renders the panel, not its unchanged fields
const FilterField = memo(function FilterField({ label, query, setQuery, total }: { label: string; query: string; setQuery(q: string): void; total: number }) {
  const id = useId();
  return (
    <div className="field scenario__filter">
      <label htmlFor={id}>
        {label} ({total.toLocaleString('en-US')})
      </label>
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
    </div>
  );
});

const CollateralField = memo(function CollateralField({ account }: { account: string }) {
  const id = useId();
  const value = useAppStore((s) => collateralOf(s.scenario, account));
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && draft.trim() !== '' && parseAmount(draft) === null;
  const commit = (text: string) => {
    const amount = text.trim() === '' ? '0' : parseAmount(text);
    if (amount === null) return;
    const { scenario, setScenario } = useAppStore.getState();
    setScenario(withCollateral(scenario, account, amount));
  };
  return (
    <div className="collateral">
      <label htmlFor={id} className="collateral__label">
        {account}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step="any"
        placeholder="0"
        aria-label={`${account}: add (+) / withdraw (−) collateral, USD`}
        value={draft ?? (value === '0' ? '' : value)}
        aria-invalid={invalid}
        onFocus={() => setDraft(value === '0' ? '' : value)}
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          commit(e.currentTarget.value);
        }}
      />
      <span className="hint" aria-hidden="true">
        USD
      </span>
    </div>
  );
});

/**
 * One handler per price control, kept for the page's life: each reads the scenario when it fires,
 * so it never changes, and the memoised controls that did not move skip a step's render.
 */
const moveHandlers = new Map<string, (fraction: string) => void>();
function moveHandler(name: string | null): (fraction: string) => void {
  const key = name ?? '\u0000all';
  let handler = moveHandlers.get(key);
  if (!handler) {
    handler = (f: string) => {
      const { scenario, setScenario } = useAppStore.getState();
      setScenario(name === null ? withAll(scenario, f) : withShock(scenario, name, f));
    };
    moveHandlers.set(key, handler);
  }
  return handler;
}

/** The what-if: price moves, depegs and collateral; every figure on the page follows. */
export function ScenarioPanel() {
  const summary = useAppStore((s) => s.summary);
  const scenario = useAppStore((s) => s.scenario);
  const layout = useAppStore((s) => s.layout);
  const hasOptions = (summary?.options ?? 0) > 0;
  const volatile = useMemo(() => summary?.underlyings.filter((u) => !u.stable).map((u) => u.name) ?? [], [summary]);
  const stables = useMemo(() => summary?.underlyings.filter((u) => u.stable).map((u) => u.name) ?? [], [summary]);
  const accounts = useMemo(() => [...new Set(layout?.account ?? [])], [layout]);
  const moves = useFilter(volatile, (n) => shockOf(scenario, n) !== '0');
  const people = useFilter(accounts, (n) => collateralOf(scenario, n) !== '0');
  if (!summary) return null;
  return (
    <section className="panel scenario" aria-labelledby="scenario-heading">
      <h2 id="scenario-heading" className="panel__title">
        What if…
      </h2>
      <div className="scenario__group" role="group" aria-label="Price moves">
        <PercentControl label="All non-stable assets" value={scenario.all} min={-95} max={300} onChange={moveHandler(null)} />
        {moves.filtered ? <FilterField label="Find an underlying" query={moves.query} setQuery={moves.setQuery} total={volatile.length} /> : null}
        {moves.shown.map((name) => (
          <PercentControl
            key={name}
            label={`${name} price move`}
            value={shockOf(scenario, name)}
            min={-95}
            max={300}
            onChange={moveHandler(name)}
          />
        ))}
      </div>
      {stables.length > 0 ? (
        <div className="scenario__group" role="group" aria-label="Stablecoin depegs">
          {stables.map((name) => (
            <PercentControl
              key={name}
              label={`${name} depeg`}
              value={shockOf(scenario, name)}
              min={-50}
              max={10}
              onChange={moveHandler(name)}
            />
          ))}
        </div>
      ) : null}
      <VolTimeControls hasOptions={hasOptions} />
      {accounts.length > 0 ? (
        <fieldset className="scenario__group scenario__collateral">
          <legend>Add (+) / withdraw (−) collateral, USD</legend>
          {people.filtered ? <FilterField label="Find an account" query={people.query} setQuery={people.setQuery} total={accounts.length} /> : null}
          {people.shown.map((account) => (
            <CollateralField key={account} account={account} />
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}
