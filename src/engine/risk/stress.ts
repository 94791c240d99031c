import { readDecimalText } from '../decimal';
import { isStablecoin } from '../stablecoins';
import { unitsAt, unitLabel, type ExposureModel } from './exposure';
import { heldNote } from './held';

/** A crash scenario as data (presets/crashes.ts), or the user's edited copy. */
export interface StressPreset {
  id: string;
  name: string;
  /** the day of the crash, ISO */
  date: string;
  /** the first point of the path, ISO instant */
  start: string;
  stepHours: number;
  hours: number;
  summary: string;
  /** cumulative move from the start: by asset, or family BTC, ETH, ALTS (other non-stable), STABLE */
  moves: Array<{ key: string; points: Array<[hour: number, move: string]> }>;
  sources: Array<{ title: string; url: string; says: string }>;
  notes: string[];
}

export interface UnitStress {
  account: string;
  unit: string;
  label: string;
  /** where the path starts: today, or the what-if (`start`) */
  marginBalance: string;
  /** lowest HF along the path; null when the unit has no maintenance margin at any step */
  minHF: string | null;
  /** hour of the lowest HF */
  minHFHour: number | null;
  /** first hour at which HF ≤ 1, even if the path recovers afterwards */
  liquidatedAtHour: number | null;
  marginCallAtHour: number | null;
  endHF: string | null;
  /** margin balance lost by the liquidation moment (or the end of the path when not liquidated) */
  loss: string;
}

export interface StressResult {
  preset: string;
  name: string;
  /** hour of each step from the start */
  hours: number[];
  /** the move applied to each underlying at each step (float64, for the chart) */
  paths: Array<{ underlying: string; moves: number[] }>;
  units: UnitStress[];
  /** HF of every unit at every step, units × steps row-major; NaN where there is no maintenance margin */
  hf: Float64Array;
  warnings: string[];
}

export type StressOutcome = { ok: true; result: StressResult } | { ok: false; error: string };

/** Every preset's per-unit summary, for the preset × unit table (no per-step series). */
export interface PresetSummary {
  preset: string;
  name: string;
  date: string;
  units: UnitStress[];
}

export type StressAllOutcome = { ok: true; presets: PresetSummary[]; warnings: string[] } | { ok: false; error: string };

type Points = Array<[number, number]>;

function readPreset(preset: StressPreset): { ok: true; moves: Map<string, Points> } | { ok: false; error: string } {
  const where = `preset "${preset.name}"`;
  if (!(preset.stepHours > 0) || !(preset.hours > 0) || preset.hours / preset.stepHours > 10_000) {
    return { ok: false, error: `${where}: expected a step and a length in hours above 0 (at most 10,000 steps)` };
  }
  const moves = new Map<string, Points>();
  for (const { key, points } of preset.moves) {
    const name = key.trim().toUpperCase();
    if (name === '') return { ok: false, error: `${where}: a path has no asset name` };
    const read: Points = [];
    for (const [hour, text] of points) {
      const v = readDecimalText(text);
      if (!Number.isFinite(hour) || hour < 0 || hour > preset.hours) return { ok: false, error: `${where}, ${name}: hour ${hour} is outside 0–${preset.hours}` };
      if (!v) return { ok: false, error: `${where}, ${name} at hour ${hour}: expected a move as a fraction, found "${text}"` };
      if (v.lessThanOrEqualTo(-1)) return { ok: false, error: `${where}, ${name} at hour ${hour}: a move must be above -1 (-100%), found ${text}` };
      read.push([hour, v.toNumber()]);
    }
    read.sort((a, b) => a[0] - b[0]);
    moves.set(name, read);
  }
  return { ok: true, moves };
}

/** Linear between points, flat before the first and after the last. */
function moveAt(points: Points, hour: number): number {
  if (points.length === 0) return 0;
  if (hour <= points[0]![0]) return points[0]![1];
  for (let i = 1; i < points.length; i++) {
    const [h1, m1] = points[i]!;
    if (hour <= h1) {
      const [h0, m0] = points[i - 1]!;
      return h1 === h0 ? m1 : m0 + ((m1 - m0) * (hour - h0)) / (h1 - h0);
    }
  }
  return points[points.length - 1]![1];
}

