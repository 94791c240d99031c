import { useId } from 'react';
import { useAppStore } from '../../store';
import { loadSample } from '../../store/engineSync';

export function SampleSelect() {
  const id = useId();
  const samples = useAppStore((s) => s.samples);
  const selected = useAppStore((s) => s.selectedSample);
  return (
    <div className="field">
      <label htmlFor={id}>Sample portfolio</label>
      <select id={id} value={selected} onChange={(e) => e.currentTarget.value && void loadSample(e.currentTarget.value)}>
        <option value="">— your file —</option>
        {samples.map((s) => (
          <option key={s.file} value={s.file}>
            {s.title}
          </option>
        ))}
      </select>
    </div>
  );
}
