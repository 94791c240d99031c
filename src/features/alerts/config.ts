/**
 * The alert settings, saved with the workspace as the `alerts` extra: rules, browser notifications
 * (off until the user turns them on and grants permission) and sound (off by default).
 */
import { readDecimalText } from '../../engine/decimal';
import type { AlertKind, AlertRule } from '../../engine/alerts';
import { useWorkspaceExtras } from '../../persist/extras';
import type { Json } from '../../persist/schema';

export interface AlertConfig {
  rules: AlertRule[];
  notify: boolean;
  sound: boolean;
}

/** Until the user edits the rules: every unit that reaches its margin-call level. */
export const DEFAULT_ALERTS: AlertConfig = {
  rules: [{ id: 'default-margin-call', kind: 'margin-call', value: '', scope: null }],
  notify: false,
  sound: false,
};

const KINDS: readonly AlertKind[] = ['hf-below', 'liquidation-within', 'margin-call'];

function readRule(x: unknown): AlertRule | null {
  if (typeof x !== 'object' || x === null) return null;
  const r = x as Record<string, unknown>;
  if (typeof r.id !== 'string' || !KINDS.includes(r.kind as AlertKind) || typeof r.value !== 'string') return null;
  if (r.kind !== 'margin-call' && !readDecimalText(r.value)) return null;
  const s = r.scope as Record<string, unknown> | null;
  const scope = s && typeof s.account === 'string' && typeof s.unit === 'string' ? { account: s.account, unit: s.unit } : null;
  return { id: r.id, kind: r.kind as AlertKind, value: r.value, scope };
}

/** The saved settings; anything unreadable falls back to the defaults, rule by rule. */
export function readAlertConfig(extra: Json | undefined): AlertConfig {
  if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) return DEFAULT_ALERTS;
  const rules = Array.isArray(extra.rules) ? extra.rules.map(readRule).filter((r): r is AlertRule => r !== null) : DEFAULT_ALERTS.rules;
  return { rules, notify: extra.notify === true, sound: extra.sound === true };
}

export function useAlertConfig(): AlertConfig {
  const extra = useWorkspaceExtras((s) => s.extras.alerts);
  return readAlertConfig(extra);
}

export function currentAlertConfig(): AlertConfig {
  return readAlertConfig(useWorkspaceExtras.getState().extras.alerts);
}

export function saveAlertConfig(config: AlertConfig): void {
  useWorkspaceExtras.getState().setExtra('alerts', JSON.parse(JSON.stringify(config)) as Json);
}
