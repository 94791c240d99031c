import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANONICAL_COLUMNS } from '../../src/import/columns';
import { memoryKeyValue } from '../../src/persist/kv';
import { migrate } from '../../src/persist/migrations';
import { WorkspaceRepository } from '../../src/persist/repository';
import { CURRENT_VERSION, envelope, type ColumnMapping, type Workspace } from '../../src/persist/schema';
import { readFileRecord, type MultiFile, type SingleFile, type StoredFile } from '../../src/persist/storedFile';
import { readWorkspaceFile, workspaceFileText } from '../../src/persist/workspaceFile';

const here = path.dirname(fileURLToPath(import.meta.url));
const now = () => '2026-02-01T00:00:00.000Z';
const encode = (text: string) => new TextEncoder().encode(text);

/** the mapping a user picks in the mapping step for e2e/fixtures/odd-headers.csv */
const oddMapping: ColumnMapping = { account: 'Book', symbol: 'Ticker Symbol', qty: 'Units Held', entry_price: 'Avg Cost', mark_price: 'Fair', leverage: 'Lev' };
const mapped: SingleFile = {
  fileName: 'odd-headers.csv',
  sample: '',
  bytes: encode('Book,Ticker Symbol,Units Held,Avg Cost,Fair,Lev\nalpha,BTCUSDT,0.5,61250,63010,10\n'),
  mapping: oddMapping,
};
const multi: MultiFile = {
  fileName: 'positions.json + odd-headers.csv',
  sample: '',
  parts: [
    // a part without a mapping (its headers are known by name) and one with
    { fileName: 'positions.json', bytes: encode('[{"symbol":"ETHUSDT","positionAmt":"20"}]') },
    { fileName: 'odd-headers.csv', bytes: new Uint8Array([0x42, 0x6f, 0x6f, 0x6b, 0xe9, 0x0d, 0x0a]), mapping: oddMapping },
  ],
};
const workspace = (fileName: string): Workspace => ({
  name: 'Desk A',
  portfolio: { fileName, sample: '' },
  scenario: { shocks: [['BTC', '-0.1']], all: '0', volShock: '0', days: '0', addCollateral: [] },
  thresholds: { targetHF: '1.5', marginCallHF: '1.25' },
  extras: {},
});

async function roundTrip(file: StoredFile) {
  const kv = memoryKeyValue();
  const repo = new WorkspaceRepository(kv, now);
  await repo.saveWorkspace('a', workspace(file.fileName));
  await repo.saveFile('a', file);
  // IndexedDB keeps a structured clone: a fresh repository over the same store reads it back
  return { kv, opened: await new WorkspaceRepository(kv, now).open('a') };
}

