import { useState } from 'react';
import type { StressPreset } from '../../engine/risk/stress';
import { movesToText, textToMoves } from './presetText';
import { newPresetId } from './userPresets';

/**
 * Edits a preset: a shipped one becomes a new preset of the user's (saved with the workspace); one
 * of the user's own is saved in place.
 */
export function PresetEditor({ preset, own, onSave }: { preset: StressPreset; own: boolean; onSave: (edited: StressPreset) => void }) {
  const [name, setName] = useState(own ? preset.name : `${preset.name} (my copy)`);
  const [text, setText] = useState(movesToText(preset));
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    const parsed = textToMoves(text, preset.hours);
    if (!parsed.ok) return setError(parsed.error);
    const notes = own ? preset.notes : [...preset.notes, `edited copy of "${preset.name}"`];
    onSave({ ...preset, id: own ? preset.id : newPresetId(), name: name.trim() || `${preset.name} (my copy)`, moves: parsed.moves, notes });
    setError(null);
  };
  return (
    <div className="risk__editor">
      <div className="field">
        <label htmlFor="preset-name">{own ? 'Name' : 'Name of your copy'}</label>
        <input id="preset-name" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="preset-moves">Moves: one asset or family (BTC, ETH, ALTS, STABLE, or a name) a line, hour=move%</label>
        <textarea id="preset-moves" rows={Math.min(8, text.split('\n').length + 1)} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} aria-invalid={error !== null} />
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="button" className="btn" onClick={save}>{own ? 'Save changes' : 'Save copy'}</button>
    </div>
  );
}
