import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/persist/base64';
import { migrate } from '../../src/persist/migrations';
import { CURRENT_VERSION, envelope, type Workspace } from '../../src/persist/schema';

const here = path.dirname(fileURLToPath(import.meta.url));
const v1 = JSON.parse(readFileSync(path.join(here, 'fixtures/workspace-v1.json'), 'utf8')) as unknown;

const workspace: Workspace = {
  name: 'Desk A',
  portfolio: { fileName: 'book.csv', sample: '' },
  scenario: { shocks: [['BTC', '-0.2']], all: '0.05', volShock: '0', days: '3', addCollateral: [['__proto__', '100']] },
  thresholds: { targetHF: '1.5', marginCallHF: '1.25' },
  extras: { venueOverrides: { binance: { mmr: '0.004' } }, columnMappings: [['Qty', 'qty']] },
};

describe('workspace migrations', () => {
  it('reads the version-1 fixture as the current version', () => {
    const read = migrate(v1);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.version).toBe(CURRENT_VERSION);
    expect(read.value.savedAt).toBe('2025-11-03T08:15:00.000Z');
    const w = read.value.workspace;
    expect(w.name).toBe('Workspace');
    // objects keyed by name become [name, value] pairs, in the fixture's order
    expect(w.scenario).toEqual({ shocks: [['BTC', '-0.2'], ['ETH', '-0.35']], all: '0', volShock: '0.1', days: '7', addCollateral: [['alpha', '2500']] });
    // JSON numbers 1.6 and 1.2 become the text the user typed
    expect(w.thresholds).toEqual({ targetHF: '1.6', marginCallHF: '1.2' });
    expect(w.extras).toEqual({});
    expect(w.portfolio?.fileName).toBe('book.csv');
    const bytes = base64ToBytes(w.portfolio!.base64!);
    expect(new TextDecoder().decode(bytes!)).toBe('account,venue,symbol,qty,mark_price\nalpha,binance,BTCUSDT,0.5,60000\n');
  });

  it('reads a current envelope back unchanged', () => {
    const read = migrate(JSON.parse(JSON.stringify(envelope(workspace, '2026-01-01T00:00:00.000Z'))));
    expect(read).toEqual({ ok: true, value: envelope(workspace, '2026-01-01T00:00:00.000Z') });
  });

  it.each([
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'garbage'],
    ['another format', { format: 'something-else', version: 2 }],
    ['a future version', { format: 'margin-radar/workspace', version: 99 }],
    ['a fractional version', { format: 'margin-radar/workspace', version: 1.5 }],
    ['a version 1 without thresholds', { format: 'margin-radar/workspace', version: 1, scenario: {} }],
    ['a bad shock', { ...envelope(workspace, 'x'), workspace: { ...workspace, scenario: { ...workspace.scenario, shocks: [['BTC', 'lots']] } } }],
    ['an empty name', { ...envelope(workspace, 'x'), workspace: { ...workspace, name: ' ' } }],
    ['extras that are not JSON', { ...envelope(workspace, 'x'), workspace: { ...workspace, extras: { f: Number.NaN } } }],
  ])('refuses %s with a reason, without throwing', (_label, raw) => {
    const read = migrate(raw);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason.length).toBeGreaterThan(5);
  });

  it('never throws on a hostile object', () => {
    const hostile = { format: 'margin-radar/workspace', get version(): number { throw new Error('boom'); } };
    expect(migrate(hostile)).toEqual({ ok: false, reason: 'unreadable (boom)' });
  });

  it('never throws on anything JSON can hold', () => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => { expect(() => migrate(raw)).not.toThrow(); }));
  });

  it('base64 carries any bytes exactly', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70_000 }), (bytes) => {
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    }), { numRuns: 30 });
    expect(base64ToBytes('not base64!')).toBeNull();
  });
});