describe('stored portfolio: mappings and parts', () => {
  it('round-trips a file loaded through the mapping step with its mapping', async () => {
    const { kv, opened } = await roundTrip(mapped);
    expect(opened).toEqual({ workspace: workspace('odd-headers.csv'), file: mapped, problems: [] });
    // the envelope rewritten on every slider move stays lean: the mapping lives with the bytes
    expect(JSON.stringify(kv.map.get('ws:a'))).not.toContain('Ticker Symbol');
  });

  it('round-trips a portfolio loaded from several files, every part with its bytes and mapping', async () => {
    const { opened } = await roundTrip(multi);
    expect(opened).toEqual({ workspace: workspace(multi.fileName), file: multi, problems: [] });
  });

  it('still reads a file record stored before mappings were kept', () => {
    const bytes = encode('a');
    expect(readFileRecord({ fileName: 'book.csv', sample: '', bytes })).toEqual({ ok: true, value: { fileName: 'book.csv', sample: '', bytes } });
    // an ArrayBuffer (as some browsers hand back) reads as the same bytes
    expect(readFileRecord({ fileName: 'book.csv', sample: '', bytes: bytes.buffer })).toEqual({ ok: true, value: { fileName: 'book.csv', sample: '', bytes } });
  });

  it.each([
    ['a mapping to an unknown column', { ...mapped, mapping: { tiker: 'Ticker Symbol' } }, 'mapping: "tiker" is not a column of the portfolio format'],
    ['a mapping whose header is not text', { ...mapped, mapping: { qty: 3 } }, 'mapping.qty: expected the header as text, found 3'],
    ['a mapping that is a list', { ...mapped, mapping: [['qty', 'Units Held']] }, 'mapping: expected { column: header } as an object, found [["qty","Units Held"]]'],
    ['no bytes', { fileName: 'a.csv', sample: '' }, 'bytes: expected the file\'s bytes, found undefined'],
    ['an empty list of parts', { ...multi, parts: [] }, 'parts: expected a non-empty list of files, found []'],
    ['a part without bytes', { ...multi, parts: [{ fileName: 'x.csv', bytes: 'AAAA' }] }, 'parts[0].bytes: expected the file\'s bytes, found "AAAA"'],
    ['a part without a name', { ...multi, parts: [{ fileName: '', bytes: encode('a') }] }, 'parts[0].fileName: expected a file name, found ""'],
    ['a part with a bad mapping', { ...multi, parts: [multi.parts[0], { ...multi.parts[1], mapping: { qty: null } }] }, 'parts[1].mapping.qty: expected the header as text, found null'],
    ['parts beside bytes', { ...multi, bytes: encode('a') }, 'parts: a portfolio of several files keeps its bytes and mappings per part'],
  ])('refuses a stored file with %s, naming the field', (_label, raw, reason) => {
    expect(readFileRecord(raw)).toEqual({ ok: false, reason });
  });

  it('sets a bad stored file aside with the reason and opens without it', async () => {
    const kv = memoryKeyValue({ 'file:a': { ...mapped, mapping: { qty: 3 } } });
    const repo = new WorkspaceRepository(kv, now);
    const opened = await repo.open('a');
    expect(opened.file).toBeNull();
    expect(opened.problems).toEqual(['The saved portfolio file could not be read (mapping.qty: expected the header as text, found 3).']);
    expect((await repo.asideItems()).map((a) => [a.key, a.reason])).toEqual([['file:a', 'not a stored file: mapping.qty: expected the header as text, found 3']]);
  });
});

