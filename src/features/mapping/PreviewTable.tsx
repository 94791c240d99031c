import type { CsvPreview } from '../../worker/protocol';

/** The first rows of the file as written, headers marked with the column each feeds. */
export function PreviewTable({ preview, placed }: { preview: CsvPreview; placed: ReadonlyMap<string, string> }) {
  return (
    <div className="mapping__preview">
      <table className="mapping__table" aria-label={`First rows of ${preview.fileName}`}>
        <thead>
          <tr>
            {preview.header.map((h, i) => (
              <th key={i} scope="col">
                <span className="mapping__header">{h || `(column ${i + 1})`}</span>
                <span className={placed.has(h) ? 'mapping__feeds' : 'mapping__feeds mapping__feeds--none'}>{placed.has(h) ? `→ ${placed.get(h)}` : 'not used'}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, r) => (
            <tr key={r}>
              {preview.header.map((_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
