import type { UnitReport } from '../../engine/types';
import { formatMoney, formatPercent } from '../../lib/format';
import { applyCollateralWhatIf } from '../../store/whatIf';

/**
 * What brings the unit back to the target HF, as the engine worked it out (exact, tiers
 * re-evaluated). Added collateral goes to the account's cross balance, so "Try it" is offered on
 * cross units; an isolated position's margin is topped up at the venue.
 */
export function RemediationHint({ account, unit, targetHF }: { account: string; unit: UnitReport; targetHF: string }) {
  const r = unit.remediation;
  if (!r) return null;
  const cross = unit.marginMode === 'cross';
  return (
    <section className="remedy" aria-label={`How to get ${account} back to HF ${targetHF}`}>
      <h4 className="remedy__title">Back to HF {targetHF}</h4>
      <ul className="remedy__list">
        <li>
          {cross ? 'Add' : 'Add margin to this position:'} <strong>{formatMoney(r.addCollateral)}</strong> USD
          {cross ? (
            <button type="button" className="remedy__apply" onClick={() => applyCollateralWhatIf(account, r.addCollateral)}>
              Try it
            </button>
          ) : null}
        </li>
        {r.reduceFraction !== null ? (
          <li>
            or close <strong>{formatPercent(r.reduceFraction)}</strong> of every position
          </li>
        ) : null}
        {r.reduceSingle ? (
          <li>
            or close <strong>{formatPercent(r.reduceSingle.fraction)}</strong> of {r.reduceSingle.symbol}
          </li>
        ) : null}
      </ul>
    </section>
  );
}
