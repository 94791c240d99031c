/**
 * Migrations between stored versions: pure functions from the raw stored value to the next version's
 * raw value, then one strict read of the current version. Add a version: write `vN -> vN+1`, bump
 * CURRENT_VERSION, keep a fixture of vN in test/persist/fixtures.
 */
import { bytesToBase64 } from './base64';
import { CURRENT_VERSION, isRecord, readWorkspace, short, WORKSPACE_FORMAT, type Envelope, type Read } from './schema';

/**
 * Version 1 (the first format): one unnamed workspace; thresholds as JSON numbers; scenario maps as
 * objects keyed by underlying or account; the portfolio inline as decoded CSV text.
 * Version 2: named workspaces; decimals as text everywhere; user names in [name, value] pairs (a name
 * like "__proto__" is safe); the portfolio's original bytes; opaque extras for other features.
 * Version 3: the portfolio keeps the column mapping it loaded with (`portfolio.mapping`), or is
 * several files loaded together (`portfolio.parts`, each with its bytes and mapping).
 */
function v1ToV2(raw: Record<string, unknown>): Read<Record<string, unknown>> {
  const thresholds = raw.thresholds;
  if (!isRecord(thresholds)) return { ok: false, reason: 'version 1: thresholds missing' };
  const asText = (x: unknown, name: string): Read<string> =>
    // JSON numbers print in their shortest round-trip form: 1.5 -> "1.5", 1.25 -> "1.25"
    typeof x === 'number' && Number.isFinite(x) ? { ok: true, value: String(x) } : { ok: false, reason: `version 1: ${name} is not a number (${short(x)})` };
  const target = asText(thresholds.targetHF, 'thresholds.targetHF');
  if (!target.ok) return target;
  const marginCall = asText(thresholds.marginCallHF, 'thresholds.marginCallHF');
  if (!marginCall.ok) return marginCall;
  const scenario = raw.scenario;
  if (!isRecord(scenario)) return { ok: false, reason: 'version 1: scenario missing' };
  const pairs = (x: unknown, name: string): Read<Array<[string, unknown]>> =>
    isRecord(x) ? { ok: true, value: Object.entries(x) } : { ok: false, reason: `version 1: scenario.${name} is not an object` };
  const shocks = pairs(scenario.shocks, 'shocks');
  if (!shocks.ok) return shocks;
  const addCollateral = pairs(scenario.addCollateral, 'addCollateral');
  if (!addCollateral.ok) return addCollateral;
  const file = raw.portfolio;
  let portfolio: Record<string, unknown> | null = null;
  if (file !== null && file !== undefined) {
    if (!isRecord(file) || typeof file.name !== 'string' || typeof file.csv !== 'string') {
      return { ok: false, reason: 'version 1: portfolio is not { name, csv }' };
    }
    portfolio = { fileName: file.name, sample: '', base64: bytesToBase64(new TextEncoder().encode(file.csv)) };
  }
  return {
    ok: true,
    value: {
      format: WORKSPACE_FORMAT,
      version: 2,
      savedAt: raw.savedAt,
      workspace: {
        name: 'Workspace',
        portfolio,
        scenario: { ...scenario, shocks: shocks.value, addCollateral: addCollateral.value },
        thresholds: { targetHF: target.value, marginCallHF: marginCall.value },
        extras: {},
      },
    },
  };
}

/**
 * Version 3 only adds optional fields, so a version-2 workspace is a version-3 workspace as it is.
 * The number still moves: an older Margin Radar refuses a file with parts by its version, clearly,
 * instead of reading it without its mappings and parts and failing to load the portfolio.
 */
function v2ToV3(raw: Record<string, unknown>): Read<Record<string, unknown>> {
  return { ok: true, value: { ...raw, version: 3 } };
}

const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Read<Record<string, unknown>>> = { 1: v1ToV2, 2: v2ToV3 };

/** Any stored or imported value -> the current envelope, or why not. Never throws. */
export function migrate(raw: unknown): Read<Envelope> {
  try {
    if (!isRecord(raw) || raw.format !== WORKSPACE_FORMAT) return { ok: false, reason: `not a Margin Radar workspace (format ${short(isRecord(raw) ? raw.format : raw)})` };
    let current = raw;
    const first = current.version;
    if (typeof first !== 'number' || !Number.isInteger(first) || first < 1) return { ok: false, reason: `unknown version ${short(first)}` };
    let version: number = first;
    if (version > CURRENT_VERSION) return { ok: false, reason: `version ${version} was written by a newer Margin Radar (this one reads up to ${CURRENT_VERSION})` };
    while (version < CURRENT_VERSION) {
      const step = MIGRATIONS[version];
      if (!step) return { ok: false, reason: `no migration from version ${version}` };
      const next = step(current);
      if (!next.ok) return next;
      current = next.value;
      version = current.version as number;
    }
    if (typeof current.savedAt !== 'string') return { ok: false, reason: 'savedAt: expected an ISO 8601 time' };
    const workspace = readWorkspace(current.workspace);
    if (!workspace.ok) return workspace;
    return { ok: true, value: { format: WORKSPACE_FORMAT, version: CURRENT_VERSION, savedAt: current.savedAt, workspace: workspace.value } };
  } catch (e) {
    // a getter on a hostile object, a cyclic value: still data that fails to load, never a crash
    return { ok: false, reason: `unreadable (${e instanceof Error ? e.message : String(e)})` };
  }
}
