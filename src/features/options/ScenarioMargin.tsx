import { useId } from 'react';
import { formatMoney } from '../../lib/format';
import type { Report } from '../../engine/types';
import type { RiskMatrixOutcome } from '../../worker';
import type { MarginGrid } from './useOptionAnalysis';

type Matrix = Extract<RiskMatrixOutcome, { ok: true }>;

const unitLabel = (unit: string) => (unit === 'cross' ? 'Cross' : `Isolated ${unit.split(':')[1] ?? unit}`);

/** Scenario (risk-matrix) margin beside the standard maintenance margin, per unit. */
export function ScenarioMargin({ report, matrix, grid, onGrid }: { report: Report; matrix: Matrix; grid: MarginGrid; onGrid(g: MarginGrid): void }) {
  const id = useId();
  const standard = new Map(report.accounts.flatMap((a) => a.units.map((u) => [`${a.account}\u0000${u.unit}`, u.maintenanceMargin] as const)));
  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="options__head">
        <h3 id={`${id}-title`} className="panel__title">
          Scenario margin: worst weighted loss
        </h3>
        <label className="options__grid-choice">
          Risk matrix{' '}
          <select value={grid} onChange={(e) => onGrid(e.currentTarget.value as MarginGrid)}>
            <option value="span">CME SPAN, 16 scenarios</option>
            <option value="deribit">Deribit-style, ±16% + extended</option>
          </select>
        </label>
      </div>
      <p className="hint">{matrix.grid.title}. Every non-stable underlying moves together, around the what-if.</p>
      <div className="table-scroll">
        <table className="options-table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">Account · unit</th>
              <th scope="col" className="num">Standard MM, USD</th>
              <th scope="col" className="num">Risk-matrix requirement, USD</th>
              <th scope="col">Worst scenario</th>
            </tr>
          </thead>
          <tbody>
            {matrix.units.map((u) => (
              <tr key={`${u.account}/${u.unit}`}>
                <th scope="row">
                  {u.account} · {unitLabel(u.unit)}
                </th>
                <td className="num">{formatMoney(standard.get(`${u.account}\u0000${u.unit}`))}</td>
                <td className="num options__requirement">{formatMoney(u.requirement)}</td>
                <td>{u.worst >= 0 ? matrix.grid.scenarios[u.worst]?.label : 'no loss'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
