import { useVenueComparison } from './useVenueComparison';
import { VenuePositionsTable } from './VenuePositionsTable';
import { VenueUnitsTable } from './VenueUnitsTable';

/** The loaded book under every venue's rules at once, with why they differ (issue 7). */
export default function VenuesView() {
  const state = useVenueComparison();
  if (state.status === 'loading') return <p className="hint">Margining the book under every venue…</p>;
  if (state.status === 'error') return <p className="hint" role="alert">Could not compare venues: {state.error}</p>;
  const { comparison } = state;
  return (
    <div className="venues" data-testid="venues-view">
      <p className="hint">
        The same book under each venue's rules, today's prices. Each venue's own tiers and defaults replace the rates in the file; your leverage stays.
      </p>
      <VenueUnitsTable comparison={comparison} />
      <VenuePositionsTable comparison={comparison} />
      <details className="venues__sources">
        <summary>Rules used (as of, source)</summary>
        <ul>
          {comparison.venues.map((v) => (
            <li key={v.id}>
              <strong>{v.label}</strong>
              {v.asOf ? ` — as of ${v.asOf}` : ''}
              {v.source ? `: ${v.source}` : ''}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
