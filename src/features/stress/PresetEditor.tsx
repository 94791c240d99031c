import { useState } from 'react';
import type { StressPreset } from '../../engine/risk/stress';
import { movesToText, textToMoves } from './presetText';

let copies = 0;

/** Edits a copy of a preset; saving adds it to the preset list for this session. */
export function PresetEditor({ preset, onSave }: { preset: StressPreset; onSave: (copy: StressPreset) => void }) {
  const [name, setName] = useState(`${preset.name} (my copy)`);
  const [text, setText] = useState(movesToText(preset));
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    const parsed = textToMoves(text, preset.hours);
    if (!parsed.ok) return setError(parsed.error);
    copies += 1;
    onSave({ ...preset, id: `custom-${copies}`, name: name.trim() || `My preset ${copies}`, moves: parsed.moves, notes: [...preset.notes, `edited copy of "${preset.name}"`] });
    setError(null);
  };
  return (
    <div className="risk__editor">
      <div className="field">
        <label htmlFor="preset-name">Name of your copy</label>
        <input id="preset-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="preset-moves">Moves: one asset or family (BTC, ETH, ALTS, STABLE, or a name) a line, hour=move%</label>
        <textarea id="preset-moves" rows={Math.min(8, text.split('\n').length + 1)} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} aria-invalid={error !== null} />
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="button" className="btn" onClick={save}>Save copy</button>
    </div>
  );
}
