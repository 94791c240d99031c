import { describe, expect, it } from 'vitest';
import type { PresetSummary, UnitStress } from '../../engine/risk/stress';
import { liquidatedCounts, matrixRows } from './matrixRows';

const unit = (label: string, minHF: string | null, liquidatedAtHour: number | null = null): UnitStress => ({
  account: label, unit: 'cross', label, marginBalance: '1', minHF, minHFHour: 0, liquidatedAtHour, marginCallAtHour: null, endHF: minHF, loss: '0',
});
const preset = (id: string, units: UnitStress[]): PresetSummary => ({ preset: id, name: id, date: '2020-03-12', units });

describe('preset × unit rows', () => {
  it('worst first by the lowest HF over every preset; a unit without maintenance margin last', () => {
    const rows = matrixRows([
      preset('a', [unit('safe', '9'), unit('thin', '1.2'), unit('bare', null)]),
      preset('b', [unit('safe', '3'), unit('thin', '-0.5', 4), unit('bare', null)]),
    ]);
    expect(rows.map((r) => [r.label, r.worst])).toEqual([['thin', -0.5], ['safe', 3], ['bare', Number.POSITIVE_INFINITY]]);
    expect(rows[0]!.cells.map((c) => c?.minHF)).toEqual(['1.2', '-0.5']);
  });

  it('counts the units each preset liquidates', () => {
    expect(liquidatedCounts([preset('a', [unit('x', '0.9', 1), unit('y', '2')]), preset('b', [unit('x', '3'), unit('y', '4')])])).toEqual([1, 0]);
  });
});
