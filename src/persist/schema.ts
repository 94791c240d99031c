/**
 * The stored workspace: a versioned envelope. Reading is strict (every field checked, a clear reason
 * when something is wrong) and never throws: whatever does not read is set aside by the caller.
 */
import { readDecimalText } from '../engine/decimal';
import type { Scenario } from '../engine/types';

export const WORKSPACE_FORMAT = 'margin-radar/workspace';
export const CURRENT_VERSION = 2;

/** JSON a feature stores as it likes (venue overrides, column mappings, alert rules); we only carry it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Named blobs other features may add; unknown names in a file are kept too. */
export type WorkspaceExtras = Record<string, Json>;

export interface StoredPortfolio {
  fileName: string;
  /** the shipped sample's file name, '' for the user's own file */
  sample: string;
  /** the file's bytes: only in workspace files; in IndexedDB they live under their own key */
  base64?: string;
}

export interface Workspace {
  name: string;
  portfolio: StoredPortfolio | null;
  scenario: Scenario;
  /** the inputs as typed (validated again when they reach the engine) */
  thresholds: { targetHF: string; marginCallHF: string };
  extras: WorkspaceExtras;
}

export interface Envelope {
  format: typeof WORKSPACE_FORMAT;
  version: typeof CURRENT_VERSION;
  savedAt: string;
  workspace: Workspace;
}

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isDecimalText(x: unknown): x is string {
  return typeof x === 'string' && readDecimalText(x) !== null;
}

function readPairs(x: unknown, where: string): Read<Array<[string, string]>> {
  if (!Array.isArray(x)) return fail(`${where}: expected a list of [name, number] pairs`);
  const out: Array<[string, string]> = [];
  for (const [i, pair] of x.entries()) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || !isDecimalText(pair[1])) {
      return fail(`${where}[${i}]: expected [name, decimal text], found ${short(pair)}`);
    }
    out.push([pair[0], pair[1]]);
  }
  return { ok: true, value: out };
}

export function readScenario(x: unknown): Read<Scenario> {
  if (!isRecord(x)) return fail('scenario: expected an object');
  for (const field of ['all', 'volShock', 'days'] as const) {
    if (!isDecimalText(x[field])) return fail(`scenario.${field}: expected decimal text, found ${short(x[field])}`);
  }
  const shocks = readPairs(x.shocks, 'scenario.shocks');
  if (!shocks.ok) return shocks;
  const addCollateral = readPairs(x.addCollateral, 'scenario.addCollateral');
  if (!addCollateral.ok) return addCollateral;
  return {
    ok: true,
    value: { shocks: shocks.value, all: x.all as string, volShock: x.volShock as string, days: x.days as string, addCollateral: addCollateral.value },
  };
}

function isJson(x: unknown, depth = 0): x is Json {
  if (depth > 64) return false;
  if (x === null || typeof x === 'boolean' || typeof x === 'string') return true;
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every((v) => isJson(v, depth + 1));
  if (isRecord(x)) return Object.values(x).every((v) => isJson(v, depth + 1));
  return false;
}

function readPortfolio(x: unknown): Read<StoredPortfolio | null> {
  if (x === null) return { ok: true, value: null };
  if (!isRecord(x) || typeof x.fileName !== 'string' || x.fileName === '' || typeof x.sample !== 'string') {
    return fail('workspace.portfolio: expected { fileName, sample }');
  }
  if (x.base64 !== undefined && typeof x.base64 !== 'string') return fail('workspace.portfolio.base64: expected text');
  return { ok: true, value: { fileName: x.fileName, sample: x.sample, ...(typeof x.base64 === 'string' ? { base64: x.base64 } : {}) } };
}

/** Checks a current-version workspace field by field. */
export function readWorkspace(x: unknown): Read<Workspace> {
  if (!isRecord(x)) return fail('workspace: expected an object');
  if (typeof x.name !== 'string' || x.name.trim() === '') return fail('workspace.name: expected a non-empty name');
  const portfolio = readPortfolio(x.portfolio);
  if (!portfolio.ok) return portfolio;
  const scenario = readScenario(x.scenario);
  if (!scenario.ok) return scenario;
  const t = x.thresholds;
  if (!isRecord(t) || typeof t.targetHF !== 'string' || typeof t.marginCallHF !== 'string') {
    return fail('workspace.thresholds: expected { targetHF, marginCallHF } as text');
  }
  if (!isRecord(x.extras) || !isJson(x.extras)) return fail('workspace.extras: expected a JSON object');
  return {
    ok: true,
    value: {
      name: x.name,
      portfolio: portfolio.value,
      scenario: scenario.value,
      thresholds: { targetHF: t.targetHF, marginCallHF: t.marginCallHF },
      extras: x.extras as WorkspaceExtras,
    },
  };
}

export function short(x: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(x) ?? String(x);
  } catch {
    text = Object.prototype.toString.call(x);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function envelope(workspace: Workspace, savedAt: string): Envelope {
  return { format: WORKSPACE_FORMAT, version: CURRENT_VERSION, savedAt, workspace };
}
