import { describe, expect, it } from 'vitest';
import { memoryKeyValue } from '../../src/persist/kv';
import { asideToJson, WorkspaceRepository } from '../../src/persist/repository';
import { envelope, type Workspace } from '../../src/persist/schema';
import { readWorkspaceFile, workspaceFileText } from '../../src/persist/workspaceFile';

const workspace: Workspace = {
  name: 'Desk A',
  portfolio: { fileName: 'book.csv', sample: '' },
  scenario: { shocks: [['ETH', '-0.1']], all: '0', volShock: '0', days: '0', addCollateral: [] },
  thresholds: { targetHF: '1.5', marginCallHF: '1.25' },
  extras: { alertRules: [{ kind: 'hf-below', value: '1.3' }] },
};
// a file in Windows-1252 (0xE9 is "é"): stored and exported as the bytes, never re-encoded
const bytes = new Uint8Array([0x61, 0x2c, 0xe9, 0x0d, 0x0a]);
const now = () => '2026-02-01T00:00:00.000Z';

describe('workspace repository', () => {
  it('round-trips a workspace and its file', async () => {
    const kv = memoryKeyValue();
    const repo = new WorkspaceRepository(kv, now);
    await repo.writeIndex({ current: 'a', workspaces: [{ id: 'a', name: 'Desk A' }] });
    await repo.saveWorkspace('a', workspace);
    await repo.saveFile('a', { fileName: 'book.csv', sample: '', bytes });
    expect((await repo.index()).index).toEqual({ current: 'a', workspaces: [{ id: 'a', name: 'Desk A' }] });
    expect(await repo.open('a')).toEqual({ workspace, file: { fileName: 'book.csv', sample: '', bytes }, problems: [] });
  });

  it('sets aside a corrupted workspace and file, reports it, and opens clean', async () => {
    const kv = memoryKeyValue({ 'ws:a': { format: 'margin-radar/workspace', version: 2, savedAt: 'x', workspace: 'oops' }, 'file:a': { bytes: 'not bytes' } });
    const repo = new WorkspaceRepository(kv, now);
    const opened = await repo.open('a');
    expect(opened.workspace).toBeNull();
    expect(opened.file).toBeNull();
    expect(opened.problems).toHaveLength(2);
    expect(opened.problems[0]).toContain('workspace: expected an object');
    // gone from where it was, kept aside for download
    expect(kv.map.has('ws:a')).toBe(false);
    const aside = await repo.asideItems();
    expect(aside.map((a) => a.key).sort()).toEqual(['file:a', 'ws:a']);
    const json = JSON.parse(asideToJson(aside)) as { items: Array<{ raw: unknown }> };
    expect(json.items).toHaveLength(2);
    // the next start is clean
    expect(await repo.open('a')).toEqual({ workspace: null, file: null, problems: [] });
    await repo.discardAside();
    expect(await repo.asideItems()).toEqual([]);
  });

  it('rebuilds an unreadable index from the stored workspaces', async () => {
    const kv = memoryKeyValue({ index: 'garbage', 'ws:b': envelope(workspace, 'x') });
    const read = await new WorkspaceRepository(kv, now).index();
    expect(read.index).toEqual({ current: 'b', workspaces: [{ id: 'b', name: 'b' }] });
    expect(read.problems).toHaveLength(1);
  });

  it('moves a migrated version-1 portfolio under its own key', async () => {
    const v1 = { format: 'margin-radar/workspace', version: 1, savedAt: 'x', scenario: { shocks: {}, all: '0', volShock: '0', days: '0', addCollateral: {} }, thresholds: { targetHF: 1.5, marginCallHF: 1.25 }, portfolio: { name: 'old.csv', csv: 'é' } };
    const kv = memoryKeyValue({ 'ws:old': v1 });
    const opened = await new WorkspaceRepository(kv, now).open('old');
    expect(opened.workspace?.portfolio).toEqual({ fileName: 'old.csv', sample: '' });
    // "é" is C3 A9 in UTF-8
    expect(opened.file).toEqual({ fileName: 'old.csv', sample: '', bytes: new Uint8Array([0xc3, 0xa9]) });
    expect(kv.map.has('file:old')).toBe(true);
  });
});

describe('workspace file', () => {
  it('exports and imports a workspace with its bytes', () => {
    const text = workspaceFileText(workspace, { fileName: 'book.csv', sample: '', bytes }, '2026-02-01T00:00:00.000Z');
    expect(readWorkspaceFile('w.json', text)).toEqual({ ok: true, value: { workspace, file: { fileName: 'book.csv', sample: '', bytes } } });
  });

  it('refuses a file that is not a workspace, saying which file and why', () => {
    const read = readWorkspaceFile('w.json', '{"format":');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(/^w\.json: not JSON/);
    const missing = readWorkspaceFile('w.json', JSON.stringify(envelope(workspace, 'x')));
    expect(missing).toEqual({ ok: false, reason: "w.json: workspace.portfolio.base64: the portfolio's bytes are missing" });
  });
});
