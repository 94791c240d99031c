import { useAppStore } from '../../store';

const SHOWN = 200;

/** The reasons a file was refused; the portfolio on screen is still the previous one. */
export function ImportProblems() {
  const refused = useAppStore((s) => s.refused);
  const dismiss = useAppStore((s) => s.dismissRefused);
  const hasPortfolio = useAppStore((s) => s.summary !== null);
  if (!refused) return null;
  const { fileName, errors } = refused;
  return (
    <section className="problems" role="alert" aria-labelledby="refused-heading">
      <div className="problems__head">
        <h2 id="refused-heading" className="problems__title">File refused: {fileName}</h2>
        <button type="button" className="btn btn--ghost" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      <p className="problems__lead">
        {errors.length} problem{errors.length === 1 ? '' : 's'}; nothing from this file was loaded.
        {hasPortfolio ? ' The portfolio below is the one loaded before.' : ''}
      </p>
      <div className="problems__scroll">
        <table className="problems__table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Column</th>
              <th scope="col">Value found</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, SHOWN).map((p, i) => (
              <tr key={i}>
                <td className="num">{p.line > 0 ? p.line : '—'}</td>
                <td>{p.column || '—'}</td>
                <td>
                  <code>{p.value === '' ? '(empty)' : p.value}</code>
                </td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > SHOWN ? <p className="hint">…and {errors.length - SHOWN} more.</p> : null}
    </section>
  );
}
