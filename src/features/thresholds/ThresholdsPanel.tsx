import { useId } from 'react';
import { useAppStore, validateThresholds, type ThresholdInputs } from '../../store';

/** The sliders' reach; the number field takes any level above 1. */
const SLIDER = { min: 1, max: 3, step: 0.05 };

function ThresholdField({ name, label, slider, hint, invalid, errorId }: { name: keyof ThresholdInputs; label: string; slider: string; hint: string; invalid: boolean; errorId: string }) {
  const id = useId();
  const value = useAppStore((s) => s.thresholdInputs[name]);
  const set = useAppStore((s) => s.setThresholdInput);
  return (
    <div className="field field--number">
      <label htmlFor={id}>{label}</label>
      <div className="thresholds__inputs">
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
        {/* a native range on the same state: arrows, Page Up/Down, Home/End drive it */}
        <input
          type="range"
          className="thresholds__range"
          min={SLIDER.min}
          max={SLIDER.max}
          step={SLIDER.step}
          value={sliderValue(value)}
          aria-label={slider}
          aria-valuetext={`HF ${value}`}
          onChange={(e) => set(name, e.currentTarget.value)}
        />
      </div>
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
    </div>
  );
}

/** The slider shows a typed level when it is a number in reach, else the nearest end. */
function sliderValue(text: string): number {
  const n = Number(text);
  return Number.isFinite(n) ? Math.min(SLIDER.max, Math.max(SLIDER.min, n)) : SLIDER.min;
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
          slider="Target HF slider"
          hint="below it: Warning"
          invalid={!check.ok && check.field === 'targetHF'}
          errorId={errorId}
        />
        <ThresholdField
          name="marginCallHF"
          label="Margin-call level"
          slider="Margin-call HF slider"
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
