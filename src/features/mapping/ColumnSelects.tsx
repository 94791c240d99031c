import { useId } from 'react';
import type { ColumnMapping, CsvPreview } from '../../worker/protocol';
import { chooseHeader } from './mappingFlow';

type Column = keyof ColumnMapping;

function ColumnSelect({ column, preview, mapping, required }: { column: Column; preview: CsvPreview; mapping: ColumnMapping; required: boolean }) {
  const id = useId();
  const value = mapping[column] ?? '';
  return (
    <div className={`field mapping__field${required && !value ? ' mapping__field--missing' : ''}`}>
      <label htmlFor={id}>
        {column}
        {required ? <span className="mapping__required"> required</span> : null}
      </label>
      <select id={id} value={value} onChange={(e) => chooseHeader(column, e.currentTarget.value)}>
        <option value="">— not in this file —</option>
        {preview.header.filter((h) => h !== '').map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A dropdown per canonical column: the required ones and those with a guess first, the rest folded
 * away (they are optional and most files have none of them).
 */
export function ColumnSelects({ preview, mapping }: { preview: CsvPreview; mapping: ColumnMapping }) {
  const columns = preview.columns as Column[];
  const shown = columns.filter((c) => preview.required.includes(c) || mapping[c] !== undefined);
  const more = columns.filter((c) => !shown.includes(c));
  return (
    <div className="mapping__columns">
      <div className="mapping__grid">
        {shown.map((c) => (
          <ColumnSelect key={c} column={c} preview={preview} mapping={mapping} required={preview.required.includes(c)} />
        ))}
      </div>
      <details className="mapping__more">
        <summary>{more.length} more columns (optional)</summary>
        <div className="mapping__grid">
          {more.map((c) => (
            <ColumnSelect key={c} column={c} preview={preview} mapping={mapping} required={false} />
          ))}
        </div>
      </details>
    </div>
  );
}
