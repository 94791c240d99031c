import { FileInput } from '../../components/FileInput';
import { useAppStore } from '../../store';
import { loadVenueParamFiles } from '../../store/engineSync';
import { openFile, openFiles } from '../mapping/mappingFlow';
import { SampleSelect } from './SampleSelect';

function BracketsNote() {
  const brackets = useAppStore((s) => s.brackets);
  if (!brackets) return null;
  if (brackets.ok) {
    return (
      <p className="note" role="status">
        {brackets.lines.join(' ')}
      </p>
    );
  }
  return (
    <div className="problems problems--inline" role="alert">
      <strong>Venue parameters refused: {brackets.fileName}</strong>
      <ul>
        {brackets.lines.slice(0, 20).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** Where portfolios come in: a file, a shipped sample, or venue parameters (tiers, contract values, reserves). Dropping a file anywhere works too. */
export function ImportPanel() {
  const loadingFile = useAppStore((s) => s.loadingFile);
  return (
    <section className="panel import" aria-labelledby="import-heading">
      <h2 id="import-heading" className="panel__title">
        Portfolio
      </h2>
      <div className="import__controls">
        <FileInput label="Load portfolio CSV" accept=".csv,text/csv,.json,application/json" onFile={(f) => void openFile(f)} onFiles={(fs) => void openFiles(fs)} />
        <SampleSelect />
        <FileInput
          label="Load venue parameters (JSON)"
          accept=".json,application/json"
          onFile={(f) => void loadVenueParamFiles([f])}
          onFiles={(fs) => void loadVenueParamFiles(fs)}
        />
      </div>
      <p className="hint">
        or drop a CSV anywhere on the page
        {loadingFile ? (
          <span role="status" className="loading">
            {' '}
            · reading {loadingFile}…
          </span>
        ) : null}
      </p>
      <BracketsNote />
    </section>
  );
}
