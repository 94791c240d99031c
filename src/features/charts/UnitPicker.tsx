import { useId } from 'react';
import type { ChartUnitRef, UnitRisk } from '../../engine/curveTypes';
import { unitLabel } from '../../lib/units';

const key = (u: ChartUnitRef) => `${u.account}\u0000${u.unit}`;
const hfText = (hf: number | null) => (hf === null ? 'no HF' : `HF ${hf >= 1000 ? hf.toExponential(1) : hf.toFixed(2)}`);

/** Which unit's curve to draw: the riskiest by default (it follows the scenario), or one chosen. */
export function UnitPicker({ units, chosen, shown, total, onPick }: { units: UnitRisk[]; chosen: ChartUnitRef | null; shown: ChartUnitRef | null; total: number; onPick(unit: ChartUnitRef | null): void }) {
  const id = useId();
  const auto = shown ? `Riskiest: ${shown.account} · ${unitLabel(shown.unit)}` : 'Riskiest unit';
  return (
    <div className="field charts__picker">
      <label htmlFor={id}>Margin unit to chart{total > units.length ? ` (${units.length} riskiest of ${total.toLocaleString('en-US')})` : ''}</label>
      <select
        id={id}
        value={chosen ? key(chosen) : ''}
        onChange={(e) => {
          const picked = units.find((u) => key(u) === e.currentTarget.value);
          onPick(picked ? { account: picked.account, unit: picked.unit } : null);
        }}
      >
        <option value="">{auto} (follows the scenario)</option>
        {units.map((u) => (
          <option key={key(u)} value={key(u)}>
            {u.account} · {unitLabel(u.unit)} — {hfText(u.hf)}
          </option>
        ))}
      </select>
    </div>
  );
}
