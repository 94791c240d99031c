import { Dec } from '../../engine/decimal';
import { formatPrice, groupThousands } from '../../lib/format';
import type { GreeksOutcome } from '../../worker';

type Row = Extract<GreeksOutcome, { ok: true }>['underlyings'][number];

/** Model figures to a few significant places (decimal.js; they are statistics, not balances). */
function fmt(value: string, scale = 1, places = 2): string {
  const d = new Dec(value).div(scale).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN);
  const s = d.isZero() ? d.abs().toFixed(places) : d.toFixed(places);
  return groupThousands(s);
}

/**
 * Portfolio greeks per underlying under the what-if: delta in units of the underlying (perps and
 * spot included), gamma per unit, vega per vol point (1%), theta per day (1/365 year), rho per 1%.
 */
export function GreeksPanel({ rows }: { rows: Row[] }) {
  return (
    <section aria-labelledby="greeks-title">
      <h3 id="greeks-title" className="panel__title">
        Greeks per underlying
      </h3>
      <div className="table-scroll">
        <table className="options-table" aria-labelledby="greeks-title">
          <thead>
            <tr>
              <th scope="col">Underlying</th>
              <th scope="col" className="num" title="underlying price under the what-if, USD">Price</th>
              <th scope="col" className="num" title="option positions">Opts</th>
              <th scope="col" className="num" title="units of the underlying; perps and spot included">Delta</th>
              <th scope="col" className="num" title="change of delta per 1 USD of the underlying">Gamma</th>
              <th scope="col" className="num" title="USD per 1 vol point">Vega 1%</th>
              <th scope="col" className="num" title="USD per calendar day">Theta/day</th>
              <th scope="col" className="num" title="USD per 1% of rate">Rho 1%</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.underlying} data-testid={`greeks-${g.underlying}`}>
                <th scope="row">{g.underlying}</th>
                <td className="num">{formatPrice(g.price)}</td>
                <td className="num">{g.options}</td>
                <td className="num">{fmt(g.delta, 1, 4)}</td>
                <td className="num">{fmt(g.gamma, 1, 6)}</td>
                <td className="num">{fmt(g.vega, 100)}</td>
                <td className="num">{fmt(g.theta, 365)}</td>
                <td className="num">{fmt(g.rho, 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">Delta in units of the underlying (perps and spot included); vega per vol point, theta per day and rho per 1% of rate in USD.</p>
    </section>
  );
}
