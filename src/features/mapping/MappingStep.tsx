import { useMemo } from 'react';
import { ColumnSelects } from './ColumnSelects';
import { PreviewTable } from './PreviewTable';
import { MappingCheckView } from './MappingCheckView';
import { cancelMapping, loadMapped, reviewMapping } from './mappingFlow';
import { useMappingStore } from './mappingState';

/** After a direct load: the headers left unused (or the remembered mapping applied), and a way back to the step. */
function MappingOffer() {
  const preview = useMappingStore((s) => s.preview);
  const remembered = useMappingStore((s) => s.remembered);
  if (!preview) return null;
  return (
    <p className="note mapping__offer" role="status">
      {remembered
        ? `${preview.fileName}: loaded with the column mapping remembered for these headers.`
        : `${preview.fileName}: ${preview.unplaced.length === 1 ? 'column' : 'columns'} ${preview.unplaced.join(', ')} not recognised and not used.`}{' '}
      <button type="button" className="btn" onClick={reviewMapping}>
        {remembered ? 'Change mapping' : 'Map columns…'}
      </button>
    </p>
  );
}

/** The column-mapping step: the first rows, a dropdown per column, the importer's verdict, then Load. */
export function MappingStep() {
  const open = useMappingStore((s) => s.open);
  const offer = useMappingStore((s) => s.offer);
  const preview = useMappingStore((s) => s.preview);
  const mapping = useMappingStore((s) => s.mapping);
  const check = useMappingStore((s) => s.check);
  const batch = useMappingStore((s) => s.batch);
  const placed = useMemo(() => new Map(Object.entries(mapping).map(([column, header]) => [header, column])), [mapping]);
  if (!open) return offer ? <MappingOffer /> : null;
  if (!preview) return null;
  const missing = preview.missing.length;
  return (
    <section className="panel mapping" aria-labelledby="mapping-heading">
      <div className="mapping__head">
        <h2 id="mapping-heading" className="mapping__title">
          Map the columns of {preview.fileName}
        </h2>
        <button type="button" className="btn btn--ghost" onClick={cancelMapping}>
          Cancel
        </button>
      </div>
      <p className="mapping__lead">
        {missing > 0
          ? `${missing} required column${missing === 1 ? '' : 's'} (${preview.missing.join(', ')}) could not be found by name. `
          : ''}
        Choose which column of the file feeds each of ours. Nothing is loaded until you press Load; the mapping is remembered for files with the same headers.
      </p>
      {batch ? (
        <p className="note" role="note">
          File {batch.position} of {batch.count} dropped together; it loads with {batch.others.join(', ')} as one portfolio once every file is mapped.
        </p>
      ) : null}
      <PreviewTable preview={preview} placed={placed} />
      <ColumnSelects preview={preview} mapping={mapping} />
      <MappingCheckView check={check} />
      <div className="mapping__actions">
        <button type="button" className="btn btn--primary" disabled={check.status !== 'ok'} onClick={() => void loadMapped()}>
          Load
        </button>
        <span className="hint">{check.status !== 'ok' ? 'Load is enabled once the file imports cleanly' : batch ? 'with the other files, replaces the portfolio on screen' : 'replaces the portfolio on screen'}</span>
      </div>
    </section>
  );
}
