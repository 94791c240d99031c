/**
 * The engine sync: the only bridge between the store and the engine. It lives outside React:
 * components call these functions or change the store; answers come back into the store.
 */
import type { Report, Scenario } from '../engine/types';
import { createEngineClient, SUPERSEDED, type ArgsOf, type EngineClient, type ExactPositionRow, type FastArgs, type Method, type ResultOf, type SortColumn } from '../worker';
import { oversizeProblem, readWithProgress } from './engineHealth';
import type { BracketsOutcome, ColumnMapping } from '../worker/protocol';
import { useAppStore, type SampleEntry } from './index';
import { validateThresholds } from './thresholds';
import { riskiestUnits, selectUnitFigures } from './unitFigures';
import { debounced } from '../lib/schedule';

let engine: EngineClient | null = null;
let unsubscribe: (() => void) | null = null;

/** The one engine client, started on first use; the syncs of other handlers (charts, cascade, risk) share it. */
export function client(): EngineClient {
  if (!engine) {
    const created = createEngineClient();
    engine = created.client;
    useAppStore.getState().setEngineMode(created.inWorker);
  }
  return engine;
}


function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Counts loaded portfolios (and tier changes): answers about an earlier book never match a key. */
let generation = 0;

/** The key of a scenario and thresholds on the loaded book, as the store tags the answers to it. */
export function scenarioKey(args: FastArgs): string {
  return JSON.stringify([generation, args.scenario, args.thresholds]);
}

async function refreshLayout(): Promise<void> {
  generation++;
  useAppStore.getState().setLayout(await client().call('layout', {}));
}

/** The request for the store's current scenario, or null when the thresholds are invalid. */
export function currentArgs(): FastArgs | null {
  const state = useAppStore.getState();
  const check = validateThresholds(state.thresholdInputs);
  return check.ok ? { scenario: state.scenario, thresholds: check.thresholds } : null;
}

/** How many units get exact decimal figures: the cards on screen (AccountCards shows this many). */
export const EXACT_CARDS = 24;
/** Exact figures wait until the sliders rest this long, so a drag runs on the fast path alone. */
const EXACT_DELAY_MS = 120;

/** After the paint that shows a result: the time from the input to it, readable in DevTools. */
function measurePaint(start: number): void {
  if (typeof performance === 'undefined' || typeof requestAnimationFrame === 'undefined') return;
  requestAnimationFrame(() => {
    try {
      performance.measure('radar:scenario-to-paint', { start, end: performance.now() });
    } catch {
      // a measure is a diagnostic only
    }
  });
}

/** Exact decimal figures for the riskiest units (the cards), once the scenario rests. */
export const scheduleExactUnits: () => void = debounced(() => void requestExactUnits(), EXACT_DELAY_MS).call;

async function requestExactUnits(): Promise<void> {
  const args = currentArgs();
  const figures = selectUnitFigures(useAppStore.getState());
  if (!args || !figures || figures.result.key !== scenarioKey(args)) return;
  const units = riskiestUnits(figures, EXACT_CARDS);
  const key = scenarioKey(args);
  const outcome = await client().callLatest('cards', 'exactUnits', { ...args, units });
  if (outcome === SUPERSEDED || !outcome.ok) return;
  useAppStore.getState().exactUnitsReady({ key, byIndex: new Map(outcome.units.map((u) => [u.index, u.report])) });
}

/** Evaluates the current portfolio under the store's scenario on the fast path; only the newest answer lands. */
export async function requestEvaluate(): Promise<void> {
  const start = typeof performance === 'undefined' ? 0 : performance.now();
  const state = useAppStore.getState();
  if (!state.summary) return;
  const args = currentArgs();
  if (!args) return; // the inline message says why; the last good figures stay on screen
  state.startEvaluate();
  const key = scenarioKey(args);
  const outcome = await client().callLatest('fast', 'evaluateFast', args);
  if (outcome === SUPERSEDED) return;
  if (!outcome.ok) {
    useAppStore.getState().evaluateFailed(outcome.error);
    return;
  }
  const { ok: _ok, ...result } = outcome;
  useAppStore.getState().fastReady({ key, ...result });
  measurePaint(start);
  scheduleExactUnits();
}

