import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../src/import/types';
import { cancelImport, oversizeProblem, readWithProgress, useEngineHealth } from '../../src/store/engineHealth';

describe('import guards in the page', () => {
  it('refuses a file over the cap from its size alone, saying both sizes', () => {
    expect(oversizeProblem({ name: 'ok.csv', size: IMPORT_LIMITS.maxBytes })).toBeNull();
    const problem = oversizeProblem({ name: 'huge.csv', size: 100 * 1024 * 1024 });
    // 100 MiB against the 64 MiB cap
    expect(problem?.message).toBe('the file is 100.0 MB; the limit is 64.0 MB (split the portfolio, or drop columns it does not need)');
    expect(problem).toMatchObject({ file: 'huge.csv', line: 0 });
  });

  it('reads a large file in chunks with progress, bytes intact', async () => {
    const source = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    const seen: number[] = [];
    const off = useEngineHealth.subscribe((s) => {
      if (s.progress?.phase === 'reading') seen.push(s.progress.loaded);
    });
    const read = await readWithProgress(new File([source], 'big.csv'));
    off();
    // compared as one buffer: element-wise deep equality on megabytes is slow
    expect(Buffer.compare(Buffer.from(read!), Buffer.from(source))).toBe(0);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(source.length);
    expect(useEngineHealth.getState().progress).toMatchObject({ phase: 'checking', total: source.length });
  });

  it('cancelling while reading gives nothing back and clears the progress', async () => {
    const reading = readWithProgress(new File([new Uint8Array(8 * 1024 * 1024)], 'big.csv'));
    cancelImport();
    expect(await reading).toBeNull();
    expect(useEngineHealth.getState().progress).toBeNull();
  });
});
