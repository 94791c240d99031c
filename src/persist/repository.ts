/**
 * Workspaces in a key-value store. Keys: `index` (the list and the current one), `ws:<id>` (an
 * envelope, small, saved on every change), `file:<id>` (the portfolio's bytes and column mapping, or
 * its parts when several files were loaded together; saved when a portfolio is loaded), `aside:<time>:<key>` (what failed to read, kept for download). Nothing here throws on bad
 * data: it is set aside and the caller starts clean.
 */
import { bytesToBase64 } from './base64';
import type { KeyValue } from './kv';
import { migrate } from './migrations';
import { envelope, isRecord, type Workspace } from './schema';
import { fileOf, fileRecord, readFileRecord, type StoredFile } from './storedFile';

export { readFileRecord, type StoredFile, type StoredPart } from './storedFile';

export interface WorkspaceEntry {
  id: string;
  name: string;
}

export interface WorkspaceIndex {
  current: string;
  workspaces: WorkspaceEntry[];
}

export interface SetAside {
  key: string;
  reason: string;
  raw: unknown;
}

export interface Opened {
  workspace: Workspace | null;
  file: StoredFile | null;
  /** one line per value that failed to read and was set aside */
  problems: string[];
}

const INDEX = 'index';
const wsKey = (id: string) => `ws:${id}`;
const fileKey = (id: string) => `file:${id}`;

function readIndex(raw: unknown): WorkspaceIndex | null {
  if (!isRecord(raw) || raw.version !== 1 || typeof raw.current !== 'string' || !Array.isArray(raw.workspaces)) return null;
  const workspaces = raw.workspaces.filter(
    (w): w is WorkspaceEntry => isRecord(w) && typeof w.id === 'string' && w.id !== '' && typeof w.name === 'string',
  );
  return workspaces.length === raw.workspaces.length ? { current: raw.current, workspaces } : null;
}

export class WorkspaceRepository {
  constructor(
    private readonly kv: KeyValue,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** The list, rebuilt from the stored workspaces when the index itself is unreadable. */
  async index(): Promise<{ index: WorkspaceIndex | null; problems: string[] }> {
    const raw = await this.kv.get(INDEX);
    if (raw === undefined) return { index: null, problems: [] };
    const index = readIndex(raw);
    if (index) return { index, problems: [] };
    await this.setAside(INDEX, raw, 'the list of workspaces is unreadable');
    const ids = (await this.kv.keys()).filter((k) => k.startsWith('ws:')).map((k) => k.slice(3));
    const rebuilt = ids.length > 0 ? { current: ids[0]!, workspaces: ids.map((id) => ({ id, name: id })) } : null;
    if (rebuilt) await this.writeIndex(rebuilt);
    return { index: rebuilt, problems: ['The list of workspaces could not be read; it was rebuilt.'] };
  }

  writeIndex(index: WorkspaceIndex): Promise<void> {
    return this.kv.set(INDEX, { version: 1, ...index });
  }

  /** One workspace and its file; whatever does not read is set aside and comes back as null. */
  async open(id: string): Promise<Opened> {
    const problems: string[] = [];
    let workspace: Workspace | null = null;
    let file: StoredFile | null = null;
    const raw = await this.kv.get(wsKey(id));
    if (raw !== undefined) {
      const read = migrate(raw);
      if (read.ok) workspace = read.value.workspace;
      else {
        await this.setAside(wsKey(id), raw, read.reason);
        problems.push(`The saved workspace could not be read (${read.reason}).`);
      }
    }
    const rawFile = await this.kv.get(fileKey(id));
    if (rawFile !== undefined) {
      const read = readFileRecord(rawFile);
      if (read.ok) file = read.value;
      else {
        await this.setAside(fileKey(id), rawFile, `not a stored file: ${read.reason}`);
        problems.push(`The saved portfolio file could not be read (${read.reason}).`);
      }
    }
    // a migrated first-version workspace carries its file inline: move it under its own key
    const portfolio = workspace?.portfolio;
    if (workspace && portfolio && (portfolio.base64 !== undefined || portfolio.parts !== undefined)) {
      const inline = fileOf(portfolio);
      if (!inline.ok) problems.push(`The saved portfolio could not be read (${inline.reason}).`);
      else if (inline.value && !file) {
        file = inline.value;
        await this.saveFile(id, file);
      }
      workspace = { ...workspace, portfolio: { fileName: portfolio.fileName, sample: portfolio.sample } };
    }
    return { workspace, file, problems };
  }

  saveWorkspace(id: string, workspace: Workspace): Promise<void> {
    // bytes never go into the small envelope that is rewritten on every slider move
    const { portfolio } = workspace;
    const lean = portfolio ? { ...workspace, portfolio: { fileName: portfolio.fileName, sample: portfolio.sample } } : workspace;
    return this.kv.set(wsKey(id), envelope(lean, this.now()));
  }

  saveFile(id: string, file: StoredFile): Promise<void> {
    return this.kv.set(fileKey(id), fileRecord(file));
  }

  async remove(id: string): Promise<void> {
    await this.kv.del(wsKey(id));
    await this.kv.del(fileKey(id));
  }

  /** Moves a value that failed to read out of the way: the next start is clean, the data is kept. */
  async setAside(key: string, raw: unknown, reason: string): Promise<void> {
    try {
      await this.kv.set(`aside:${this.now()}:${key}`, { key, reason, raw });
    } catch {
      // a value the store cannot even clone back: its reason is still reported
    }
    await this.kv.del(key);
  }

  async asideItems(): Promise<SetAside[]> {
    const items: SetAside[] = [];
    for (const key of (await this.kv.keys()).filter((k) => k.startsWith('aside:'))) {
      const value = await this.kv.get(key);
      items.push(isRecord(value) && typeof value.key === 'string' ? { key: value.key, reason: String(value.reason), raw: value.raw } : { key, reason: 'unknown', raw: value });
    }
    return items;
  }

  async discardAside(): Promise<void> {
    for (const key of (await this.kv.keys()).filter((k) => k.startsWith('aside:'))) await this.kv.del(key);
  }
}

/** Set-aside data as JSON for download: bytes as base64, anything else that JSON cannot hold as text. */
export function asideToJson(items: SetAside[]): string {
  return JSON.stringify(
    { format: 'margin-radar/set-aside', items },
    (_key, value: unknown) => {
      if (value instanceof ArrayBuffer) value = new Uint8Array(value);
      if (value instanceof Uint8Array) return { base64: bytesToBase64(value) };
      if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') return String(value);
      return value;
    },
    2,
  );
}
