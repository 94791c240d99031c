/** The mapping step's worker half: preview, a check that leaves the portfolio alone, and a mapped load. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/engine/types';
import { localMappingStorage } from '../../src/features/mapping/mappingStorage';
import { createEngineService } from '../../src/worker/service';

const ODD = readFileSync(fileURLToPath(new URL('../fixtures/import-native/odd-headers.csv', import.meta.url)), 'utf8');
const GOOD = 'account,symbol,qty,mark_price\nmain,USDT,1000,1\n';
const MAPPING = { account: 'Book', symbol: 'Ticker Symbol', qty: 'Units Held', entry_price: 'Avg Cost', mark_price: 'Last Px', leverage: 'Lev' };

describe('previewFile', () => {
  it('returns the header, the first rows, what is missing and the guesses', () => {
    const outcome = createEngineService().previewFile({ fileName: 'odd.csv', content: ODD });
    if (!outcome.ok || outcome.preview.format !== 'csv') throw new Error('expected a CSV preview');
    const { preview } = outcome;
    expect(preview.header).toEqual(['Book', 'Ticker Symbol', 'Units Held', 'Avg Cost', 'Last Px', 'Lev', 'Desk Note']);
    expect(preview.rows[1]).toEqual(['alpha', 'BTCUSDT', '0.5', '61250', '63010', '10', 'core long']);
    expect(preview.missing).toEqual(['symbol', 'qty', 'mark_price']);
    expect(preview.suggestion).toEqual(MAPPING);
    expect(preview.columns.slice(0, 3)).toEqual(['symbol', 'qty', 'mark_price']);
  });

  it('says a JSON file is JSON (it has no columns to map)', () => {
    const outcome = createEngineService().previewFile({ fileName: 'p.json', content: '{"code":"0","data":[]}' });
    expect(outcome).toEqual({ ok: true, preview: { format: 'json', fileName: 'p.json' } });
  });
});

describe('checkMapping and load with a mapping', () => {
  it('checks without replacing the loaded portfolio, then loads with the mapping', () => {
    const engine = createEngineService();
    expect(engine.load({ fileName: 'good.csv', content: GOOD }).ok).toBe(true);
    const check = engine.checkMapping({ fileName: 'odd.csv', content: ODD, mapping: MAPPING });
    expect(check).toMatchObject({ ok: true, summary: { source: 'odd.csv', rows: 3, accounts: 1 } });
    const refused = engine.checkMapping({ fileName: 'odd.csv', content: ODD, mapping: { ...MAPPING, mark_price: 'Desk Note' } });
    expect(refused.ok ? [] : refused.errors.map((e) => `${e.line}:${e.column}:${e.value}`)).toEqual(['2:Desk Note:cash', '3:Desk Note:core long', '4:Desk Note:hedge']);
    // still the file loaded before
    const evaluated = engine.evaluate({ scenario: { shocks: [], all: '0', volShock: '0', days: '0', addCollateral: [] }, thresholds: DEFAULT_THRESHOLDS, asOf: '2024-11-15T00:00:00Z' });
    expect(evaluated.ok && evaluated.report.source).toBe('good.csv');
    expect(engine.load({ fileName: 'odd.csv', content: ODD, mapping: MAPPING })).toMatchObject({ ok: true, summary: { rows: 3 } });
  });
});

describe('remembered mappings', () => {
  it('round-trips through storage and ignores what is not a mapping', () => {
    const map = new Map<string, string>();
    const fake = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const storage = localMappingStorage(fake);
    storage.set('a|b', MAPPING);
    expect(storage.get('a|b')).toEqual(MAPPING);
    expect(storage.get('other')).toBeNull();
    map.set('margin-radar:column-mapping:bad', '[1,2]');
    expect(storage.get('bad')).toBeNull();
    const throwing = localMappingStorage({ getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } });
    expect(() => throwing.set('k', MAPPING)).not.toThrow();
    expect(throwing.get('k')).toBeNull();
  });
});
