import { CONTEXT_TEXT, describeAlert } from './describe';
import { useAlerts } from './store';

/** A one-line reminder above the cards while any rule is met, whatever tab is open. */
export function AlertBanner() {
  const holding = useAlerts((s) => s.holding);
  if (holding.length === 0) return null;
  const first = holding[0]!;
  return (
    <p className="alert-banner" role="status" aria-label="Alerts">
      <strong>
        {holding.length} alert{holding.length === 1 ? '' : 's'}:
      </strong>{' '}
      {describeAlert(first)} ({CONTEXT_TEXT[first.context]}){holding.length > 1 ? ` and ${holding.length - 1} more — see the Alerts tab` : ''}
    </p>
  );
}
