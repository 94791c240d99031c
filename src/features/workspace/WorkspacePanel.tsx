import { useId, useState } from 'react';
import { FileInput } from '../../components/FileInput';
import { usePersistStatus } from '../../persist/status';
import { deleteWorkspace, exportWorkspace, importWorkspace, renameWorkspace, saveAsWorkspace, switchWorkspace } from '../../persist/sync';

/** Named workspaces: each keeps a portfolio, a scenario, thresholds and other features' settings. */
export function WorkspacePanel() {
  const { workspaces, currentId, available, lastSaved, saving } = usePersistStatus();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const selectId = useId();
  const nameId = useId();
  const current = workspaces.find((w) => w.id === currentId);
  return (
    <section className="panel workspace-panel" aria-labelledby="workspace-heading">
      <h2 id="workspace-heading" className="panel__title">
        Workspace
      </h2>
      <div className="workspace-panel__row">
        <div className="field">
          <label htmlFor={selectId}>Current workspace</label>
          <select id={selectId} value={currentId} disabled={!available} onChange={(e) => void switchWorkspace(e.currentTarget.value)}>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={nameId}>Name</label>
          <input id={nameId} value={name} placeholder={current?.name ?? 'Workspace name'} onChange={(e) => setName(e.currentTarget.value)} />
        </div>
        <button type="button" className="btn" disabled={!available || !name.trim()} onClick={() => void saveAsWorkspace(name).then(() => setName(''))}>
          Save as new
        </button>
        <button type="button" className="btn" disabled={!available || !name.trim()} onClick={() => void renameWorkspace(currentId, name).then(() => setName(''))}>
          Rename
        </button>
        <button type="button" className="btn" disabled={!available || workspaces.length < 2} onClick={() => void deleteWorkspace(currentId)}>
          Delete
        </button>
      </div>
      <div className="workspace-panel__row">
        <button type="button" className="btn" onClick={exportWorkspace}>
          Export workspace
        </button>
        <FileInput
          label="Import workspace (JSON)"
          accept=".json,application/json"
          onFile={(f) => void importWorkspace(f).then(setProblem)}
        />
      </div>
      {problem ? (
        <p className="problems problems--inline" role="alert">
          Workspace file refused: {problem}
        </p>
      ) : null}
      <p className="hint" data-testid="saved-state">
        {!available ? 'Not saved: browser storage is unavailable.' : saving ? 'Saving…' : lastSaved ? 'Saved in this browser.' : 'Changes are saved in this browser.'}
      </p>
    </section>
  );
}
