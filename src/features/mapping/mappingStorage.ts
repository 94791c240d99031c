import type { ColumnMapping } from '../../worker/protocol';

/** Remembered column mappings, keyed by a file's header set. Behind this interface so the storage can change. */
export interface MappingStorage {
  get(key: string): ColumnMapping | null;
  set(key: string, mapping: ColumnMapping): void;
}

const PREFIX = 'margin-radar:column-mapping:';

function isMapping(value: unknown): value is ColumnMapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** localStorage; a browser that refuses storage (private mode, quota) just does not remember. */
export function localMappingStorage(storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null): MappingStorage {
  return {
    get(key) {
      try {
        const text = storage?.getItem(PREFIX + key);
        const value: unknown = text ? JSON.parse(text) : null;
        return isMapping(value) ? value : null;
      } catch {
        return null;
      }
    },
    set(key, mapping) {
      try {
        storage?.setItem(PREFIX + key, JSON.stringify(mapping));
      } catch {
        // not remembered; the mapping still applies to this load
      }
    },
  };
}
