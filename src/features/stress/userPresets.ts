/**
 * The user's own crash presets (edited copies), saved with the workspace as the `stressPresets`
 * extra: `{ version: 1, presets: [...], unread: [...] }`. Reading is strict, preset by preset; a
 * stored entry that does not read (or a whole extra of a newer version) is kept under `unread`,
 * untouched, and said so: nothing the user saved is lost by a save.
 */
import { readDecimalText } from '../../engine/decimal';
import type { StressPreset } from '../../engine/risk/stress';
import { useWorkspaceExtras } from '../../persist/extras';
import { isRecord, short, type Json } from '../../persist/schema';

export const USER_PRESETS_EXTRA = 'stressPresets';
export const USER_PRESETS_VERSION = 1;

export interface UserPresets {
  presets: StressPreset[];
  /** stored entries kept as they were because they do not read */
  unread: Json[];
  problems: string[];
}

const EMPTY: UserPresets = { presets: [], unread: [], problems: [] };

const isText = (x: unknown): x is string => typeof x === 'string';
const isPositive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

function readMove(x: unknown, hours: number): StressPreset['moves'][number] | string {
  if (!isRecord(x) || !isText(x.key) || x.key.trim() === '') return `a move needs a key (an asset or family), found ${short(x)}`;
  if (!Array.isArray(x.points) || x.points.length === 0) return `move ${x.key}: expected a list of [hour, move] points`;
  const points: Array<[number, string]> = [];
  for (const p of x.points as unknown[]) {
    const ok = Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && p[0] >= 0 && p[0] <= hours && isText(p[1]);
    const move = ok ? readDecimalText(p[1] as string) : null;
    // a move of -100% or below is a price at or under zero
    if (!ok || !move || move.lte(-1)) return `move ${x.key}: expected [hour 0…${hours}, move above −1 as decimal text], found ${short(p)}`;
    points.push([p[0] as number, p[1] as string]);
  }
  return { key: x.key, points };
}

/** One stored preset, every field checked; a reason when it does not read. */
export function readStoredPreset(x: unknown): { ok: true; preset: StressPreset } | { ok: false; reason: string } {
  const fail = (reason: string) => ({ ok: false as const, reason });
  if (!isRecord(x)) return fail(`expected a preset object, found ${short(x)}`);
  const name = isText(x.name) ? x.name : '';
  const where = name.trim() ? `preset "${name}"` : 'a preset';
  if (!isText(x.id) || x.id === '' || name.trim() === '') return fail(`${where}: needs an id and a name`);
  for (const field of ['date', 'start', 'summary'] as const) if (!isText(x[field])) return fail(`${where}: ${field} should be text`);
  if (!isPositive(x.stepHours) || !isPositive(x.hours)) return fail(`${where}: stepHours and hours should be positive numbers`);
  const hours = x.hours;
  if (!Array.isArray(x.moves) || x.moves.length === 0) return fail(`${where}: expected at least one move`);
  const moves: StressPreset['moves'] = [];
  for (const m of x.moves as unknown[]) {
    const move = readMove(m, hours);
    if (typeof move === 'string') return fail(`${where}: ${move}`);
    moves.push(move);
  }
  const sources = Array.isArray(x.sources) ? (x.sources as unknown[]) : null;
  if (!sources || !sources.every((s) => isRecord(s) && isText(s.title) && isText(s.url) && isText(s.says))) return fail(`${where}: sources should be a list of { title, url, says }`);
  if (!Array.isArray(x.notes) || !x.notes.every(isText)) return fail(`${where}: notes should be a list of text`);
  return {
    ok: true,
    preset: {
      id: x.id,
      name,
      date: x.date as string,
      start: x.start as string,
      stepHours: x.stepHours as number,
      hours,
      summary: x.summary as string,
      moves,
      sources: (sources as Array<{ title: string; url: string; says: string }>).map((s) => ({ title: s.title, url: s.url, says: s.says })),
      notes: [...(x.notes as string[])],
    },
  };
}

/** The stored extra as presets; never throws. */
export function readUserPresets(extra: Json | undefined): UserPresets {
  if (extra === undefined || extra === null) return EMPTY;
  if (!isRecord(extra) || extra.version !== USER_PRESETS_VERSION || !Array.isArray(extra.presets)) {
    const version = isRecord(extra) ? extra.version : undefined;
    const why = typeof version === 'number' && version > USER_PRESETS_VERSION ? `saved by a newer version (${version})` : `not a list of presets (${short(extra)})`;
    return { presets: [], unread: [extra], problems: [`Your saved presets could not be read: ${why}. They are kept as they were.`] };
  }
  const out: UserPresets = { presets: [], unread: Array.isArray(extra.unread) ? [...extra.unread] : [], problems: [] };
  for (const raw of extra.presets) {
    const read = readStoredPreset(raw);
    if (read.ok) out.presets.push(read.preset);
    else {
      out.unread.push(raw);
      out.problems.push(`A saved preset was skipped and kept as it was: ${read.reason}.`);
    }
  }
  return out;
}

/** The extra to store: the presets as plain JSON, with whatever did not read carried along. */
export function userPresetsExtra(presets: StressPreset[], unread: Json[]): Json {
  const plain = JSON.parse(JSON.stringify(presets)) as Json[];
  return unread.length > 0 ? { version: USER_PRESETS_VERSION, presets: plain, unread } : { version: USER_PRESETS_VERSION, presets: plain };
}

const current = (): UserPresets => readUserPresets(useWorkspaceExtras.getState().extras[USER_PRESETS_EXTRA]);

/** Adds the preset, or replaces the one with its id. */
export function saveUserPreset(preset: StressPreset): void {
  const { presets, unread } = current();
  const next = presets.some((p) => p.id === preset.id) ? presets.map((p) => (p.id === preset.id ? preset : p)) : [...presets, preset];
  useWorkspaceExtras.getState().setExtra(USER_PRESETS_EXTRA, userPresetsExtra(next, unread));
}

export function deleteUserPreset(id: string): void {
  const { presets, unread } = current();
  const next = presets.filter((p) => p.id !== id);
  useWorkspaceExtras.getState().setExtra(USER_PRESETS_EXTRA, next.length > 0 || unread.length > 0 ? userPresetsExtra(next, unread) : undefined);
}

/** A fresh id: saved presets outlive the page, so a counter that restarts with it would collide. */
export function newPresetId(): string {
  return `user-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
