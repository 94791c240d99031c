import { useId } from 'react';
import type { ImpactModel } from '../../engine/cascade';
import { useAppStore } from '../../store';
import { depthOf, runCascadeNow, useCascadeStore, type CascadeInputs } from '../../store/cascadeSync';
import { formatShock } from '../../lib/format';

const FORMULA: Record<ImpactModel, string> = {
  linear: 'P = P₀·(1+shock)·(1 − 0.01·Q/D)',
  sqrt: 'P = P₀·(1+shock)·(1 − k·√(Q/D))',
};

function NumberField({ label, value, onChange, hint }: { label: string; value: string; onChange(v: string): void; hint?: string }) {
  const id = useId();
  return (
    <div className="field field--number">
      <label htmlFor={id}>{label}</label>
      <input id={id} inputMode="decimal" value={value} onChange={(e) => onChange(e.currentTarget.value)} title={hint} />
    </div>
  );
}

/** The cascade's parameters, and Run from the what-if panel's shocks. */
export function ParamsPanel({ underlyings }: { underlyings: string[] }) {
  const inputs = useCascadeStore((s) => s.inputs);
  const running = useCascadeStore((s) => s.running);
  const setInput = useCascadeStore((s) => s.setInput);
  const setDepth = useCascadeStore((s) => s.setDepth);
  const scenario = useAppStore((s) => s.scenario);
  const shocks = scenario.shocks.filter(([, f]) => Number(f) !== 0);
  const shockText = [...shocks.map(([u, f]) => `${u} ${formatShock(f)}`), ...(Number(scenario.all) !== 0 ? [`all ${formatShock(scenario.all)}`] : [])].join(', ');
  const set = <K extends keyof CascadeInputs>(k: K) => (v: CascadeInputs[K]) => setInput(k, v);
  const modelId = useId();
  const partialId = useId();
  return (
    <div className="cascade__params" aria-label="Cascade parameters" role="group">
      <div className="cascade__row">
        <div className="field">
          <label htmlFor={modelId}>Impact model</label>
          <select id={modelId} value={inputs.model} onChange={(e) => setInput('model', e.currentTarget.value as ImpactModel)}>
            <option value="linear">linear in size</option>
            <option value="sqrt">square root</option>
          </select>
        </div>
        <p className="cascade__formula" data-testid="impact-formula">
          <code>{FORMULA[inputs.model]}</code>
          <span className="hint"> Q: forced net sale so far at today&apos;s marks, USD · D: depth, USD that moves the price {inputs.model === 'linear' ? '1%' : 'by k'}</span>
        </p>
        {inputs.model === 'sqrt' && <NumberField label="Coefficient k" value={inputs.coefficient} onChange={set('coefficient')} />}
      </div>
      <div className="cascade__row">
        {underlyings.map((u) => (
          <NumberField key={u} label={`${u} depth, USD`} value={depthOf(inputs, u)} onChange={(v) => setDepth(u, v)} hint="blank: no impact" />
        ))}
      </div>
      <div className="cascade__row">
        <NumberField label="Liquidation fee (fraction)" value={inputs.feeRate} onChange={set('feeRate')} />
        <NumberField label="Insurance fund, USD" value={inputs.fund} onChange={set('fund')} />
        <div className="field">
          <label htmlFor={partialId}>Margin venues liquidate</label>
          <select id={partialId} value={inputs.partial} onChange={(e) => setInput('partial', e.currentTarget.value as CascadeInputs['partial'])}>
            <option value="full">the whole position</option>
            <option value="to-target">partially, back to a target HF</option>
          </select>
        </div>
        {inputs.partial === 'to-target' && <NumberField label="Target HF after a partial" value={inputs.partialTarget} onChange={set('partialTarget')} />}
        <NumberField label="Round limit" value={inputs.rounds} onChange={set('rounds')} />
        <button type="button" className="button button--primary cascade__run" onClick={() => void runCascadeNow()} disabled={running}>
          {running ? 'Running…' : 'Run cascade'}
        </button>
      </div>
      <p className="hint">
        Starts from the what-if shocks: <strong>{shockText || 'none (set a price move in the what-if panel)'}</strong>. Aave accounts follow Aave&apos;s close factor (50%, or
        100% at HF ≤ 0.95) with the fee as the liquidation bonus.
      </p>
    </div>
  );
}
