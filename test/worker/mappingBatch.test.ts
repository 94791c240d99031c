/** Several files at once: a file with unknown headers goes through the mapping step, then all load as one. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { batchContents, nextUnmapped, planFile } from '../../src/features/mapping/mappingBatch';
import type { CsvPreview } from '../../src/worker/protocol';
import { createEngineService } from '../../src/worker/service';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const ODD = read('../../e2e/fixtures/odd-headers.csv');
const BINANCE = read('../../e2e/fixtures/binance-positionRisk-v2.json');
const bytes = (text: string) => new TextEncoder().encode(text).buffer;

function csvPreview(fileName: string, content: string): CsvPreview {
  const outcome = createEngineService().previewFile({ fileName, content });
  if (!outcome.ok || outcome.preview.format !== 'csv') throw new Error('expected a CSV preview');
  return outcome.preview;
}

describe('planning a batch of files', () => {
  const odd = csvPreview('odd-headers.csv', ODD);
  const never = () => null;

  it('a CSV whose required columns are not found by name waits for the step; JSON and placeable CSVs do not', () => {
    const files = [
      planFile('positions.json', bytes(BINANCE), null, never),
      planFile('odd-headers.csv', bytes(ODD), odd, never),
      planFile('good.csv', bytes('symbol,qty,mark_price\nUSDT,1,1\n'), csvPreview('good.csv', 'symbol,qty,mark_price\nUSDT,1,1\n'), never),
    ];
    expect(files.map((f) => f.needsStep)).toEqual([false, true, false]);
    expect(nextUnmapped(files)).toBe(1);
    files[1]!.mapping = { ...odd.suggestion, mark_price: 'Fair' };
    expect(nextUnmapped(files)).toBe(-1);
    // every file goes to the engine, the mapped one with its mapping
    expect(batchContents(files).map((f) => [f.fileName, f.mapping?.mark_price ?? null])).toEqual([
      ['positions.json', null],
      ['odd-headers.csv', 'Fair'],
      ['good.csv', null],
    ]);
  });

  it('a mapping remembered for the same header set applies without the step', () => {
    const remembered = { ...odd.suggestion, mark_price: 'Fair' };
    const file = planFile('odd-headers.csv', bytes(ODD), odd, (key) => (key === odd.key ? remembered : null));
    expect(file.needsStep).toBe(false);
    expect(file.mapping).toEqual(remembered);
  });
});

describe('the engine loads several files with a mapping for one of them', () => {
  it('without the mapping the odd file is refused by name; with it, both files make one portfolio', () => {
    const engine = createEngineService();
    const refused = engine.loadFiles({ files: [{ fileName: 'positions.json', content: BINANCE }, { fileName: 'odd-headers.csv', content: ODD }] });
    expect(refused.ok ? [] : refused.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toContain('odd-headers.csv:1:mark_price');

    const mapping = { ...csvPreview('odd-headers.csv', ODD).suggestion, mark_price: 'Fair' };
    const loaded = engine.loadFiles({ files: [{ fileName: 'positions.json', content: BINANCE }, { fileName: 'odd-headers.csv', content: ODD, mapping }] });
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
    // the Binance account from the JSON and account "alpha" (3 rows) from the mapped CSV
    expect(loaded.summary.accounts).toBe(2);
    expect(loaded.summary.source).toContain('odd-headers.csv');
  });
});
