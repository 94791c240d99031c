/**
 * The persistence sync: restores the current workspace on start and saves it (debounced) whenever the
 * scenario, thresholds, extras or portfolio change. Lives outside React, like the engine sync.
 */
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO } from '../engine/types';
import { downloadText, fileStamp } from '../lib/download';
import { debounced } from '../lib/schedule';
import { useAppStore } from '../store';
import { loadContent, loadContents, onPortfolioLoaded, onVenueParamsLoaded, replayVenueParams, type LoadedFile } from '../store/engineSync';
import { useWorkspaceExtras } from './extras';
import { idbKeyValue, type KeyValue } from './kv';
import { asideToJson, WorkspaceRepository, type WorkspaceIndex } from './repository';
import type { Workspace } from './schema';
import { isMultiFile, type StoredFile } from './storedFile';
import { usePersistStatus } from './status';
import { clearUnsaved, holdUnsaved, takeUnsaved } from './unsaved';
import { readVenueParams, VENUE_PARAMS_EXTRA, venueParamsJson, withLoadedParams } from './venueParams';
import { readWorkspaceFile, workspaceFileText } from './workspaceFile';

const SAVE_DELAY_MS = 400;

let repo: WorkspaceRepository | null = null;
let index: WorkspaceIndex = { current: '', workspaces: [] };
/** the portfolio on screen, kept to save it under another workspace or export it */
let lastFile: StoredFile | null = null;
/** while a workspace is being applied, its own changes are not saved back */
let applying = false;
/** the next save, once changes have rested for SAVE_DELAY_MS */
const laterSave = debounced(() => void saveNow(), SAVE_DELAY_MS);

const status = usePersistStatus;

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function snapshot(name: string): Workspace {
  const { scenario, thresholdInputs } = useAppStore.getState();
  return {
    name,
    portfolio: lastFile ? { fileName: lastFile.fileName, sample: lastFile.sample } : null,
    scenario,
    thresholds: { ...thresholdInputs },
    extras: useWorkspaceExtras.getState().extras,
  };
}

function currentName(): string {
  return index.workspaces.find((w) => w.id === index.current)?.name ?? 'Workspace 1';
}

async function writeIndex(): Promise<void> {
  status.setState({ workspaces: index.workspaces, currentId: index.current });
  await repo?.writeIndex(index);
}

async function saveNow(): Promise<void> {
  laterSave.cancel();
  if (!repo || !index.current) return;
  try {
    await repo.saveWorkspace(index.current, snapshot(currentName()));
    clearUnsaved();
    status.setState({ lastSaved: new Date().toISOString(), saving: laterSave.pending() });
  } catch (e) {
    status.setState({ saving: false, notice: `Could not save the workspace (${describe(e)}). Export it to keep a copy.` });
  }
}

function scheduleSave(): void {
  if (applying || !repo) return;
  laterSave.call();
  if (!status.getState().saving) status.setState({ saving: true });
}

async function refreshAside(): Promise<void> {
  status.setState({ asideCount: repo ? (await repo.asideItems()).length : 0 });
}

/**
 * The workspace's venue parameter files back in the engine, replacing what the last one loaded; an
 * unreadable entry is set aside and dropped (true: the workspace needs saving without it).
 */
async function replayParams(workspace: Workspace | null, refresh: boolean): Promise<boolean> {
  const raw = workspace?.extras[VENUE_PARAMS_EXTRA];
  const read = readVenueParams(raw);
  await replayVenueParams(read.ok ? read.value : [], refresh);
  if (read.ok) return false;
  await repo?.setAside(`extras:${index.current}:${VENUE_PARAMS_EXTRA}`, raw, read.reason);
  useWorkspaceExtras.getState().setExtra(VENUE_PARAMS_EXTRA, undefined);
  const before = status.getState().notice;
  status.setState({ notice: `${before ? `${before} ` : ''}The saved venue parameters could not be read (${read.reason}); they were set aside and the built-in ones apply.` });
  await refreshAside();
  return true;
}

