/**
 * Keeps location.hash and the store's scenario and thresholds in step (see scenarioHash.ts for
 * what goes into the URL and why). Runs outside React, like the engine sync.
 */
import { useAppStore } from './index';
import { decodeHash, encodeHash } from './scenarioHash';
import { validateThresholds } from './thresholds';
import { debounced } from '../lib/schedule';

function apply(hash: string): void {
  const { scenario, thresholds } = decodeHash(hash);
  useAppStore.setState(thresholds ? { scenario, thresholdInputs: { ...thresholds } } : { scenario });
}

function write(): void {
  const { scenario, thresholdInputs } = useAppStore.getState();
  const check = validateThresholds(thresholdInputs);
  const hash = encodeHash(scenario, check.ok ? check.thresholds : null);
  if (window.location.hash.slice(1) === hash) return;
  // replaceState: a slider drag must not fill the history with one entry per step
  const url = `${window.location.pathname}${window.location.search}${hash ? `#${hash}` : ''}`;
  window.history.replaceState(window.history.state, '', url);
}

/** Reads the hash once (call before the engine sync loads the first portfolio), then follows both ways. */
export function startHashSync(): () => void {
  if (window.location.hash) apply(window.location.hash);
  // a history call costs up to ~15 ms of the main thread: the URL is written when the scenario rests
  // (a drag writes its last position once); leaving the page writes what is pending
  const writer = debounced(write, 250);
  const offScenario = useAppStore.subscribe((s) => s.scenario, writer.call);
  const offThresholds = useAppStore.subscribe((s) => s.thresholdInputs, writer.call);
  window.addEventListener('pagehide', writer.flush);
  // a link pasted into this tab (replaceState above does not fire hashchange)
  const onHashChange = () => apply(window.location.hash);
  window.addEventListener('hashchange', onHashChange);
  return () => {
    offScenario();
    offThresholds();
    window.removeEventListener('pagehide', writer.flush);
    window.removeEventListener('hashchange', onHashChange);
  };
}
