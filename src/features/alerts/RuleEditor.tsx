import { useId, useState } from 'react';
import { readDecimalText } from '../../engine/decimal';
import type { AlertKind, AlertRule } from '../../engine/alerts';
import { unitLabel } from '../../lib/units';
import { useAppStore } from '../../store';
import { percentToFraction } from '../scenario/edit';
import { saveAlertConfig, useAlertConfig } from './config';
import { describeRule } from './describe';

const KIND_LABEL: Record<AlertKind, string> = {
  'hf-below': 'HF below',
  'liquidation-within': 'Liquidation within (%)',
  'margin-call': 'Status reaches margin call',
};

function useUnits(): Array<{ account: string; unit: string }> {
  const layout = useAppStore((s) => s.layout);
  return layout ? layout.account.map((account, i) => ({ account, unit: layout.unit[i]! })) : [];
}

/** Adds and removes rules; a level is checked before the rule is kept. */
export function RuleEditor() {
  const config = useAlertConfig();
  const units = useUnits();
  const [kind, setKind] = useState<AlertKind>('hf-below');
  const [level, setLevel] = useState('1.3');
  const [scope, setScope] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { kind: useId(), level: useId(), scope: useId() };
  const add = () => {
    let value = '';
    if (kind === 'hf-below') {
      const d = readDecimalText(level);
      if (!d || d.lte(0)) return setProblem('HF level must be a number above 0, e.g. 1.3.');
      value = d.toFixed();
    } else if (kind === 'liquidation-within') {
      const fraction = percentToFraction(level);
      const d = fraction === null ? null : readDecimalText(fraction);
      if (!d || d.lte(0) || d.gt(10)) return setProblem('Distance must be a percentage above 0, e.g. 10.');
      value = d.toFixed();
    }
    const picked = scope === '' ? null : (JSON.parse(scope) as { account: string; unit: string });
    const rule: AlertRule = { id: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`, kind, value, scope: picked };
    setProblem(null);
    saveAlertConfig({ ...config, rules: [...config.rules, rule] });
  };
  return (
    <div className="alerts__rules">
      <h3 className="alerts__heading">Rules</h3>
      <ul className="alerts__rule-list" aria-label="Alert rules">
        {config.rules.map((r) => (
          <li key={r.id}>
            <span>{describeRule(r)}</span>
            <button type="button" className="btn btn--ghost" aria-label={`Remove rule: ${describeRule(r)}`} onClick={() => saveAlertConfig({ ...config, rules: config.rules.filter((x) => x.id !== r.id) })}>
              Remove
            </button>
          </li>
        ))}
        {config.rules.length === 0 ? <li className="hint">No rules: nothing will alert.</li> : null}
      </ul>
      <div className="alerts__add">
        <div className="field">
          <label htmlFor={ids.kind}>Alert when</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.currentTarget.value as AlertKind)}>
            {(Object.keys(KIND_LABEL) as AlertKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        {kind !== 'margin-call' ? (
          <div className="field">
            <label htmlFor={ids.level}>{kind === 'hf-below' ? 'HF level' : 'Distance, %'}</label>
            <input id={ids.level} className="alerts__level" inputMode="decimal" value={level} onChange={(e) => setLevel(e.currentTarget.value)} />
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.scope}>For unit</label>
          <select id={ids.scope} value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
            <option value="">Every unit</option>
            {units.map((u) => (
              <option key={`${u.account}\u0000${u.unit}`} value={JSON.stringify(u)}>
                {u.account} · {unitLabel(u.unit)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn" onClick={add}>
          Add rule
        </button>
      </div>
      {problem ? (
        <p className="problems problems--inline" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
