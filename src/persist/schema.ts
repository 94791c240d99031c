/**
 * The stored workspace: a versioned envelope. Reading is strict (every field checked, a clear reason
 * when something is wrong) and never throws: whatever does not read is set aside by the caller.
 */
import { readDecimalText } from '../engine/decimal';
import type { Scenario } from '../engine/types';
import { CANONICAL_COLUMNS } from '../import/columns';
import type { ColumnMapping } from '../import/mapping';

export type { ColumnMapping } from '../import/mapping';

export const WORKSPACE_FORMAT = 'margin-radar/workspace';
export const CURRENT_VERSION = 3;

/** JSON a feature stores as it likes (venue overrides, column mappings, alert rules); we only carry it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Named blobs other features may add; unknown names in a file are kept too. */
export type WorkspaceExtras = Record<string, Json>;

/** One of several files loaded together as one portfolio, as a workspace file carries it. */
export interface StoredPortfolioPart {
  fileName: string;
  base64: string;
  mapping?: ColumnMapping;
}

/**
 * The portfolio of a workspace. In IndexedDB only its name (the bytes, mappings and parts live under
 * their own key); in a workspace file also its bytes: `base64` (+ `mapping`) for one file, or `parts`
 * for several files loaded together (version 3 on).
 */
export interface StoredPortfolio {
  fileName: string;
  /** the shipped sample's file name, '' for the user's own file */
  sample: string;
  /** the file's bytes: only in workspace files; in IndexedDB they live under their own key */
  base64?: string;
  /** the column mapping the file loaded with (the mapping step), when it needed one */
  mapping?: ColumnMapping;
  /** several files loaded together: each with its bytes and mapping (then no base64 or mapping here) */
  parts?: StoredPortfolioPart[];
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

const COLUMNS: ReadonlySet<string> = new Set(CANONICAL_COLUMNS);

/** A column mapping: canonical column -> the header as written in the file. Unknown columns are refused. */
export function readMapping(x: unknown, where: string): Read<ColumnMapping> {
  if (!isRecord(x)) return fail(`${where}: expected { column: header } as an object, found ${short(x)}`);
  const mapping: Record<string, string> = {};
  for (const [column, header] of Object.entries(x)) {
    if (!COLUMNS.has(column)) return fail(`${where}: ${short(column)} is not a column of the portfolio format`);
    if (typeof header !== 'string') return fail(`${where}.${column}: expected the header as text, found ${short(header)}`);
    mapping[column] = header;
  }
  return { ok: true, value: mapping as ColumnMapping };
}

function readPart(x: unknown, where: string): Read<StoredPortfolioPart> {
  if (!isRecord(x)) return fail(`${where}: expected { fileName, base64 }, found ${short(x)}`);
  if (typeof x.fileName !== 'string' || x.fileName === '') return fail(`${where}.fileName: expected a file name, found ${short(x.fileName)}`);
  if (typeof x.base64 !== 'string') return fail(`${where}.base64: expected the file's bytes as base64 text, found ${short(x.base64)}`);
  if (x.mapping === undefined) return { ok: true, value: { fileName: x.fileName, base64: x.base64 } };
  const mapping = readMapping(x.mapping, `${where}.mapping`);
  return mapping.ok ? { ok: true, value: { fileName: x.fileName, base64: x.base64, mapping: mapping.value } } : mapping;
}

function readPortfolio(x: unknown): Read<StoredPortfolio | null> {
  const where = 'workspace.portfolio';
  if (x === null) return { ok: true, value: null };
  if (!isRecord(x) || typeof x.fileName !== 'string' || x.fileName === '' || typeof x.sample !== 'string') {
    return fail(`${where}: expected { fileName, sample }`);
  }
  const value: StoredPortfolio = { fileName: x.fileName, sample: x.sample };
  if (x.parts !== undefined) {
    if (x.base64 !== undefined || x.mapping !== undefined) return fail(`${where}.parts: a portfolio of several files carries its bytes and mappings per part, not beside them`);
    if (!Array.isArray(x.parts) || x.parts.length === 0) return fail(`${where}.parts: expected a non-empty list of files, found ${short(x.parts)}`);
    const parts: StoredPortfolioPart[] = [];
    for (const [i, raw] of x.parts.entries()) {
      const part = readPart(raw, `${where}.parts[${i}]`);
      if (!part.ok) return part;
      parts.push(part.value);
    }
    return { ok: true, value: { ...value, parts } };
  }
  if (x.base64 !== undefined) {
    if (typeof x.base64 !== 'string') return fail(`${where}.base64: expected text`);
    value.base64 = x.base64;
  }
  if (x.mapping !== undefined) {
    const mapping = readMapping(x.mapping, `${where}.mapping`);
    if (!mapping.ok) return mapping;
    value.mapping = mapping.value;
  }
  return { ok: true, value };
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
