import type { MarketInput } from '../../engine/risk/market';

/** Annualised volatilities and the correlation matrix, editable; the upper triangle mirrors below. */
export function MarketTable({ market, onChange, source }: { market: MarketInput; onChange: (m: MarketInput) => void; source: string }) {
  const setVol = (i: number, v: string) => onChange({ ...market, vols: market.vols.map((x, k) => (k === i ? v : x)) });
  const setCorr = (i: number, j: number, v: string) =>
    onChange({ ...market, correlations: market.correlations.map((row, a) => row.map((x, b) => ((a === i && b === j) || (a === j && b === i) ? v : x))) });
  return (
    <details className="risk__market">
      <summary>Volatilities and correlations ({market.assets.length} assets) — editable</summary>
      <div className="risk__scroll">
        <table className="risk__table risk__table--market" aria-label="Volatilities and correlations">
          <thead>
            <tr>
              <th scope="col">Asset</th>
              <th scope="col" className="num">Vol / year</th>
              {market.assets.map((a) => (
                <th key={a} scope="col" className="num">ρ {a}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {market.assets.map((a, i) => (
              <tr key={a}>
                <th scope="row">{a}</th>
                <td><input aria-label={`${a} volatility per year`} value={market.vols[i]} onChange={(e) => setVol(i, e.target.value)} /></td>
                {market.assets.map((b, j) => (
                  <td key={b}>
                    {j === i ? <span className="hint">1</span> : j > i ? <input aria-label={`correlation ${a}–${b}`} value={market.correlations[i]![j]} onChange={(e) => setCorr(i, j, e.target.value)} /> : <span className="num hint">{market.correlations[i]![j]}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">Vol as an annual fraction (0.55 = 55%). Source: {source}</p>
    </details>
  );
}
