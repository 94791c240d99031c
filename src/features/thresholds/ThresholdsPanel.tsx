import { useId } from 'react';
import { useAppStore, validateThresholds, type ThresholdInputs } from '../../store';

function ThresholdField({ name, label, hint, invalid, errorId }: { name: keyof ThresholdInputs; label: string; hint: string; invalid: boolean; errorId: string }) {
  const id = useId();
  const value = useAppStore((s) => s.thresholdInputs[name]);
  const set = useAppStore((s) => s.setThresholdInput);
  return (
    <div className="field field--number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={1}
        step={0.05}
        value={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : `${id}-hint`}
        onChange={(e) => set(name, e.currentTarget.value)}
      />
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
    </div>
  );
}

/** The user's two HF levels; every change re-evaluates (the sync subscribes to them). */
export function ThresholdsPanel() {
  const errorId = useId();
  const inputs = useAppStore((s) => s.thresholdInputs);
  const check = validateThresholds(inputs);
  return (
    <section className="panel thresholds" aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading" className="panel__title">
        Thresholds
      </h2>
      <div className="thresholds__fields">
        <ThresholdField
          name="targetHF"
          label="Target health factor (margin buffer)"
          hint="below it: Warning"
          invalid={!check.ok && check.field === 'targetHF'}
          errorId={errorId}
        />
        <ThresholdField
          name="marginCallHF"
          label="Margin-call level"
          hint="below it: Margin call · HF ≤ 1: Liquidation"
          invalid={!check.ok && check.field === 'marginCallHF'}
          errorId={errorId}
        />
      </div>
      {!check.ok ? (
        <p id={errorId} className="field-error" role="alert">
          <span aria-hidden="true">✕ </span>
          {check.message} Statuses shown use the last valid levels.
        </p>
      ) : null}
    </section>
  );
}
