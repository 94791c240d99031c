import type { ImportProblem } from '../../worker/protocol';
import type { MappingCheck } from './mappingState';

const SHOWN = 20;

function problemText(p: ImportProblem): string {
  return `${p.file}:${p.line}:${p.column || '-'}: ${p.message}${p.value !== '' ? ` (found "${p.value}")` : ''}`;
}

/** What the importer says about the mapped file, before anything is loaded. */
export function MappingCheckView({ check }: { check: MappingCheck }) {
  if (check.status === 'idle') return null;
  if (check.status === 'checking') return <p className="mapping__check" role="status">Checking the file with this mapping…</p>;
  if (check.status === 'ok') {
    const { rows, accounts } = check.summary;
    return (
      <p className="mapping__check mapping__check--ok" role="status">
        ✓ {rows} holding{rows === 1 ? '' : 's'} in {accounts} account{accounts === 1 ? '' : 's'} would load.
        {check.warnings.length > 0 ? ` Note: ${check.warnings.join('; ')}.` : ''}
      </p>
    );
  }
  return (
    <div className="mapping__check mapping__check--refused" role="status" aria-label="Problems with this mapping">
      <strong>
        {check.errors.length} problem{check.errors.length === 1 ? '' : 's'} with this mapping; nothing is loaded yet.
      </strong>
      <ul>
        {check.errors.slice(0, SHOWN).map((p, i) => (
          <li key={i}>
            <code>{problemText(p)}</code>
          </li>
        ))}
      </ul>
      {check.errors.length > SHOWN ? <p className="hint">…and {check.errors.length - SHOWN} more.</p> : null}
    </div>
  );
}
