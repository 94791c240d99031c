import { useAppStore } from '../../store';

/** What the importer normalised or assumed in a good file: small and collapsed by default. */
export function ImportWarnings() {
  const warnings = useAppStore((s) => s.warnings);
  if (warnings.length === 0) return null;
  return (
    <details className="warnings">
      <summary>
        <span aria-hidden="true">⚠</span> {warnings.length} import warning{warnings.length === 1 ? '' : 's'}
      </summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}
