import { useId, useState } from 'react';
import { useAppStore } from '../../store';
import { MAX_DAYS_SHIFT } from '../../store/scenarioHash';
import { PercentControl } from '../scenario/PercentControl';
import { withDays, withVolShock } from '../scenario/edit';

const DAYS = /^\d+(\.\d+)?$/;
/** the same bound a link's `d=` must keep (scenarioHash.ts) */
const MAX_DAYS = MAX_DAYS_SHIFT;

/** The what-if's option controls: a relative vol shock (iv' = iv * (1 + v)) and a time shift in days. */
export function VolTimeControls({ hasOptions }: { hasOptions: boolean }) {
  const id = useId();
  const volShock = useAppStore((s) => s.scenario.volShock);
  const days = useAppStore((s) => s.scenario.days);
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft !== null && draft.trim() !== '' && !(DAYS.test(draft.trim()) && Number(draft) <= MAX_DAYS);
  const update = (next: (s: ReturnType<typeof useAppStore.getState>['scenario']) => ReturnType<typeof useAppStore.getState>['scenario']) => {
    const { scenario, setScenario } = useAppStore.getState();
    setScenario(next(scenario));
  };
  if (!hasOptions) {
    return (
      <div className="scenario__group scenario__later" role="group" aria-label="Options">
        <p className="hint scenario__note">no options in this book: volatility and time what-ifs apply to options only</p>
      </div>
    );
  }
  return (
    <div className="scenario__group" role="group" aria-label="Options">
      <PercentControl label="Volatility shock" value={volShock} min={-90} max={300} step={1} onChange={(f) => update((s) => withVolShock(s, f))} />
      <div className="field field--number scenario__days scenario__days--on">
        <label htmlFor={`${id}-days`}>Time shift, days</label>
        <input
          id={`${id}-days`}
          type="number"
          min={0}
          max={MAX_DAYS}
          step={1}
          inputMode="decimal"
          value={draft ?? days}
          aria-invalid={invalid}
          onFocus={() => setDraft(days)}
          onBlur={() => setDraft(null)}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            const t = text.trim() === '' ? '0' : text.trim();
            if (DAYS.test(t) && Number(t) <= MAX_DAYS) update((s) => withDays(s, t));
          }}
        />
      </div>
    </div>
  );
}
