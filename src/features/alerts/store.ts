import { create } from 'zustand';
import type { AlertEvent } from '../../engine/alerts';

export interface LoggedAlert extends AlertEvent {
  /** ISO 8601 time it fired */
  at: string;
}

export interface AlertsState {
  /** keys of the conditions that hold (the state machine's memory) */
  active: ReadonlySet<string>;
  /** conditions that hold now, with today's figures */
  holding: AlertEvent[];
  /** fired alerts, newest first */
  log: LoggedAlert[];
  clearLog(): void;
}

const LOG_LIMIT = 200;

export const useAlerts = create<AlertsState>()((set) => ({
  active: new Set(),
  holding: [],
  log: [],
  clearLog: () => set({ log: [] }),
}));

export function logFired(fired: AlertEvent[], at: string): void {
  if (fired.length === 0) return;
  useAlerts.setState((s) => ({ log: [...fired.map((f) => ({ ...f, at })), ...s.log].slice(0, LOG_LIMIT) }));
}