/** The path an underlying follows: its own, else its family's, else none. */
function pathFor(moves: Map<string, Points>, underlying: string): Points | null {
  const own = moves.get(underlying);
  if (own) return own;
  if (isStablecoin(underlying)) return moves.get('STABLE') ?? null;
  return moves.get('ALTS') ?? null;
}

const fixed = (v: number) => v.toFixed(2);
const hfText = (v: number) => (Number.isNaN(v) ? null : v.toFixed(4));

/**
 * Walks every unit along a preset's path (float64 over the exposure model). `start` (per underlying,
 * the what-if's price ratio to today's, whatIf.ts) puts the crash on top of the what-if: each
 * underlying moves from its start, and balances and losses are measured from there.
 */
export function applyPreset(model: ExposureModel, preset: StressPreset, marginCallHF: number, start?: Float64Array): StressOutcome {
  const read = readPreset(preset);
  if (!read.ok) return read;
  const steps = Math.floor(preset.hours / preset.stepHours + 1e-9) + 1;
  const hours = Array.from({ length: steps }, (_, s) => Math.round(s * preset.stepHours * 1000) / 1000);
  const n = model.units.length;
  const paths = model.underlyings.map((u) => {
    const points = pathFor(read.moves, u);
    return { underlying: u, moves: hours.map((h) => (points ? moveAt(points, h) : 0)) };
  });
  const x = new Float64Array(model.underlyings.length);
  const mb = new Float64Array(n);
  const mm = new Float64Array(n);
  const mbStart = start ? new Float64Array(n) : model.mb0;
  if (start) unitsAt(model, start, mbStart, mm);
  const hf = new Float64Array(n * steps);
  const mbAt = new Float64Array(n * steps);
  for (let s = 0; s < steps; s++) {
    for (let u = 0; u < x.length; u++) x[u] = (start ? start[u]! : 1) * (1 + paths[u]!.moves[s]!);
    // time passes along the path: priced options decay (hours → years, ACT/365)
    unitsAt(model, x, mb, mm, hours[s]! / 24 / 365);
    for (let i = 0; i < n; i++) {
      hf[i * steps + s] = mm[i]! > 0 ? mb[i]! / mm[i]! : Number.NaN;
      mbAt[i * steps + s] = mb[i]!;
    }
  }
  const units = model.units.map((u, i): UnitStress => {
    let min = Number.NaN;
    let minStep = -1;
    let liquidated = -1;
    let marginCall = -1;
    for (let s = 0; s < steps; s++) {
      const h = hf[i * steps + s]!;
      if (Number.isNaN(h)) continue;
      if (Number.isNaN(min) || h < min) [min, minStep] = [h, s];
      if (h <= 1 && liquidated < 0) liquidated = s;
      if (h < marginCallHF && marginCall < 0) marginCall = s;
    }
    const stop = liquidated >= 0 ? liquidated : steps - 1;
    return {
      account: u.account,
      unit: u.unit,
      label: unitLabel(u),
      marginBalance: fixed(mbStart[i]!),
      minHF: hfText(min),
      minHFHour: minStep >= 0 ? hours[minStep]! : null,
      liquidatedAtHour: liquidated >= 0 ? hours[liquidated]! : null,
      marginCallAtHour: marginCall >= 0 ? hours[marginCall]! : null,
      endHF: hfText(hf[i * steps + steps - 1]!),
      loss: fixed(mbStart[i]! - mbAt[i * steps + stop]!),
    };
  });
  const note = heldNote(model);
  const warnings = note ? [note] : [];
  return { ok: true, result: { preset: preset.id, name: preset.name, hours, paths, units, hf, warnings } };
}

/** Walks every unit along each preset (as applyPreset), keeping the per-unit summaries only. */
export function applyPresets(model: ExposureModel, presets: readonly StressPreset[], marginCallHF: number, start?: Float64Array): StressAllOutcome {
  const out: PresetSummary[] = [];
  for (const preset of presets) {
    const outcome = applyPreset(model, preset, marginCallHF, start);
    if (!outcome.ok) return outcome;
    out.push({ preset: preset.id, name: preset.name, date: preset.date, units: outcome.result.units });
  }
  const note = heldNote(model);
  return { ok: true, presets: out, warnings: note ? [note] : [] };
}
