import { cancelImport, dismissEngineNotice, useEngineHealth } from '../../store/engineHealth';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** A large import's progress (with Cancel), and a short notice after the engine was restarted. */
export function EngineStatus() {
  const notice = useEngineHealth((s) => s.notice);
  const progress = useEngineHealth((s) => s.progress);
  if (!notice && !progress) return null;
  return (
    <div className="engine-status">
      {progress ? (
        <section className="engine-status__progress" aria-label="Import progress">
          <span>
            {progress.phase === 'reading' ? 'Reading' : 'Checking'} {progress.fileName}: {mb(progress.loaded)} of {mb(progress.total)} MB
          </span>
          <progress max={progress.total} value={progress.phase === 'reading' ? progress.loaded : undefined} aria-label={`Import of ${progress.fileName}`} />
          <button type="button" className="btn" onClick={cancelImport}>
            Cancel import
          </button>
        </section>
      ) : null}
      {notice ? (
        <p className="engine-status__notice" role="status" aria-label="Engine notice">
          {notice}{' '}
          <button type="button" className="btn btn--ghost" onClick={dismissEngineNotice}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  );
}