/** Puts a workspace on screen; loads its file through the engine. True when a portfolio was loaded. */
async function apply(workspace: Workspace | null, file: StoredFile | null, keepLinkScenario: boolean): Promise<boolean> {
  applying = true;
  let dropped = false;
  try {
    if (!keepLinkScenario) {
      useAppStore.setState({
        scenario: workspace?.scenario ?? EMPTY_SCENARIO,
        thresholdInputs: workspace ? { ...workspace.thresholds } : { ...DEFAULT_THRESHOLDS },
      });
    }
    useWorkspaceExtras.getState().replaceExtras(workspace?.extras ?? {});
    // before the book loads, so its first figures already use them; re-evaluated here only when no load follows
    dropped = await replayParams(workspace, !file);
    if (!file) return false;
    lastFile = file;
    // copies: the engine takes the buffers it is sent
    if (isMultiFile(file)) {
      return await loadContents(file.parts.map((p) => ({ fileName: p.fileName, content: p.bytes.slice().buffer, ...(p.mapping ? { mapping: p.mapping } : {}) })));
    }
    return await loadContent(file.fileName, file.bytes.slice().buffer, file.sample, file.mapping);
  } finally {
    applying = false;
    if (dropped) scheduleSave();
  }
}

/** Reads the current workspace; never throws. Pass to startEngineSync so the demo loads only when nothing was saved. */
async function restore(): Promise<boolean> {
  if (!repo) return false;
  try {
    const read = await repo.index();
    const problems = [...read.problems];
    if (!read.index) {
      index = { current: newId(), workspaces: [] };
      index.workspaces.push({ id: index.current, name: 'Workspace 1' });
      await writeIndex();
      return false;
    }
    index = read.index;
    if (!index.workspaces.some((w) => w.id === index.current)) index.current = index.workspaces[0]?.id ?? newId();
    if (index.workspaces.length === 0) index.workspaces.push({ id: index.current, name: 'Workspace 1' });
    await writeIndex();
    const opened = await repo.open(index.current);
    problems.push(...opened.problems);
    if (problems.length > 0) {
      status.setState({ notice: `${problems.join(' ')} The app started clean; the unreadable data was set aside.` });
    }
    await refreshAside();
    // a change the last page kept as it went away is newer than the stored envelope
    const unsaved = takeUnsaved(index.current);
    const loaded = await apply(unsaved ?? opened.workspace, opened.file, window.location.hash.length > 1);
    if (unsaved) await saveNow();
    return loaded;
  } catch (e) {
    status.setState({ available: false, notice: `Saving is off: this browser's storage is not available (${describe(e)}).` });
    repo = null;
    return false;
  }
}

/** What a load leaves to keep: one file with the mapping it loaded with, or every part of a multi-file load. */
function storedFileOf(file: LoadedFile): StoredFile {
  const { fileName, sample } = file;
  if (file.parts) {
    return { fileName, sample, parts: file.parts.map((p) => ({ fileName: p.fileName, bytes: p.bytes, ...(p.mapping ? { mapping: p.mapping } : {}) })) };
  }
  return { fileName, sample, bytes: file.bytes, ...(file.mapping ? { mapping: file.mapping } : {}) };
}

