import { formatMoney, formatPercent } from '../../lib/format';
import { PREVIEW_PATHS, useVarPreview } from '../../store/varPreview';
import { level } from './confidence';

/**
 * In the scenario bar (on screen wherever the page is scrolled) while the VaR preview follows the
 * what-if (turned on in the Stress & VaR tab): the book's VaR and ES at the first confidence and
 * the chance any unit is liquidated over the horizon, from the scenario's prices.
 */
export function VarPreviewCard() {
  const { settings, latest, error, running } = useVarPreview();
  if (!settings) return null;
  const figures = latest?.figures;
  const tail = figures?.book.tails[0];
  return (
    <section className="var-preview" aria-label="VaR preview under the what-if" aria-busy={running}>
      <span className="var-preview__what">
        VaR{tail ? ` ${level(tail.confidence)}` : ''}, {settings.horizonDays} d
      </span>
      {error ? (
        <span className="field-error" role="alert">{error}</span>
      ) : tail ? (
        <>
          <strong className="num" data-testid="preview-var">{formatMoney(tail.var)}</strong>
          <span className="var-preview__unit">USD</span>
          <span className="var-preview__what">ES</span>
          <span className="num">{formatMoney(tail.es)}</span>
          <span className="var-preview__what">P(any liquidation)</span>
          <span className="num" data-testid="preview-p-liquidation">{formatPercent(figures.book.pAnyLiquidation)}</span>
        </>
      ) : (
        <span className="hint">first run…</span>
      )}
      <span className="hint">{running ? 'updating…' : `${PREVIEW_PATHS.toLocaleString('en-US')} paths`}</span>
    </section>
  );
}
