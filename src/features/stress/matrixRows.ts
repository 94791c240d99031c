import type { PresetSummary, UnitStress } from '../../engine/risk/stress';

/** A unit's row of the preset × unit table: its figures under each preset, in the presets' order. */
export interface MatrixRow {
  key: string;
  label: string;
  cells: Array<UnitStress | null>;
  /** the lowest HF on any preset's path (+∞ when the unit has no maintenance margin) */
  worst: number;
}

const lowest = (u: UnitStress | null) => (u?.minHF == null ? Number.POSITIVE_INFINITY : Number(u.minHF));

/** Units worst first (the lowest HF any preset takes them to), then by label. */
export function matrixRows(presets: readonly PresetSummary[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  presets.forEach((preset, p) => {
    for (const unit of preset.units) {
      const key = `${unit.account}\u0000${unit.unit}`;
      let row = rows.get(key);
      if (!row) {
        row = { key, label: unit.label, cells: presets.map(() => null), worst: Number.POSITIVE_INFINITY };
        rows.set(key, row);
      }
      row.cells[p] = unit;
      row.worst = Math.min(row.worst, lowest(unit));
    }
  });
  return [...rows.values()].sort((a, b) => a.worst - b.worst || a.label.localeCompare(b.label));
}

/** How many units each preset liquidates somewhere on its path. */
export function liquidatedCounts(presets: readonly PresetSummary[]): number[] {
  return presets.map((p) => p.units.filter((u) => u.liquidatedAtHour !== null).length);
}
