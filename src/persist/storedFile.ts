/**
 * The portfolio a workspace keeps: one file (with the column mapping it loaded with, if the mapping
 * step gave one) or several files loaded together as one portfolio (each with its own mapping). In
 * IndexedDB the bytes are kept as they are; in a workspace file each file's bytes travel in base64.
 * Reading is strict and never throws: a reason names the field that is wrong.
 */
import { base64ToBytes, bytesToBase64 } from './base64';
import { isRecord, readMapping, short, type ColumnMapping, type Read, type StoredPortfolio } from './schema';

/** One of several files loaded together. */
export interface StoredPart {
  fileName: string;
  bytes: Uint8Array;
  mapping?: ColumnMapping;
}

export interface SingleFile {
  fileName: string;
  /** the shipped sample's file name, '' for the user's own file */
  sample: string;
  bytes: Uint8Array;
  /** the column mapping the file loaded with (headers the importer does not know by name) */
  mapping?: ColumnMapping;
}

export interface MultiFile {
  /** the parts' names joined with " + ", as the page shows the loaded portfolio */
  fileName: string;
  sample: string;
  parts: StoredPart[];
}

export type StoredFile = SingleFile | MultiFile;

export function isMultiFile(file: StoredFile): file is MultiFile {
  return 'parts' in file;
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function readBytes(x: unknown): Uint8Array | null {
  return x instanceof Uint8Array ? x : x instanceof ArrayBuffer ? new Uint8Array(x) : null;
}

/** `mapping` only when there is one, so a file without one compares equal to the plain record. */
function withMapping<T extends object>(value: T, mapping: ColumnMapping | undefined): T & { mapping?: ColumnMapping } {
  return mapping ? { ...value, mapping } : value;
}

function readOptionalMapping(x: unknown, where: string): Read<ColumnMapping | undefined> {
  return x === undefined ? { ok: true, value: undefined } : readMapping(x, where);
}

/** The record under `file:<id>` in IndexedDB (a structured clone: bytes are bytes). */
export function readFileRecord(raw: unknown): Read<StoredFile> {
  if (!isRecord(raw)) return fail(`expected a stored file, found ${short(raw)}`);
  if (typeof raw.fileName !== 'string' || raw.fileName === '') return fail(`fileName: expected a file name, found ${short(raw.fileName)}`);
  if (typeof raw.sample !== 'string') return fail(`sample: expected text, found ${short(raw.sample)}`);
  const { fileName, sample } = raw;
  if (raw.parts !== undefined) {
    if (raw.bytes !== undefined || raw.mapping !== undefined) return fail('parts: a portfolio of several files keeps its bytes and mappings per part');
    if (!Array.isArray(raw.parts) || raw.parts.length === 0) return fail(`parts: expected a non-empty list of files, found ${short(raw.parts)}`);
    const parts: StoredPart[] = [];
    for (const [i, part] of raw.parts.entries()) {
      const where = `parts[${i}]`;
      if (!isRecord(part)) return fail(`${where}: expected { fileName, bytes }, found ${short(part)}`);
      if (typeof part.fileName !== 'string' || part.fileName === '') return fail(`${where}.fileName: expected a file name, found ${short(part.fileName)}`);
      const bytes = readBytes(part.bytes);
      if (!bytes) return fail(`${where}.bytes: expected the file's bytes, found ${short(part.bytes)}`);
      const mapping = readOptionalMapping(part.mapping, `${where}.mapping`);
      if (!mapping.ok) return mapping;
      parts.push(withMapping({ fileName: part.fileName, bytes }, mapping.value));
    }
    return { ok: true, value: { fileName, sample, parts } };
  }
  const bytes = readBytes(raw.bytes);
  if (!bytes) return fail(`bytes: expected the file's bytes, found ${short(raw.bytes)}`);
  const mapping = readOptionalMapping(raw.mapping, 'mapping');
  if (!mapping.ok) return mapping;
  return { ok: true, value: withMapping({ fileName, sample, bytes }, mapping.value) };
}

/** What `saveFile` writes: only the fields above, so nothing else a caller carries is cloned. */
export function fileRecord(file: StoredFile): Record<string, unknown> {
  const { fileName, sample } = file;
  if (isMultiFile(file)) {
    return { fileName, sample, parts: file.parts.map((p) => withMapping({ fileName: p.fileName, bytes: p.bytes }, p.mapping)) };
  }
  return withMapping({ fileName, sample, bytes: file.bytes }, file.mapping);
}

/** The portfolio as a workspace file carries it: every file's bytes in base64, with its mapping. */
export function portfolioOf(file: StoredFile): StoredPortfolio {
  const { fileName, sample } = file;
  if (isMultiFile(file)) {
    return { fileName, sample, parts: file.parts.map((p) => withMapping({ fileName: p.fileName, base64: bytesToBase64(p.bytes) }, p.mapping)) };
  }
  return withMapping({ fileName, sample, base64: bytesToBase64(file.bytes) }, file.mapping);
}

/**
 * The file a portfolio carries inline (a workspace file, a migrated first version), or null when it
 * carries none (the lean envelope saved in IndexedDB). `where` prefixes every reason.
 */
export function fileOf(portfolio: StoredPortfolio, where = 'workspace.portfolio'): Read<StoredFile | null> {
  const { fileName, sample } = portfolio;
  if (portfolio.parts) {
    const parts: StoredPart[] = [];
    for (const [i, part] of portfolio.parts.entries()) {
      const bytes = base64ToBytes(part.base64);
      if (!bytes) return fail(`${where}.parts[${i}].base64: not base64`);
      parts.push(withMapping({ fileName: part.fileName, bytes }, part.mapping));
    }
    return { ok: true, value: { fileName, sample, parts } };
  }
  if (portfolio.base64 === undefined) return { ok: true, value: null };
  const bytes = base64ToBytes(portfolio.base64);
  if (!bytes) return fail(`${where}.base64: not base64`);
  return { ok: true, value: withMapping({ fileName, sample, bytes }, portfolio.mapping) };
}
