import { useMemo, useState } from 'react';
import type { StressPreset } from '../../engine/risk/stress';
import { useWorkspaceExtras } from '../../persist/extras';
import type { Scenario } from '../../engine/types';
import { runStress } from '../../store/riskSync';
import { PresetEditor } from './PresetEditor';
import { PresetPathChart } from './PresetPathChart';
import { StressMatrix } from './StressMatrix';
import { StressTable } from './StressTable';
import { useWhatIfRun } from './useWhatIfRun';
import { WhatIfToggle } from './WhatIfToggle';
import { deleteUserPreset, readUserPresets, saveUserPreset, USER_PRESETS_EXTRA } from './userPresets';

/** Pick a crash, see every unit walk its path; edit a copy and keep it with the workspace. */
export function StressPanel({ presets }: { presets: StressPreset[] }) {
  const stored = useWorkspaceExtras((s) => s.extras[USER_PRESETS_EXTRA]);
  const mine = useMemo(() => readUserPresets(stored), [stored]);
  // one array per change of the presets: the preset × unit table is asked for again when it changes
  const all = useMemo(() => [...presets, ...mine.presets], [presets, mine.presets]);
  const isMine = (p: StressPreset) => mine.presets.some((m) => m.id === p.id);
  const [id, setId] = useState(presets[0]?.id ?? '');
  const [editing, setEditing] = useState(false);
  const [follow, setFollow] = useState(true);
  const preset = all.find((p) => p.id === id) ?? all[0];
  const { outcome, error: failed, from } = useWhatIfRun(preset ? (whatIf?: Scenario) => runStress(preset, whatIf) : null, preset, follow);
  const result = outcome?.ok ? outcome.result : null;
  const error = failed ?? (outcome && !outcome.ok ? outcome.error : null);

  if (!preset) return null;
  const own = isMine(preset);
  const save = (edited: StressPreset) => {
    saveUserPreset(edited);
    setId(edited.id);
    setEditing(false);
  };
  const remove = () => {
    deleteUserPreset(preset.id);
    setId(presets[0]?.id ?? '');
    setEditing(false);
  };
  return (
    <section className="panel risk__section" aria-labelledby="stress-title">
      <div className="risk__head">
        <h3 id="stress-title" className="panel__title">Historical crash presets</h3>
      </div>
      {mine.problems.map((p) => (
        <p key={p} className="note" role="note">
          {p}
        </p>
      ))}
      <WhatIfToggle follow={follow} onFollow={setFollow} what="the crash moves each price from the scenario bar's, with its collateral, cuts, vol and days" from={from} testId="stress-basis" />
      <StressMatrix presets={all} follow={follow} selected={preset.id} onPick={setId} />
      <div className="risk__head">
        <h4 className="risk__chart-title risk__detail-title">One preset in detail: its path, hour by hour</h4>
        <div className="field">
          <label htmlFor="stress-preset">Preset</label>
          <select id="stress-preset" value={preset.id} onChange={(e) => setId(e.target.value)}>
            {all.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.date}){isMine(p) ? ' · yours' : ''}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
          {editing ? 'Close editor' : own ? 'Edit' : 'Edit a copy'}
        </button>
        {own && (
          <button type="button" className="btn btn--ghost" onClick={remove}>
            Delete this preset
          </button>
        )}
      </div>
      <p className="note">{preset.summary}. Path from {preset.start.replace('T', ' ').replace(':00Z', ' UTC')}, every {preset.stepHours} h for {preset.hours} h.</p>
      {editing && <PresetEditor key={preset.id} preset={preset} own={own} onSave={save} />}
      {error && <p className="field-error" role="alert">{error}</p>}
      {result && (
        <>
          <StressTable result={result} />
          <PresetPathChart result={result} />
        </>
      )}
      <details className="risk__sources">
        <summary>Sources and notes</summary>
        <ul>
          {preset.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url} target="_blank" rel="noreferrer">{s.title}</a>: {s.says}
            </li>
          ))}
          {preset.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
