import { useEffect, useState } from 'react';
import { useAppStore } from '../../store';
import { fetchRiskSetup } from '../../store/riskSync';
import type { RiskSetup } from '../../worker/riskProtocol';
import { FundingPanel } from './FundingPanel';
import { StressPanel } from './StressPanel';
import { VarPanel } from './VarPanel';

/** The "Stress & VaR" tab: historical crash presets, Monte Carlo / historical VaR, funding drift. */
export default function StressView() {
  const summary = useAppStore((s) => s.summary);
  const [setup, setSetup] = useState<RiskSetup | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchRiskSetup()
      .then((s) => live && setSetup(s))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [summary]);
  if (error) return <p className="field-error" role="alert">{error}</p>;
  if (!setup) return <p className="hint">Loading presets…</p>;
  return (
    <div className="risk">
      {setup.heldNote && <p className="note risk__held" role="note">Note: {setup.heldNote}.</p>}
      <StressPanel key={`stress-${summary?.source ?? ''}`} presets={setup.presets} />
      <VarPanel key={`var-${summary?.source ?? ''}`} setup={setup} />
      <FundingPanel key={`funding-${summary?.source ?? ''}`} fees={setup.fees} />
    </div>
  );
}