/** Exact decimal positions for table rows, by index, under the current scenario (latest wins). */
export async function fetchPositionRows(rows: number[]): Promise<{ key: string; rows: ExactPositionRow[] } | null> {
  const args = currentArgs();
  if (!args) return null;
  const key = scenarioKey(args);
  const outcome = await client().callLatest('rows', 'positionRows', { ...args, rows });
  return outcome === SUPERSEDED || !outcome.ok ? null : { key, rows: outcome.rows };
}

/** The table's row order for a column under the current scenario (latest wins); an error says why not. */
export async function fetchRowOrder(column: SortColumn, desc: boolean): Promise<{ key: string; order: Int32Array } | { error: string } | null> {
  const args = currentArgs();
  if (!args) return null;
  const key = scenarioKey(args);
  const outcome = await client().callLatest('sort', 'sortRows', { ...args, column, desc });
  if (outcome === SUPERSEDED) return null;
  return outcome.ok ? { key, order: outcome.order } : { error: outcome.error };
}

/** A loaded file, for those who keep it (persistence): the bytes are a copy made before the transfer. */
export interface LoadedFile {
  fileName: string;
  sample: string;
  bytes: Uint8Array;
  /** the column mapping the file loaded with (the mapping step), when it had one */
  mapping?: ColumnMapping;
  /** several files loaded together (loadContents): each with its bytes and mapping; `bytes` is then empty */
  parts?: Array<{ fileName: string; bytes: Uint8Array; mapping?: ColumnMapping }>;
}
const loadedListeners = new Set<(file: LoadedFile) => void>();
export function onPortfolioLoaded(listener: (file: LoadedFile) => void): () => void {
  loadedListeners.add(listener);
  return () => loadedListeners.delete(listener);
}

/** Sends a file to the engine. A refused file leaves the portfolio and report on screen as they were. */
export async function loadContent(fileName: string, content: ArrayBuffer | string, sample = '', mapping?: ColumnMapping): Promise<boolean> {
  const store = useAppStore.getState();
  store.startLoad(fileName);
  const kept = loadedListeners.size === 0 ? null : typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content.slice(0));
  try {
    const outcome = await client().call('load', { fileName, content, ...(mapping ? { mapping } : {}) });
    if (!outcome.ok) {
      useAppStore.getState().loadRefused({ fileName, errors: outcome.errors });
      return false;
    }
    await refreshLayout();
    useAppStore.getState().loadSucceeded(outcome.summary, outcome.warnings);
    useAppStore.getState().setSelectedSample(sample);
    if (kept) for (const listener of loadedListeners) listener({ fileName, sample, bytes: kept, ...(mapping ? { mapping } : {}) });
    await requestEvaluate();
    return true;
  } catch (e) {
    const problem = { file: fileName, line: 0, column: '', value: '', message: message(e) };
    useAppStore.getState().loadRefused({ fileName, errors: [problem] });
    return false;
  }
}

/**
 * A picked or dropped file's bytes: refused from its size alone, before a byte is read, else read
 * with progress and a Cancel (engineHealth.ts). Null when refused or cancelled.
 */
export async function readPickedFile(file: File): Promise<ArrayBuffer | null> {
  const tooBig = oversizeProblem(file);
  if (tooBig) {
    useAppStore.getState().loadRefused({ fileName: file.name, errors: [tooBig] });
    return null;
  }
  return readWithProgress(file);
}

export async function loadFile(file: File): Promise<boolean> {
  const content = await readPickedFile(file);
  return content === null ? false : loadContent(file.name, content);
}

