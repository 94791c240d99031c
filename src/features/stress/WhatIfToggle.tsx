import type { Scenario } from '../../engine/types';
import { describeScenario } from '../scenario/edit';

/** A panel's "Start from the what-if" tick box, and what its figures on screen start from. */
export function WhatIfToggle({ follow, onFollow, what, from, testId }: { follow: boolean; onFollow: (on: boolean) => void; what: string; from: Scenario | null; testId: string }) {
  return (
    <div className="risk__controls">
      <label className="risk__follow">
        <input type="checkbox" checked={follow} onChange={(e) => onFollow(e.target.checked)} />
        Start from the what-if: {what}
      </label>
      <p className="note" data-testid={testId}>
        {from ? `From the what-if: ${describeScenario(from).join(', ')}` : "From today's prices"}
      </p>
    </div>
  );
}
