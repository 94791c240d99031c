/**
 * The engine sync: the only bridge between the store and the engine. It lives outside React:
 * components call these functions or change the store; answers come back into the store.
 */
import { createEngineClient, SUPERSEDED, type EngineClient } from '../worker';
import type { ArgsOf, ColumnMapping, Method, ResultOf } from '../worker/protocol';
import { useAppStore, type SampleEntry } from './index';
import { validateThresholds } from './thresholds';

let engine: EngineClient | null = null;
let unsubscribe: (() => void) | null = null;

function client(): EngineClient {
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

/** Evaluates the current portfolio under the store's scenario; only the newest answer lands. */
export async function requestEvaluate(): Promise<void> {
  const state = useAppStore.getState();
  if (!state.summary) return;
  const check = validateThresholds(state.thresholdInputs);
  if (!check.ok) return; // the inline message says why; the last good report stays on screen
  state.startEvaluate();
  const outcome = await client().evaluateLatest({ scenario: state.scenario, thresholds: check.thresholds });
  if (outcome === SUPERSEDED) return;
  if (outcome.ok) useAppStore.getState().reportReady(outcome.report);
  else useAppStore.getState().evaluateFailed(outcome.error);
}

/** Sends a file to the engine. A refused file leaves the portfolio and report on screen as they were. */
export async function loadContent(fileName: string, content: ArrayBuffer | string, sample = '', mapping?: ColumnMapping): Promise<boolean> {
  const store = useAppStore.getState();
  store.startLoad(fileName);
  try {
    const outcome = await client().call('load', { fileName, content, ...(mapping ? { mapping } : {}) });
    if (!outcome.ok) {
      useAppStore.getState().loadRefused({ fileName, errors: outcome.errors });
      return false;
    }
    useAppStore.getState().loadSucceeded(outcome.summary, outcome.warnings);
    useAppStore.getState().setSelectedSample(sample);
    await requestEvaluate();
    return true;
  } catch (e) {
    const problem = { file: fileName, line: 0, column: '', value: '', message: message(e) };
    useAppStore.getState().loadRefused({ fileName, errors: [problem] });
    return false;
  }
}

export async function loadFile(file: File): Promise<boolean> {
  return loadContent(file.name, await file.arrayBuffer());
}

/** Several files at once (positions + balances of one venue): one portfolio, or nothing changes. */
export async function loadFiles(files: readonly File[]): Promise<boolean> {
  if (files.length === 1) return loadFile(files[0]!);
  const fileName = files.map((f) => f.name).join(' + ');
  useAppStore.getState().startLoad(fileName);
  try {
    const contents = await Promise.all(files.map(async (f) => ({ fileName: f.name, content: await f.arrayBuffer() })));
    const outcome = await client().call('loadFiles', { files: contents });
    if (!outcome.ok) {
      useAppStore.getState().loadRefused({ fileName, errors: outcome.errors });
      return false;
    }
    useAppStore.getState().loadSucceeded(outcome.summary, outcome.warnings);
    useAppStore.getState().setSelectedSample('');
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

/** Tier tables in Binance's leverageBracket shape; the portfolio is re-evaluated with them. */
export async function loadBracketsFile(file: File): Promise<void> {
  const store = useAppStore.getState();
  try {
    const outcome = await client().call('loadBrackets', { fileName: file.name, text: await file.text() });
    if (outcome.ok) {
      store.setBrackets({ fileName: file.name, ok: true, lines: outcome.symbols });
      await requestEvaluate();
    } else {
      store.setBrackets({ fileName: file.name, ok: false, lines: outcome.errors });
    }
  } catch (e) {
    store.setBrackets({ fileName: file.name, ok: false, lines: [message(e)] });
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

/** Starts the engine, re-evaluates whenever the scenario or thresholds change, loads the demo. */
export function startEngineSync(): () => void {
  client();
  if (!unsubscribe) {
    const store = useAppStore;
    const offThresholds = store.subscribe((s) => s.thresholdInputs, () => void requestEvaluate());
    const offScenario = store.subscribe((s) => s.scenario, () => void requestEvaluate());
    unsubscribe = () => {
      offThresholds();
      offScenario();
    };
    void fetchSamples().then((samples) => {
      store.getState().setSamples(samples);
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

/** A direct engine call for views that hold their own answer (the mapping step's preview and check). */
export function callEngine<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  return client().call(method, args);
}
