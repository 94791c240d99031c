/**
 * The last change, kept at once when the page goes away with a save still pending. The IndexedDB
 * write started on pagehide is asynchronous, and Chromium does not always finish it before a
 * reload, so a change made within the save delay could be lost (a spec reloading right after
 * loading venue parameters found it). localStorage writes synchronously: the next start prefers
 * this copy for the same workspace, saves it properly and drops it. Every finished save drops it
 * too, so it is never older than what IndexedDB holds, even with several tabs open.
 *
 * Best effort: a full or blocked storage keeps nothing, and the async save still runs.
 */
import { migrate } from './migrations';
import { envelope, isRecord, type Workspace } from './schema';

const KEY = 'margin-radar:unsaved';

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // a storage the browser refuses (privacy settings) throws on access
    return null;
  }
}

/** Keeps workspace `id`'s last state (the envelope as saved: no file bytes). */
export function holdUnsaved(id: string, workspace: Workspace, savedAt: string, store: Storage | null = browserStorage()): void {
  try {
    store?.setItem(KEY, JSON.stringify({ id, envelope: envelope(workspace, savedAt) }));
  } catch {
    // quota or a blocked storage: nothing kept
  }
}

/** The kept state of workspace `id`, if any and readable (the same checks as a stored envelope). */
export function takeUnsaved(id: string, store: Storage | null = browserStorage()): Workspace | null {
  try {
    const text = store?.getItem(KEY);
    if (!text) return null;
    const raw: unknown = JSON.parse(text);
    if (!isRecord(raw) || raw.id !== id) return null;
    const read = migrate(raw.envelope);
    return read.ok ? read.value.workspace : null;
  } catch {
    return null;
  }
}

export function clearUnsaved(store: Storage | null = browserStorage()): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // nothing to drop
  }
}
