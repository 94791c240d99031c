import { crossCutKey, lineCutKey } from '../../engine/cuts';
import type { UnitReport } from '../../engine/types';
import { formatMoney, formatPercent } from '../../lib/format';
import { applyCollateralWhatIf, applyCutWhatIf } from '../../store/whatIf';

function TryIt({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="remedy__apply" aria-label={label} onClick={onClick}>
      Try it
    </button>
  );
}

/**
 * What brings the unit back to the target HF, as the engine worked it out (exact, tiers
 * re-evaluated). Added collateral goes to the account's cross balance, so its "Try it" is offered on
 * cross units; an isolated position's margin is topped up at the venue. Every cut has a "Try it":
 * it becomes a cut what-if (engine/cuts.ts) on the unit, or on the one position.
 */
export function RemediationHint({ account, unit, targetHF }: { account: string; unit: UnitReport; targetHF: string }) {
  const r = unit.remediation;
  if (!r) return null;
  const cross = unit.marginMode === 'cross';
  // an isolated unit is its one position: cutting "every position" is cutting that line
  const allKey = cross ? crossCutKey(account) : r.reduceSingle ? lineCutKey(r.reduceSingle.line) : null;
  return (
    <section className="remedy" aria-label={`How to get ${account} back to HF ${targetHF}`}>
      <h4 className="remedy__title">Back to HF {targetHF}</h4>
      <ul className="remedy__list">
        <li>
          {cross ? 'Add' : 'Add margin to this position:'} <strong>{formatMoney(r.addCollateral)}</strong> USD
          {cross ? <TryIt label="Try it: add the collateral" onClick={() => applyCollateralWhatIf(account, r.addCollateral)} /> : null}
        </li>
        {r.reduceFraction !== null ? (
          <li>
            or close <strong>{formatPercent(r.reduceFraction)}</strong> of every position
            {allKey ? <TryIt label="Try it: close part of every position" onClick={() => applyCutWhatIf(allKey, r.reduceFraction!)} /> : null}
          </li>
        ) : null}
        {r.reduceSingle && cross ? (
          <li>
            or close <strong>{formatPercent(r.reduceSingle.fraction)}</strong> of {r.reduceSingle.symbol}
            <TryIt label={`Try it: close part of ${r.reduceSingle.symbol}`} onClick={() => applyCutWhatIf(lineCutKey(r.reduceSingle!.line), r.reduceSingle!.fraction)} />
          </li>
        ) : null}
      </ul>
    </section>
  );
}