/** Several files at once (positions + balances of one venue): one portfolio, or nothing changes. */
export async function loadFiles(files: readonly File[]): Promise<boolean> {
  if (files.length === 1) return loadFile(files[0]!);
  const fileName = files.map((f) => f.name).join(' + ');
  const tooBig = files.map(oversizeProblem).find((p) => p !== null);
  if (tooBig) {
    useAppStore.getState().loadRefused({ fileName, errors: [tooBig] });
    return false;
  }
  useAppStore.getState().startLoad(fileName);
  try {
    const contents = await Promise.all(files.map(async (f) => ({ fileName: f.name, content: await f.arrayBuffer() })));
    return await loadContents(contents);
  } catch (e) {
    useAppStore.getState().loadRefused({ fileName, errors: [{ file: fileName, line: 0, column: '', value: '', message: message(e) }] });
    return false;
  }
}

/** Files already read (each with its column mapping where the mapping step gave one), as one portfolio. */
export async function loadContents(files: Array<{ fileName: string; content: ArrayBuffer; mapping?: ColumnMapping }>): Promise<boolean> {
  const fileName = files.map((f) => f.fileName).join(' + ');
  useAppStore.getState().startLoad(fileName);
  const kept = loadedListeners.size === 0 ? null : files.map((f) => ({ fileName: f.fileName, bytes: new Uint8Array(f.content.slice(0)), ...(f.mapping ? { mapping: f.mapping } : {}) }));
  try {
    const outcome = await client().call('loadFiles', { files });
    if (!outcome.ok) {
      useAppStore.getState().loadRefused({ fileName, errors: outcome.errors });
      return false;
    }
    // the new portfolio's layout, as a single file's load fetches it
    await refreshLayout();
    useAppStore.getState().loadSucceeded(outcome.summary, outcome.warnings);
    useAppStore.getState().setSelectedSample('');
    if (kept) for (const listener of loadedListeners) listener({ fileName, sample: '', bytes: new Uint8Array(0), parts: kept });
    await requestEvaluate();
    return true;
  } catch (e) {
    useAppStore.getState().loadRefused({ fileName, errors: [{ file: fileName, line: 0, column: '', value: '', message: message(e) }] });
    return false;
  }
}

function sampleUrl(file: string): string {
  return `${import.meta.env.BASE_URL}samples/${encodeURIComponent(file)}`;
}

export async function loadSample(file: string): Promise<boolean> {
  try {
    const response = await fetch(sampleUrl(file));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await loadContent(file, await response.arrayBuffer(), file);
  } catch (e) {
    const problem = { file, line: 0, column: '', value: '', message: `could not fetch the sample (${message(e)})` };
    useAppStore.getState().loadRefused({ fileName: file, errors: [problem] });
    return false;
  }
}

type ParamFile = { fileName: string; text: string };
type ParamOutcome = BracketsOutcome;
const paramListeners = new Set<(files: ParamFile[]) => void>();

/** Persistence listens here: the venue parameter files the engine accepted, to keep with the workspace. */
export function onVenueParamsLoaded(listener: (files: ParamFile[]) => void): () => void {
  paramListeners.add(listener);
  return () => paramListeners.delete(listener);
}

/** One line per file the engine took: what it was and what it replaced. */
function paramLines(outcome: ParamOutcome & { ok: true }): string[] {
  return (outcome.loaded ?? []).map((l) => {
    const shown = l.names.length > 0 ? ` (${l.names.slice(0, 6).join(', ')}${l.names.length > 6 ? ', …' : ''})` : '';
    const what = l.kind === 'okx-instruments' ? 'contract values' : l.kind === 'aave-reserves' ? `asset${l.names.length === 1 ? '' : 's'} replaced` : `symbol${l.names.length === 1 ? '' : 's'} replaced`;
    return `${l.label} from ${l.fileName}: ${l.names.length} ${what}${shown}.`;
  });
}

async function sendParams(files: ParamFile[], replace: boolean, refresh: boolean): Promise<ParamOutcome> {
  const outcome = await client().call('loadBrackets', { files, replace });
  if (outcome.ok && refresh && useAppStore.getState().summary) {
    await refreshLayout();
    await requestEvaluate();
  }
  return outcome;
}

/**
 * Venue parameter files of any accepted shape (Binance leverageBracket, OKX position-tiers with its
 * instruments file, Aave reserves), picked together as one batch; the portfolio is re-evaluated with them.
 */
