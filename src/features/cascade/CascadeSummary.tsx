import type { CascadeResult } from '../../engine/cascade';
import { formatMoney } from '../../lib/format';

/** The figures a risk desk reads first: how far it went, how much was closed, what the fund and ADL took. */
export function CascadeSummary({ result }: { result: CascadeResult }) {
  const liquidated = result.liquidations.round.length;
  const units = new Set(result.liquidations.unit).size;
  const notional = result.rounds.reduce((s, r) => s + Number(r.liquidatedNotional), 0);
  const adl = result.rounds.reduce((s, r) => s + Number(r.adlAmount), 0);
  const uncovered = result.rounds.reduce((s, r) => s + Number(r.uncovered), 0);
  const stop = result.stop === 'no-liquidation' ? 'stopped: no unit left at HF ≤ 1' : 'stopped at the round limit: still liquidating';
  return (
    <div className="cascade__summary" data-testid="cascade-summary">
      <div className="cascade__headline">
        <span className="cascade__big" data-testid="cascade-rounds">
          {result.rounds.length} {result.rounds.length === 1 ? 'round' : 'rounds'}
        </span>
        <span className="hint">{stop}</span>
      </div>
      <dl className="cascade__figures">
        <div><dt>Units liquidated</dt><dd className="num">{units.toLocaleString('en-US')} of {result.units.toLocaleString('en-US')} ({liquidated.toLocaleString('en-US')} liquidations)</dd></div>
        <div><dt>Notional liquidated</dt><dd className="num">{formatMoney(String(Math.round(notional)))} USD</dd></div>
        <div><dt>Impact cost</dt><dd className="num">{formatMoney(result.accounting.impactCost)} USD</dd></div>
        <div><dt>Fund</dt><dd className="num">{formatMoney(result.fundStart)} → {formatMoney(result.fundEnd)} USD</dd></div>
        <div><dt>Taken by ADL</dt><dd className="num">{formatMoney(String(adl))} USD</dd></div>
        <div><dt>Uncovered deficit</dt><dd className={uncovered > 0 ? 'num num--neg' : 'num'}>{formatMoney(String(uncovered))} USD</dd></div>
      </dl>
    </div>
  );
}