/** Creates the repository and the subscriptions; returns the restore step for the engine sync. */
export function startPersistSync(kv: KeyValue = idbKeyValue()): () => Promise<boolean> {
  repo = new WorkspaceRepository(kv);
  useAppStore.subscribe((s) => s.scenario, scheduleSave);
  useAppStore.subscribe((s) => s.thresholdInputs, scheduleSave);
  useWorkspaceExtras.subscribe(scheduleSave);
  onPortfolioLoaded((file: LoadedFile) => {
    if (applying) return;
    lastFile = storedFileOf(file);
    const id = index.current;
    if (repo && id) void repo.saveFile(id, lastFile).then(saveNow, (e: unknown) => status.setState({ notice: `Could not save the portfolio (${describe(e)}).` }));
  });
  onVenueParamsLoaded((files) => {
    if (applying) return;
    const extras = useWorkspaceExtras.getState();
    const stored = readVenueParams(extras.extras[VENUE_PARAMS_EXTRA]);
    extras.setExtra(VENUE_PARAMS_EXTRA, venueParamsJson(withLoadedParams(stored.ok ? stored.value : [], files)));
  });
  // a reload within the debounce delay still keeps the last change: kept at once (unsaved.ts),
  // then saved
  const saveBeforeLeaving = () => {
    if (laterSave.pending() && repo && index.current) holdUnsaved(index.current, snapshot(currentName()), new Date().toISOString());
    void saveNow();
  };
  window.addEventListener('pagehide', saveBeforeLeaving);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && laterSave.pending()) saveBeforeLeaving();
  });
  return restore;
}

// ---- workspace commands (the UI in src/features/workspace calls these) ----

export async function switchWorkspace(id: string): Promise<void> {
  if (!repo || id === index.current) return;
  await saveNow();
  index.current = id;
  await writeIndex();
  const opened = await repo.open(id);
  if (opened.problems.length > 0) status.setState({ notice: `${opened.problems.join(' ')} It was set aside.` });
  await refreshAside();
  // a workspace without a file of its own adopts the portfolio on screen
  if (!opened.file && lastFile) await repo.saveFile(id, lastFile);
  await apply(opened.workspace, opened.file, false);
  await saveNow();
}

/** A copy of what is on screen under a new name, which becomes the current workspace. */
export async function saveAsWorkspace(name: string): Promise<void> {
  if (!repo) return;
  await saveNow();
  const id = newId();
  index.workspaces.push({ id, name: uniqueName(name) });
  index.current = id;
  if (lastFile) await repo.saveFile(id, lastFile);
  await writeIndex();
  await saveNow();
}

export async function renameWorkspace(id: string, name: string): Promise<void> {
  const entry = index.workspaces.find((w) => w.id === id);
  if (!entry || !name.trim()) return;
  entry.name = name.trim();
  await writeIndex();
  await saveNow();
}

export async function deleteWorkspace(id: string): Promise<void> {
  if (!repo || index.workspaces.length < 2) return;
  index.workspaces = index.workspaces.filter((w) => w.id !== id);
  await repo.remove(id);
  if (index.current === id) {
    index.current = '';
    await switchWorkspace(index.workspaces[0]!.id);
  } else await writeIndex();
}

function uniqueName(name: string): string {
  const base = name.trim() || 'Workspace';
  const taken = new Set(index.workspaces.map((w) => w.name));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}

export function exportWorkspace(): void {
  const name = currentName();
  const text = workspaceFileText(snapshot(name), lastFile, new Date().toISOString());
  downloadText(`${name.replace(/[^\w.-]+/g, '_')}-${fileStamp()}.margin-radar.json`, text, 'application/json');
}

/** A workspace file becomes a new workspace; a refused file says why and changes nothing. */
export async function importWorkspace(file: File): Promise<string | null> {
  const read = readWorkspaceFile(file.name, await file.text());
  if (!read.ok) return read.reason;
  const { workspace, file: stored } = read.value;
  if (!repo) {
    await apply(workspace, stored, false);
    return null;
  }
  await saveNow();
  const id = newId();
  index.workspaces.push({ id, name: uniqueName(workspace.name) });
  if (stored) await repo.saveFile(id, stored);
  await repo.saveWorkspace(id, workspace);
  await switchWorkspace(id);
  return null;
}

export async function downloadAside(): Promise<void> {
  if (!repo) return;
  downloadText(`margin-radar-set-aside-${fileStamp()}.json`, asideToJson(await repo.asideItems()), 'application/json');
}

export async function discardAside(): Promise<void> {
  await repo?.discardAside();
  status.setState({ asideCount: 0, notice: null });
}

export function dismissNotice(): void {
  status.setState({ notice: null });
}