describe('workspace file: mappings and parts', () => {
  it.each([
    ['a mapped file', mapped],
    ['several files', multi],
  ])('exports and imports %s exactly', (_label, file) => {
    const text = workspaceFileText(workspace(file.fileName), file, now());
    expect(readWorkspaceFile('w.json', text)).toEqual({ ok: true, value: { workspace: workspace(file.fileName), file } });
  });

  it('writes each part as base64 with its mapping, under the current version', () => {
    const saved = JSON.parse(workspaceFileText(workspace(multi.fileName), multi, now())) as { version: number; workspace: { portfolio: unknown } };
    expect(saved.version).toBe(3);
    expect(saved.workspace.portfolio).toEqual({
      fileName: multi.fileName,
      sample: '',
      parts: [
        // standard base64 (RFC 4648) of the JSON text, from Python's base64.b64encode
        { fileName: 'positions.json', base64: 'W3sic3ltYm9sIjoiRVRIVVNEVCIsInBvc2l0aW9uQW10IjoiMjAifV0=' },
        // 42 6F 6F -> "Qm9v", 6B E9 0D -> "a+kN", 0A -> "Cg=="
        { fileName: 'odd-headers.csv', base64: 'Qm9va+kNCg==', mapping: oddMapping },
      ],
    });
  });

  const exported = (portfolio: unknown) => JSON.stringify({ ...envelope(workspace('x'), now()), workspace: { ...workspace('x'), portfolio } });
  it.each([
    ['a part that is not base64', { fileName: 'x', sample: '', parts: [{ fileName: 'a.csv', base64: 'é!' }] }, 'workspace.portfolio.parts[0].base64: not base64'],
    ['a part without bytes', { fileName: 'x', sample: '', parts: [{ fileName: 'a.csv' }] }, "workspace.portfolio.parts[0].base64: expected the file's bytes as base64 text, found undefined"],
    ['a part without a name', { fileName: 'x', sample: '', parts: [{ base64: 'QQ==' }] }, 'workspace.portfolio.parts[0].fileName: expected a file name, found undefined'],
    ['a part that is text', { fileName: 'x', sample: '', parts: ['a.csv'] }, 'workspace.portfolio.parts[0]: expected { fileName, base64 }, found "a.csv"'],
    ['parts that are not a list', { fileName: 'x', sample: '', parts: {} }, 'workspace.portfolio.parts: expected a non-empty list of files, found {}'],
    ['a part mapping an unknown column', { fileName: 'x', sample: '', parts: [{ fileName: 'a.csv', base64: 'QQ==', mapping: { price: 'Fair' } }] }, 'workspace.portfolio.parts[0].mapping: "price" is not a column of the portfolio format'],
    ['a mapping beside parts', { fileName: 'x', sample: '', mapping: {}, parts: [{ fileName: 'a.csv', base64: 'QQ==' }] }, 'workspace.portfolio.parts: a portfolio of several files carries its bytes and mappings per part, not beside them'],
    ['a mapping whose header is not text', { fileName: 'x', sample: '', base64: 'QQ==', mapping: { symbol: ['Ticker'] } }, 'workspace.portfolio.mapping.symbol: expected the header as text, found ["Ticker"]'],
    ['a mapping keyed "__proto__"', JSON.parse('{"fileName":"x","sample":"","base64":"QQ==","mapping":{"__proto__":"Fair"}}') as unknown, 'workspace.portfolio.mapping: "__proto__" is not a column of the portfolio format'],
  ])('refuses %s, naming the file and the field', (_label, portfolio, reason) => {
    expect(readWorkspaceFile('w.json', exported(portfolio))).toEqual({ ok: false, reason: `w.json: ${reason}` });
  });

  it('carries any bytes and mappings of any number of parts exactly', () => {
    const mapping = fc.dictionary(fc.constantFrom(...CANONICAL_COLUMNS), fc.string(), { maxKeys: 6 });
    const part = fc.record({ fileName: fc.string({ minLength: 1 }), bytes: fc.uint8Array({ maxLength: 300 }), mapping: fc.option(mapping, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (raw) => {
        const parts = raw.map(({ mapping: m, ...rest }) => (m ? { ...rest, mapping: m } : rest));
        const file: MultiFile = { fileName: parts.map((p) => p.fileName).join(' + '), sample: '', parts };
        const read = readWorkspaceFile('w.json', workspaceFileText(workspace(file.fileName), file, now()));
        expect(read).toEqual({ ok: true, value: { workspace: workspace(file.fileName), file } });
      }),
      { numRuns: 60 },
    );
  });
});

describe('version 2 -> 3', () => {
  const v2 = JSON.parse(readFileSync(path.join(here, 'fixtures/workspace-v2.json'), 'utf8')) as unknown;

  it('reads the version-2 fixture as the current version, unchanged but for the number', () => {
    expect(CURRENT_VERSION).toBe(3);
    const read = migrate(v2);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.version).toBe(3);
    expect(read.value.savedAt).toBe('2026-01-20T09:30:00.000Z');
    expect(read.value.workspace.name).toBe('Desk B');
    expect(read.value.workspace.scenario.shocks).toEqual([['BTC', '-0.15']]);
    expect(read.value.workspace.extras).toEqual({ alertRules: [{ kind: 'hf-below', value: '1.3' }] });
    expect(read.value.workspace.portfolio).not.toHaveProperty('mapping');
    expect(read.value.workspace.portfolio).not.toHaveProperty('parts');
  });

  it('imports a version-2 workspace file with its one file, without a mapping', () => {
    const read = readWorkspaceFile('old.json', JSON.stringify(v2));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.file).not.toHaveProperty('mapping');
    expect(new TextDecoder().decode((read.value.file as SingleFile).bytes)).toBe('account,venue,symbol,qty,mark_price\nalpha,binance,BTCUSDT,0.5,60000\n');
  });

  it('a file of a later version is refused by its version, not read without its parts', () => {
    const v4 = { ...(JSON.parse(workspaceFileText(workspace(multi.fileName), multi, now())) as object), version: 4 };
    expect(readWorkspaceFile('new.json', JSON.stringify(v4))).toEqual({ ok: false, reason: 'new.json: version 4 was written by a newer Margin Radar (this one reads up to 3)' });
  });
});
