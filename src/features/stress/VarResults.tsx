import type { VarReport } from '../../engine/risk/types';
import { formatMoney, formatPercent } from '../../lib/format';

const level = (c: string) => `${(Number(c) * 100).toFixed(1).replace(/\.0$/, '')}%`;

/** The book's VaR/ES first and biggest, then every unit with its hit probabilities. */
export function VarResults({ report }: { report: VarReport }) {
  const { book } = report;
  const how = report.method === 'monte-carlo' ? `Monte Carlo, seed ${report.seed}` : 'historical simulation';
  return (
    <div className="risk__results" data-testid="var-results">
      <p className="note">
        {report.paths.toLocaleString('en-US')} paths · {report.horizonDays} day(s) · {report.steps} step(s) a path · {how}
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
          <dd className="num">{formatPercent(book.pAnyLiquidation)}</dd>
        </div>
      </dl>
      <div className="risk__scroll">
        <table className="risk__table" aria-label="VaR by unit">
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col" className="num">Margin balance</th>
              {book.tails.map((t) => (
                <th key={t.confidence} scope="col" className="num">VaR / ES {level(t.confidence)}</th>
              ))}
              <th scope="col" className="num">P(margin call)</th>
              <th scope="col" className="num">P(liquidation)</th>
            </tr>
          </thead>
          <tbody>
            {report.units.map((u) => (
              <tr key={`${u.account}:${u.unit}`}>
                <th scope="row">{u.label}</th>
                <td className="num">{formatMoney(u.marginBalance)}</td>
                {u.tails.map((t) => (
                  <td key={t.confidence} className="num">{formatMoney(t.var)} / {formatMoney(t.es)}</td>
                ))}
                <td className="num">{formatPercent(u.pMarginCall)}</td>
                <td className={`num${Number(u.pLiquidation) > 0 ? ' num--neg' : ''}`}>{formatPercent(u.pLiquidation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.warnings.length > 0 && (
        <ul className="warnings">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
