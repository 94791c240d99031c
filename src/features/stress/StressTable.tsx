import type { StressResult } from '../../engine/risk/stress';
import { formatHealthFactor, formatMoney } from '../../lib/format';

const hour = (h: number | null) => (h === null ? '—' : `hour ${h}`);

/** Preset × unit: the lowest HF on the path, liquidated or not and when, and the loss. */
export function StressTable({ result }: { result: StressResult }) {
  return (
    <div className="risk__scroll">
      <table className="risk__table" aria-label={`Stress test: ${result.name}`}>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col" className="num">Margin balance at start</th>
            <th scope="col" className="num">Min HF on path</th>
            <th scope="col">Liquidated</th>
            <th scope="col">Margin call</th>
            <th scope="col" className="num">HF at end</th>
            <th scope="col" className="num">Loss</th>
          </tr>
        </thead>
        <tbody>
          {result.units.map((u) => {
            const recovered = u.liquidatedAtHour !== null && u.endHF !== null && Number(u.endHF) > 1;
            return (
              <tr key={`${u.account}:${u.unit}`} className={u.liquidatedAtHour !== null ? 'risk__row--liquidated' : ''}>
                <th scope="row">{u.label}</th>
                <td className="num">{formatMoney(u.marginBalance)}</td>
                <td className="num">{u.minHF === null ? '∞' : formatHealthFactor(u.minHF)}{u.minHFHour !== null && <span className="hint"> @ h{u.minHFHour}</span>}</td>
                <td>
                  {u.liquidatedAtHour === null ? <span className="risk__ok">no</span> : <span className="risk__liq">yes, {hour(u.liquidatedAtHour)}</span>}
                  {recovered && <span className="hint"> (path recovers: the end point alone would not liquidate)</span>}
                </td>
                <td>{hour(u.marginCallAtHour)}</td>
                <td className="num">{u.endHF === null ? '∞' : formatHealthFactor(u.endHF)}</td>
                <td className={`num${Number(u.loss) > 0 ? ' num--neg' : ' num--pos'}`}>{formatMoney(u.loss)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">Loss = margin balance lost by the liquidation moment, or by the end of the path. Tiers re-evaluated at every step (float64 statistics over the engine's exposure model).</p>
    </div>
  );
}
