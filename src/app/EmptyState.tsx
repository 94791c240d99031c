import { useAppStore } from '../store';

/** Before the first portfolio arrives. */
export function EmptyState() {
  const hasReport = useAppStore((s) => s.fast !== null);
  const loadingFile = useAppStore((s) => s.loadingFile);
  if (hasReport) return null;
  return (
    <section className="empty" aria-live="polite">
      {loadingFile ? `Loading ${loadingFile}…` : 'Load a portfolio CSV, pick a sample, or drop a file on the page.'}
    </section>
  );
}
