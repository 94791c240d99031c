import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { LIQUIDATION_KINDS, type CascadeResult } from '../../engine/cascade';

const ROW_HEIGHT = 26;
const KIND_LABEL: Record<(typeof LIQUIDATION_KINDS)[number], string> = {
  full: 'full',
  partial: 'partial',
  'close-factor-50': 'Aave 50%',
  'close-factor-100': 'Aave 100%',
};
const HEADERS = ['#', 'Round', 'Unit', 'Rule', 'HF before', 'Notional, USD', 'Collateral sold, USD', 'Fee, USD', 'Slippage, USD', 'Deficit, USD', 'Fund paid, USD', 'ADL paid, USD'];

// display figures (float64 copies of the engine's decimals); the rounds carry the exact totals
const usd = (v: number) => (v === 0 ? '0' : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** Every liquidation in the order the cascade made them, virtualised. */
export function LiquidationsTable({ result }: { result: CascadeResult }) {
  const l = result.liquidations;
  const count = l.round.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <section className="cascade__table" aria-labelledby="cascade-table-heading">
      <div className="section-head">
        <h2 id="cascade-table-heading">Liquidated units, in order</h2>
        <span className="hint">{count.toLocaleString('en-US')} liquidations</span>
      </div>
      <div ref={scrollRef} className="table-scroll" style={{ maxHeight: 320 }} tabIndex={0} role="region" aria-label="Liquidations table, scrollable">
        <table className="grid" aria-rowcount={count + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {HEADERS.map((h, i) => (
                <th key={h} scope="col" className={i === 2 || i === 3 ? undefined : 'num'}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }}><td colSpan={HEADERS.length} /></tr> : null}
            {items.map((vi) => {
              const i = vi.index;
              const bankrupt = l.deficit[i]! > 0;
              return (
                <tr key={i} aria-rowindex={i + 2} className={bankrupt ? 'row row--liquidation' : 'row'} style={{ height: ROW_HEIGHT }}>
                  <td className="num">{i + 1}</td>
                  <td className="num">{l.round[i]}</td>
                  <td>{result.names[l.unit[i]!]}</td>
                  <td>{KIND_LABEL[LIQUIDATION_KINDS[l.kind[i]!]!]}</td>
                  <td className="num">{Number.isFinite(l.hfBefore[i]!) ? l.hfBefore[i]!.toFixed(3) : '—'}</td>
                  <td className="num">{usd(l.notional[i]!)}</td>
                  <td className="num">{usd(l.collateralSold[i]!)}</td>
                  <td className="num">{usd(l.fee[i]!)}</td>
                  <td className="num">{usd(l.slippage[i]!)}</td>
                  <td className={bankrupt ? 'num num--neg' : 'num'}>{usd(l.deficit[i]!)}</td>
                  <td className="num">{usd(l.fundPaid[i]!)}</td>
                  <td className="num">{usd(l.adlPaid[i]!)}</td>
                </tr>
              );
            })}
            {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }}><td colSpan={HEADERS.length} /></tr> : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
