import { beforeEach, describe, expect, it } from 'vitest';
import type { StressPreset } from '../../src/engine/risk/stress';
import { CRASH_PRESETS } from '../../src/engine/risk/presets';
import { useWorkspaceExtras } from '../../src/persist/extras';
import { memoryKeyValue } from '../../src/persist/kv';
import { WorkspaceRepository } from '../../src/persist/repository';
import type { Workspace } from '../../src/persist/schema';
import { readWorkspaceFile, workspaceFileText } from '../../src/persist/workspaceFile';
import { deleteUserPreset, readStoredPreset, readUserPresets, saveUserPreset, USER_PRESETS_EXTRA, userPresetsExtra } from '../../src/features/stress/userPresets';
import { textToMoves } from '../../src/features/stress/presetText';

const shipped = CRASH_PRESETS[0]!;
const moves = textToMoves('BTC: 0=0, 2=-35, 24=-20\nSTABLE: 0=0, 3=-8', shipped.hours);
if (!moves.ok) throw new Error(moves.error);
const mine: StressPreset = { ...shipped, id: 'user-test-1', name: 'Deeper Black Thursday', moves: moves.moves, notes: [...shipped.notes, 'edited copy'] };

const workspaceWith = (extras: Workspace['extras']): Workspace => ({
  name: 'Desk',
  portfolio: null,
  scenario: { shocks: [], all: '0', volShock: '0', days: '0', addCollateral: [] },
  thresholds: { targetHF: '1.5', marginCallHF: '1.25' },
  extras,
});

beforeEach(() => useWorkspaceExtras.getState().replaceExtras({}));

describe('user crash presets', () => {
  it('survive a save and reopen of the workspace (IndexedDB through the repository) and read back equal', async () => {
    saveUserPreset(mine);
    const kv = memoryKeyValue();
    await new WorkspaceRepository(kv).saveWorkspace('a', workspaceWith(useWorkspaceExtras.getState().extras));
    // a new page: fresh repository, fresh extras store
    useWorkspaceExtras.getState().replaceExtras({});
    const opened = await new WorkspaceRepository(kv).open('a');
    expect(opened.problems).toEqual([]);
    useWorkspaceExtras.getState().replaceExtras(opened.workspace!.extras);
    const read = readUserPresets(useWorkspaceExtras.getState().extras[USER_PRESETS_EXTRA]);
    expect(read).toEqual({ presets: [mine], unread: [], problems: [] });
    // the moves are the typed percents as fractions: -35% -> '-0.35', -8% -> '-0.08'
    expect(read.presets[0]!.moves).toEqual([
      { key: 'BTC', points: [[0, '0'], [2, '-0.35'], [24, '-0.2']] },
      { key: 'STABLE', points: [[0, '0'], [3, '-0.08']] },
    ]);
  });

  it('travel in an exported workspace file', () => {
    saveUserPreset(mine);
    const text = workspaceFileText(workspaceWith(useWorkspaceExtras.getState().extras), null, '2026-02-01T00:00:00Z');
    const read = readWorkspaceFile('desk.margin-radar.json', text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(readUserPresets(read.value.workspace.extras[USER_PRESETS_EXTRA]).presets).toEqual([mine]);
  });

  it('saving under the same id replaces; delete removes; the extra is versioned', () => {
    saveUserPreset(mine);
    saveUserPreset({ ...mine, name: 'Renamed' });
    const extra = useWorkspaceExtras.getState().extras[USER_PRESETS_EXTRA];
    expect(extra).toMatchObject({ version: 1, presets: [{ id: mine.id }] });
    expect(readUserPresets(extra).presets[0]!.name).toBe('Renamed');
    deleteUserPreset(mine.id);
    expect(useWorkspaceExtras.getState().extras[USER_PRESETS_EXTRA]).toBeUndefined();
  });

  it('a stored preset that does not read is skipped, said, and kept through the next save', () => {
    const broken = { ...JSON.parse(JSON.stringify(mine)), id: 'user-bad', moves: [{ key: 'BTC', points: [[2, '-1.5']] }] };
    useWorkspaceExtras.getState().replaceExtras({ [USER_PRESETS_EXTRA]: { version: 1, presets: [broken, JSON.parse(JSON.stringify(mine))] } });
    const read = readUserPresets(useWorkspaceExtras.getState().extras[USER_PRESETS_EXTRA]);
    expect(read.presets).toEqual([mine]);
    expect(read.problems).toEqual(['A saved preset was skipped and kept as it was: preset "Deeper Black Thursday": move BTC: expected [hour 0…24, move above −1 as decimal text], found [2,"-1.5"].']);
    saveUserPreset({ ...mine, id: 'user-test-2' });
    const after = readUserPresets(useWorkspaceExtras.getState().extras[USER_PRESETS_EXTRA]);
    expect(after.presets.map((p) => p.id)).toEqual(['user-test-1', 'user-test-2']);
    expect(after.unread).toEqual([broken]);
  });

  it('an extra from a newer version is not overwritten by a save', () => {
    const future = { version: 2, presets: [], somethingNew: true };
    useWorkspaceExtras.getState().replaceExtras({ [USER_PRESETS_EXTRA]: future });
    expect(readUserPresets(future).problems[0]).toContain('saved by a newer version (2)');
    saveUserPreset(mine);
    expect(useWorkspaceExtras.getState().extras[USER_PRESETS_EXTRA]).toEqual(userPresetsExtra([mine], [future]));
  });

  it('every field is checked', () => {
    expect(readStoredPreset({ ...mine, hours: 0 })).toEqual({ ok: false, reason: 'preset "Deeper Black Thursday": stepHours and hours should be positive numbers' });
    expect(readStoredPreset({ ...mine, name: ' ' })).toEqual({ ok: false, reason: 'a preset: needs an id and a name' });
    expect(readStoredPreset({ ...mine, moves: [{ key: 'BTC', points: [[30, '-0.1']] }] }).ok).toBe(false);
    expect(readStoredPreset({ ...mine, sources: [{ title: 'x' }] }).ok).toBe(false);
    expect(readStoredPreset('nope')).toEqual({ ok: false, reason: 'expected a preset object, found "nope"' });
    expect(readStoredPreset(mine)).toEqual({ ok: true, preset: mine });
  });
});
