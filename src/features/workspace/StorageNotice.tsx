import { usePersistStatus } from '../../persist/status';
import { discardAside, dismissNotice, downloadAside } from '../../persist/sync';

/** Says when saved data could not be read (it was set aside, the app started clean) or saving failed. */
export function StorageNotice() {
  const notice = usePersistStatus((s) => s.notice);
  const asideCount = usePersistStatus((s) => s.asideCount);
  if (!notice && asideCount === 0) return null;
  return (
    <section className="storage-notice" role="alert" aria-label="Storage notice">
      <p>{notice ?? `${asideCount} saved item${asideCount === 1 ? '' : 's'} could not be read and were set aside.`}</p>
      <div className="storage-notice__actions">
        {asideCount > 0 ? (
          <>
            <button type="button" className="btn" onClick={() => void downloadAside()}>
              Download set-aside data
            </button>
            <button type="button" className="btn" onClick={() => void discardAside()}>
              Discard it
            </button>
          </>
        ) : null}
        {notice ? (
          <button type="button" className="btn" onClick={dismissNotice}>
            Dismiss
          </button>
        ) : null}
      </div>
    </section>
  );
}
