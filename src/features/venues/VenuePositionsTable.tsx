import type { PositionComparison, VenueComparison } from '../../engine/compare';
import { isStablecoin } from '../../engine/stablecoins';
import { formatMoney, formatPercent, formatPrice } from '../../lib/format';

function Theirs({ p }: { p: PositionComparison }) {
  if (!p.theirs) return <td className="venues__na">—</td>;
  const t = p.theirs;
  return (
    <td className="venues__theirs">
      {t.liquidationPrice && (
        <span>
          LP {formatPrice(t.liquidationPrice)} <span className="venues__gap">gap {formatPrice(t.liquidationPriceGap)}</span>
        </span>
      )}
      {t.maintenanceMargin && (
        <span>
          MM {formatMoney(t.maintenanceMargin)} <span className="venues__gap">gap {formatMoney(t.maintenanceMarginGap)}</span>
        </span>
      )}
    </td>
  );
}

function Reasons({ p, labels }: { p: PositionComparison; labels: Map<string, string> }) {
  const withReasons = p.venues.filter((v) => v.reasons.length > 0);
  if (withReasons.length === 0) return null;
  return (
    <details className="venues__reasons">
      <summary>Why the venues differ for {p.symbol}</summary>
      <ul>
        {withReasons.map((v) => (
          <li key={v.venue}>
            <strong>{labels.get(v.venue)}</strong>: {v.reasons.join('; ')}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Positions by venue: liquidation price and MM; the nearest liquidation flagged; the venue's own figures beside. */
export function VenuePositionsTable({ comparison }: { comparison: VenueComparison }) {
  const labels = new Map(comparison.venues.map((v) => [v.id as string, v.label]));
  // stablecoin cash is the quote currency: its "liquidation price" is a depeg, shown by the what-if panel instead
  const positions = comparison.positions.filter((p) => !isStablecoin(p.underlying));
  return (
    <table className="venues__table" aria-label="Liquidation price of each position under each venue">
      <caption>Liquidation price by venue, in the quote currency (nearest to the mark = most conservative, flagged)</caption>
      <thead>
        <tr>
          <th scope="col">Position</th>
          {comparison.venues.map((v) => (
            <th scope="col" key={v.id}>{v.label}</th>
          ))}
          <th scope="col">The venue's own figures (gap = ours − theirs)</th>
        </tr>
      </thead>
      <tbody>
        {positions.map((p) => (
          <tr key={`${p.account}:${p.line}`}>
            <th scope="row">
              <span>{p.account} · {p.symbol}</span>
              <span className="venues__sub">{p.side} · mark {formatPrice(p.markPrice)}</span>
              <Reasons p={p} labels={labels} />
            </th>
            {p.venues.map((v) => {
              const most = p.mostConservative === v.venue;
              if (!v.available) return <td key={v.venue} className="venues__na">not held</td>;
              return (
                <td key={v.venue} className={most ? 'venues__most' : undefined} data-venue={v.venue}>
                  <span className="venues__lp">{v.liquidationPrice ? formatPrice(v.liquidationPrice) : 'none'}</span>
                  {most && <span className="venues__flag">most conservative</span>}
                  {v.distanceToLiquidation && <span className="venues__sub">{formatPercent(v.distanceToLiquidation)} away</span>}
                  <span className="venues__sub">MM {formatMoney(v.maintenanceMargin)}</span>
                </td>
              );
            })}
            <Theirs p={p} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
