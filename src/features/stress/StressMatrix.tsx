import { useMemo, useState } from 'react';
import type { StressPreset, UnitStress } from '../../engine/risk/stress';
import type { Scenario } from '../../engine/types';
import { formatHealthFactor, formatMoney } from '../../lib/format';
import { runStressAll } from '../../store/riskSync';
import { liquidatedCounts, matrixRows } from './matrixRows';
import { useWhatIfRun } from './useWhatIfRun';

/** Rows shown before "Show all": the worst units are what a trader reads first. */
const FIRST_ROWS = 20;

function Cell({ unit }: { unit: UnitStress | null }) {
  if (!unit) return <td className="num">—</td>;
  const title = `lowest HF ${unit.minHF ?? '∞'}${unit.minHFHour !== null ? ` at hour ${unit.minHFHour}` : ''}; loss ${formatMoney(unit.loss)} USD`;
  if (unit.liquidatedAtHour !== null) {
    return <td className="num risk__liq" title={title}>liq. h{unit.liquidatedAtHour}</td>;
  }
  return (
    <td className={`num ${unit.marginCallAtHour !== null ? 'risk__call' : 'risk__ok'}`} title={title}>
      {unit.minHF === null ? '∞' : formatHealthFactor(unit.minHF)}
    </td>
  );
}

/**
 * Preset × unit: every preset's lowest HF per unit, liquidations marked with their hour, worst units
 * first. A column's preset opens in the detail below.
 */
export function StressMatrix({ presets, follow, selected, onPick }: { presets: StressPreset[]; follow: boolean; selected: string; onPick: (id: string) => void }) {
  const [all, setAll] = useState(false);
  const { outcome, error } = useWhatIfRun((whatIf?: Scenario) => runStressAll(presets, whatIf), presets, follow);
  const summaries = useMemo(() => (outcome?.ok ? outcome.presets : []), [outcome]);
  const rows = useMemo(() => matrixRows(summaries), [summaries]);
  const counts = useMemo(() => liquidatedCounts(summaries), [summaries]);
  const failure = error ?? (outcome && !outcome.ok ? outcome.error : null);
  if (failure) return <p className="field-error" role="alert">{failure}</p>;
  if (summaries.length === 0) return null;
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <div className="risk__section">
      <h4 className="risk__chart-title">
        Every preset at a glance: lowest HF on the path per unit, worst units first (liq. h N = liquidated at hour N, even if the path recovers; orange = below the margin-call level)
      </h4>
      <div className="risk__scroll">
        <table className="risk__table" aria-label="Stress test: every preset">
          <thead>
            <tr>
              <th scope="col">Unit</th>
              {summaries.map((p) => (
                <th scope="col" className="num" key={p.preset}>
                  <button type="button" className={`risk__pick${p.preset === selected ? ' risk__pick--on' : ''}`} aria-pressed={p.preset === selected} onClick={() => onPick(p.preset)} title={`${p.name} (${p.date}): show its path below`}>
                    {p.name}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((unit, i) => (
                  <Cell key={summaries[i]!.preset} unit={unit} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Units liquidated</th>
              {counts.map((n, i) => (
                <td className={`num${n > 0 ? ' risk__liq' : ''}`} key={summaries[i]!.preset}>
                  {n} of {rows.length}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {rows.length > FIRST_ROWS && (
        <button type="button" className="btn btn--ghost" onClick={() => setAll((v) => !v)}>
          {all ? `Show the ${FIRST_ROWS} worst units` : `Show all ${rows.length.toLocaleString('en-US')} units`}
        </button>
      )}
    </div>
  );
}
