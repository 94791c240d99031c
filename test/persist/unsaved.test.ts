import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/persist/schema';
import { clearUnsaved, holdUnsaved, takeUnsaved } from '../../src/persist/unsaved';

/** localStorage's surface, in memory; `full` makes every write fail as a full quota does. */
function memoryStorage(full = false): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (full) throw new DOMException('quota exceeded', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  };
}

const workspace: Workspace = {
  name: 'Desk A',
  portfolio: { fileName: 'book.csv', sample: '' },
  scenario: { shocks: [['BTC', '-0.2']], all: '0', volShock: '0', days: '0', addCollateral: [['alpha', '500']] },
  thresholds: { targetHF: '1.6', marginCallHF: '1.3' },
  extras: { alertRules: [{ kind: 'hf-below', value: '1.4' }] },
};

describe('the change kept as the page goes away', () => {
  it('comes back for the same workspace only, as a stored envelope reads', () => {
    const store = memoryStorage();
    holdUnsaved('a', workspace, '2026-11-21T10:00:00.000Z', store);
    expect(takeUnsaved('b', store)).toBeNull();
    expect(takeUnsaved('a', store)).toEqual(workspace);
    clearUnsaved(store);
    expect(takeUnsaved('a', store)).toBeNull();
  });

  it('a full storage keeps nothing and throws nothing; unreadable text reads as nothing', () => {
    const full = memoryStorage(true);
    expect(() => holdUnsaved('a', workspace, '2026-11-21T10:00:00.000Z', full)).not.toThrow();
    expect(takeUnsaved('a', full)).toBeNull();
    const store = memoryStorage();
    store.setItem('margin-radar:unsaved', '{not json');
    expect(takeUnsaved('a', store)).toBeNull();
    store.setItem('margin-radar:unsaved', JSON.stringify({ id: 'a', envelope: { format: 'margin-radar/workspace', version: 3, savedAt: 'x', workspace: 'oops' } }));
    expect(takeUnsaved('a', store)).toBeNull();
    // no storage at all (a browser that refuses it)
    expect(takeUnsaved('a', null)).toBeNull();
  });
});
