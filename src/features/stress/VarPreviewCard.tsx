import { formatMoney, formatPercent } from '../../lib/format';
import { PREVIEW_PATHS, useVarPreview } from '../../store/varPreview';

const level = (c: string) => `${(Number(c) * 100).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * Beside the sliders while the VaR preview follows the what-if (turned on in the Stress & VaR
 * tab): the book's VaR and ES at the first confidence and the chance any unit is liquidated, from
 * the scenario's prices.
 */
export function VarPreviewCard() {
  const { settings, figures, error, running } = useVarPreview();
  if (!settings) return null;
  const tail = figures?.book.tails[0];
  return (
    <section className="var-preview" aria-label="VaR preview under the what-if" aria-busy={running}>
      <div className="var-preview__head">
        <span>
          VaR {tail ? level(tail.confidence) : ''} · {settings.horizonDays} day(s) from here
        </span>
        <span className="hint">{running ? 'updating…' : `${PREVIEW_PATHS.toLocaleString('en-US')} paths`}</span>
      </div>
      {error ? (
        <p className="field-error" role="alert">{error}</p>
      ) : tail ? (
        <dl className="var-preview__figures">
          <div>
            <dt>VaR, USD</dt>
            <dd className="num" data-testid="preview-var">{formatMoney(tail.var)}</dd>
          </div>
          <div>
            <dt>ES, USD</dt>
            <dd className="num">{formatMoney(tail.es)}</dd>
          </div>
          <div>
            <dt>P(any liquidation)</dt>
            <dd className="num" data-testid="preview-p-liquidation">{formatPercent(figures.book.pAnyLiquidation)}</dd>
          </div>
        </dl>
      ) : (
        <p className="hint">Running the first preview…</p>
      )}
    </section>
  );
}
