import type { VenueComparison } from '../../engine/compare';
import { formatHealthFactor, formatMoney, formatShock } from '../../lib/format';
import { unitLabel } from '../../lib/units';

/** Units by venue: the health factor first and largest, the lowest flagged. */
export function VenueUnitsTable({ comparison }: { comparison: VenueComparison }) {
  const venues = comparison.venues;
  return (
    <table className="venues__table" aria-label="Health factor of each unit under each venue">
      <caption>Health factor by venue (lowest = most conservative, flagged)</caption>
      <thead>
        <tr>
          <th scope="col">Unit</th>
          {venues.map((v) => (
            <th scope="col" key={v.id} title={v.source ?? ''}>{v.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {comparison.units.map((u) => (
          <tr key={`${u.account}:${u.unit}`}>
            <th scope="row">
              {u.account} · {unitLabel(u.unit)}
            </th>
            {u.venues.map((v) => {
              const most = u.mostConservative === v.venue;
              if (!v.available) return <td key={v.venue} className="venues__na">not held</td>;
              return (
                <td key={v.venue} className={most ? 'venues__most' : undefined} data-venue={v.venue}>
                  <span className="venues__hf">{formatHealthFactor(v.healthFactor)}</span>
                  {most && <span className="venues__flag">most conservative</span>}
                  <span className="venues__sub">MM {formatMoney(v.maintenanceMargin)} · IM {formatMoney(v.initialMargin)}</span>
                  {v.venueRatio && <span className="venues__sub" title={v.venueRatio.label}>as shown: {Number(v.venueRatio.value).toFixed(4)} ({v.venueRatio.label.split(',')[0]})</span>}
                  {v.liquidationShockDown && <span className="venues__sub">liquidates at {formatShock(v.liquidationShockDown)}</span>}
                  {v.liquidation && (
                    <span className="venues__sub">
                      a liquidation repays {formatMoney(v.liquidation.repaid)} ({Number(v.liquidation.closeFactor) * 100}% close factor), costs {formatMoney(v.liquidation.cost)}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
