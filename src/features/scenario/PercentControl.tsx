import { memo, useId, useState } from 'react';
import { fractionToPercent, percentInRange, percentToFraction } from './edit';

interface Props {
  /** e.g. "BTC price move"; the number field adds ", %" */
  label: string;
  /** the move as a fraction string, "-0.2" */
  value: string;
  min: number;
  max: number;
  step?: number;
  onChange(fraction: string): void;
}

/**
 * A move in percent: a native range input (arrow keys, Page Up/Down, Home/End) and a number field
 * beside it. The store keeps the fraction as a decimal string; conversion goes through decimal.js.
 * Memoised: with a stable `onChange`, a step re-renders only the control that moved.
 */
export const PercentControl = memo(function PercentControl({ label, value, min, max, step = 0.5, onChange }: Props) {
  const id = useId();
  const percent = fractionToPercent(value);
  // while the field has focus it shows what is being typed ("-", "-2"); otherwise the store's value
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? percent;
  const invalid = draft !== null && draft.trim() !== '' && !percentInRange(draft, min, max);
  const commit = (text: string) => {
    if (!percentInRange(text, min, max)) return;
    const fraction = percentToFraction(text);
    if (fraction !== null) onChange(fraction);
  };
  return (
    <div className={`move${percent === '0' ? '' : ' move--active'}`}>
      <label className="move__label" htmlFor={`${id}-range`}>
        {label}
      </label>
      <div className="move__inputs">
        <input
          id={`${id}-range`}
          className="move__range"
          type="range"
          min={min}
          max={max}
          step={step}
          value={percent}
          aria-valuetext={`${percent}%`}
          list={`${id}-ticks`}
          onChange={(e) => commit(e.currentTarget.value)}
        />
        {/* a tick at 0: today */}
        <datalist id={`${id}-ticks`}>
          <option value={0} />
        </datalist>
        <span className="move__number">
          <input
            id={`${id}-number`}
            type="number"
            inputMode="decimal"
            min={min}
            max={max}
            step={step}
            value={shown}
            aria-label={`${label}, %`}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-error` : undefined}
            onFocus={() => setDraft(percent)}
            onBlur={() => setDraft(null)}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              commit(e.currentTarget.value);
            }}
          />
          <span aria-hidden="true">%</span>
        </span>
      </div>
      {invalid ? (
        <span id={`${id}-error`} className="move__error">
          between {min}% and +{max}%
        </span>
      ) : null}
    </div>
  );
});
