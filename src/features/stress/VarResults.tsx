import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { cents } from '../../engine/risk/cents';
import { share } from '../../engine/risk/finish';
import type { UnitIdentity, VarFigures } from '../../engine/risk/types';
import { formatMoney, formatPercent, groupThousands } from '../../lib/format';
import { level } from './confidence';
import { orderUnits, type UnitOrder } from './unitOrder';

/** A unit figure (float64 statistic) as the CLI writes it, grouped: 2 decimals, no "-0.00". */
const money = (v: number) => groupThousands(cents(v).replace(/^-(0\.00)$/, '$1'));

const ROW_HEIGHT = 25;
const MAX_HEIGHT = 360;

/** The book's VaR/ES first and biggest, then every unit with its hit probabilities (rows on screen only). */
export function VarResults({ figures, units }: { figures: VarFigures; units: readonly UnitIdentity[] }) {
  const { book } = figures;
  const how = figures.method === 'monte-carlo' ? `Monte Carlo, seed ${figures.seed}` : 'historical simulation';
  return (
    <div className="risk__results" data-testid="var-results">
      <p className="note">
        {figures.paths.toLocaleString('en-US')} paths · {figures.horizonDays} day(s) · {figures.steps} step(s) a path · {how} · money in USD (quote currency)
      </p>
      <dl className="risk__book">
        {book.tails.map((t) => (
          <div key={t.confidence} className="risk__figure">
            <dt>Book VaR {level(t.confidence)}</dt>
            <dd className="num" data-testid={`book-var-${t.confidence}`}>{formatMoney(t.var)}</dd>
            <dt>ES {level(t.confidence)}</dt>
            <dd className="num" data-testid={`book-es-${t.confidence}`}>{formatMoney(t.es)}</dd>
          </div>
        ))}
        <div className="risk__figure">
          <dt>P(any unit liquidated)</dt>
          <dd className="num" data-testid="book-p-liquidation">{formatPercent(book.pAnyLiquidation)}</dd>
        </div>
      </dl>
      {/* a report from another book (the page changed while it ran) has other units: no table then */}
      {units.length === figures.units.marginBalance.length && <UnitTable figures={figures} units={units} />}
      {figures.warnings.length > 0 && (
        <ul className="warnings">
          {figures.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function UnitTable({ figures, units }: { figures: VarFigures; units: readonly UnitIdentity[] }) {
  const [order, setOrder] = useState<UnitOrder>('risk');
  const columns = figures.units;
  const levels = columns.confidences.length;
  const sorted = useMemo(() => orderUnits(columns, order), [columns, order]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const colCount = 4 + levels;
  return (
    <>
      <div className="risk__table-head">
        <span className="hint">{sorted.length.toLocaleString('en-US')} units</span>
        <div className="field">
          <label htmlFor="var-order">Order</label>
          <select id="var-order" value={order} onChange={(e) => setOrder(e.target.value as UnitOrder)}>
            <option value="risk">Riskiest first (P(liquidation), P(margin call), ES)</option>
            <option value="book">By account</option>
          </select>
        </div>
      </div>
      <div ref={scrollRef} className="risk__scroll" style={{ maxHeight: MAX_HEIGHT }} tabIndex={0} role="region" aria-label="VaR by unit, scrollable">
        <table className="risk__table" aria-label="VaR by unit" aria-rowcount={sorted.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">Unit</th>
              <th scope="col" className="num">Margin balance</th>
              {columns.confidences.map((c) => (
                <th key={c} scope="col" className="num">VaR / ES {level(c)}</th>
              ))}
              <th scope="col" className="num">P(margin call)</th>
              <th scope="col" className="num">P(liquidation)</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }}><td colSpan={colCount} /></tr> : null}
            {items.map((vi) => {
              const i = sorted[vi.index]!;
              const u = units[i]!;
              const liquidations = columns.liquidations[i]!;
              return (
                <tr key={i} aria-rowindex={vi.index + 2} style={{ height: ROW_HEIGHT }}>
                  <th scope="row">{u.label}</th>
                  <td className="num">{money(columns.marginBalance[i]!)}</td>
                  {columns.confidences.map((c, k) => (
                    <td key={c} className="num">{money(columns.var[i * levels + k]!)} / {money(columns.es[i * levels + k]!)}</td>
                  ))}
                  <td className="num">{formatPercent(share(columns.marginCalls[i]!, figures.paths))}</td>
                  <td className={`num${liquidations > 0 ? ' num--neg' : ''}`}>{formatPercent(share(liquidations, figures.paths))}</td>
                </tr>
              );
            })}
            {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }}><td colSpan={colCount} /></tr> : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
