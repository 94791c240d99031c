import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';

/** The few key-value operations persistence needs: IndexedDB in the page, a Map in tests. */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** IndexedDB through idb-keyval, in a database of our own (values are structured clones, not JSON). */
export function idbKeyValue(): KeyValue {
  let store: UseStore | null = null;
  const db = (): UseStore => (store ??= createStore('margin-radar', 'workspaces'));
  return {
    get: (key) => get(key, db()),
    set: (key, value) => set(key, value, db()),
    del: (key) => del(key, db()),
    keys: async () => (await keys(db())).filter((k): k is string => typeof k === 'string'),
  };
}

/** For tests, and the fallback when IndexedDB is not there (private windows of some browsers). */
export function memoryKeyValue(initial: Record<string, unknown> = {}): KeyValue & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>(Object.entries(initial));
  return {
    map,
    get: async (key) => map.get(key),
    set: async (key, value) => {
      map.set(key, value);
    },
    del: async (key) => {
      map.delete(key);
    },
    keys: async () => [...map.keys()],
  };
}