export async function loadVenueParamFiles(picked: readonly File[]): Promise<void> {
  const store = useAppStore.getState();
  const fileName = picked.map((f) => f.name).join(', ');
  try {
    const files = await Promise.all(picked.map(async (f) => ({ fileName: f.name, text: await f.text() })));
    const outcome = await sendParams(files, false, true);
    if (!outcome.ok) return store.setBrackets({ fileName, ok: false, lines: outcome.errors });
    store.setBrackets({ fileName, ok: true, lines: paramLines(outcome) });
    for (const listener of paramListeners) listener(files);
  } catch (e) {
    store.setBrackets({ fileName, ok: false, lines: [message(e)] });
  }
}

/** One file, as the single-file input always took it. */
export function loadBracketsFile(file: File): Promise<void> {
  return loadVenueParamFiles([file]);
}

/**
 * A workspace's venue parameter files, replacing whatever was loaded (restore, workspace switch or
 * import). `refresh`: re-evaluate the book on screen (when no portfolio load follows to do it).
 */
export async function replayVenueParams(files: ParamFile[], refresh: boolean): Promise<void> {
  const store = useAppStore.getState();
  const fileName = files.map((f) => f.fileName).join(', ');
  try {
    const outcome = await sendParams(files, true, refresh);
    if (!outcome.ok) store.setBrackets({ fileName, ok: false, lines: outcome.errors });
    else store.setBrackets(files.length > 0 ? { fileName, ok: true, lines: paramLines(outcome).map((l) => `${l.slice(0, -1)}, kept with the workspace.`) } : null);
  } catch (e) {
    store.setBrackets({ fileName, ok: false, lines: [message(e)] });
  }
}

async function fetchSamples(): Promise<SampleEntry[]> {
  try {
    const response = await fetch(sampleUrl('index.json'));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const list: unknown = await response.json();
    if (!Array.isArray(list)) throw new Error('not a list');
    return list.filter(
      (x): x is SampleEntry => typeof x === 'object' && x !== null && typeof x.file === 'string' && typeof x.title === 'string',
    );
  } catch {
    return [{ file: 'demo.csv', title: 'Demo portfolio' }];
  }
}

/** The full report under a scenario, outside the latest-wins queue (exports, alerts for today). */
export async function evaluateOnce(scenario: Scenario): Promise<Report | null> {
  const state = useAppStore.getState();
  const check = validateThresholds(state.thresholdInputs);
  if (!state.summary || !check.ok) return null;
  const outcome = await client().call('evaluate', { scenario, thresholds: check.thresholds });
  return outcome.ok ? outcome.report : null;
}

/**
 * Starts the engine, re-evaluates whenever the scenario or thresholds change, loads the demo unless
 * `restore` (persistence) loaded the user's own portfolio.
 */
export function startEngineSync(restore: () => Promise<boolean> = async () => false): () => void {
  client();
  if (!unsubscribe) {
    const store = useAppStore;
    const offThresholds = store.subscribe((s) => s.thresholdInputs, () => void requestEvaluate());
    const offScenario = store.subscribe((s) => s.scenario, () => void requestEvaluate());
    unsubscribe = () => {
      offThresholds();
      offScenario();
    };
    const restored = restore().catch(() => false);
    void Promise.all([fetchSamples(), restored]).then(([samples, loaded]) => {
      store.getState().setSamples(samples);
      if (loaded) return;
      const first = samples.find((s) => s.file === 'demo.csv') ?? samples[0];
      if (first && !store.getState().summary && store.getState().loadState === 'idle') void loadSample(first.file);
    });
  }
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}

/** The loaded book under every venue at once (Venues tab); the answer is the view's, not the store's. */
export async function requestCompareVenues(): Promise<import('../worker/protocol').CompareVenuesOutcome> {
  try {
    return await client().call('compareVenues', {});
  } catch (e) {
    return { ok: false, error: message(e) };
  }
}

/** A direct engine call, for views that hold their own answer (greeks, risk matrix, the mapping step). */
export function engineCall<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  return client().call(method, args);
}
