/**
 * A dropped or chosen file on its way in: previewed in the worker first; a file whose required
 * columns cannot be placed opens the mapping step instead of being refused; a remembered mapping for
 * the same header set is applied straight away. Nothing replaces the portfolio until Load.
 */
import { useAppStore } from '../../store';
import { engineCall, loadContent, loadContents, readPickedFile } from '../../store/engineSync';
import { CANCELLED_MESSAGE } from '../../worker/supervisor';
import type { ColumnMapping, CsvPreview } from '../../worker/protocol';
import { batchContents, nextUnmapped, planFile, type BatchFile } from './mappingBatch';
import { localMappingStorage, type MappingStorage } from './mappingStorage';
import { useMappingStore } from './mappingState';

type Column = keyof ColumnMapping;

let storage: MappingStorage = localMappingStorage();
/** the bytes of the file in the mapping step; every send is a copy, since a load transfers its buffer */
let bytes: ArrayBuffer | null = null;
let checkSeq = 0;
/** several files dropped together, while one of them is in the step (mappingBatch.ts) */
let batch: Array<BatchFile & { needsStep: boolean }> | null = null;

/** Swaps the storage (the IndexedDB persistence can plug in here). */
export function setMappingStorage(next: MappingStorage): void {
  storage = next;
}

function close(): void {
  useMappingStore.setState({ open: false, offer: false, preview: null, check: { status: 'idle' }, remembered: false, batch: null });
  bytes = null;
  batch = null;
}

export async function openFiles(files: readonly File[]): Promise<void> {
  if (files.length === 1) await openFile(files[0]!);
  else if (files.length > 1) await openBatch(files);
}

/** The worker's preview of a CSV file; null for JSON or an unreadable file; 'cancelled' after Cancel. */
async function previewOf(fileName: string, content: ArrayBuffer): Promise<CsvPreview | null | 'cancelled'> {
  try {
    const outcome = await engineCall('previewFile', { fileName, content: content.slice(0) });
    return outcome.ok && outcome.preview.format === 'csv' ? outcome.preview : null;
  } catch (e) {
    if (e instanceof Error && e.message === CANCELLED_MESSAGE) {
      useAppStore.getState().loadRefused({ fileName, errors: [{ file: fileName, line: 0, column: '', value: '', message: CANCELLED_MESSAGE }] });
      return 'cancelled';
    }
    // otherwise the normal load says what is wrong with the file
    return null;
  }
}

/** Several files: each previewed; those with unplaced required columns go through the step in turn. */
async function openBatch(files: readonly File[]): Promise<void> {
  close();
  const planned: Array<BatchFile & { needsStep: boolean }> = [];
  for (const file of files) {
    const content = await readPickedFile(file);
    if (content === null) return;
    const preview = await previewOf(file.name, content);
    if (preview === 'cancelled') return;
    planned.push(planFile(file.name, content, preview, (key) => storage.get(key)));
  }
  batch = planned;
  await continueBatch();
}

/** Opens the step for the next file that needs it, or loads the whole batch as one portfolio. */
async function continueBatch(): Promise<void> {
  const files = batch;
  if (!files) return;
  const next = nextUnmapped(files);
  const file = files[next];
  if (file?.preview) {
    bytes = file.content;
    const others = files.filter((_, i) => i !== next).map((f) => f.fileName);
    useMappingStore.setState({ preview: file.preview, mapping: file.preview.suggestion, open: true, offer: false, remembered: false, batch: { position: next + 1, count: files.length, others } });
    await checkMapping();
    return;
  }
  const loaded = await loadContents(batchContents(files));
  if (loaded) for (const f of files) if (f.chosen && f.preview && f.mapping) storage.set(f.preview.key, f.mapping);
  close();
}

export async function openFile(file: File): Promise<void> {
  const content = await readPickedFile(file);
  if (content === null) return;
  close();
  const preview = await previewOf(file.name, content);
  if (preview === 'cancelled') return;
  if (!preview) {
    await loadContent(file.name, content);
    return;
  }
  bytes = content;
  const saved = storage.get(preview.key);
  if (saved) {
    useMappingStore.setState({ preview, mapping: saved, remembered: true, offer: true });
    await loadContent(file.name, content.slice(0), '', saved);
    return;
  }
  if (preview.missing.length > 0) {
    useMappingStore.setState({ preview, mapping: preview.suggestion, open: true });
    await checkMapping();
    return;
  }
  // every required column is placed: load as before, and say which headers were left unused
  useMappingStore.setState({ preview, mapping: preview.suggestion, offer: preview.unplaced.length > 0 });
  await loadContent(file.name, content.slice(0));
}

/** The importer run on the mapped file in the worker; the loaded portfolio stays as it is. */
export async function checkMapping(): Promise<void> {
  const { preview, mapping } = useMappingStore.getState();
  if (!preview || !bytes) return;
  const seq = ++checkSeq;
  useMappingStore.setState({ check: { status: 'checking' } });
  try {
    const outcome = await engineCall('checkMapping', { fileName: preview.fileName, content: bytes.slice(0), mapping });
    if (seq !== checkSeq) return;
    useMappingStore.setState({ check: outcome.ok ? { status: 'ok', summary: outcome.summary, warnings: outcome.warnings } : { status: 'refused', errors: outcome.errors } });
  } catch (e) {
    if (seq !== checkSeq) return;
    const message = e instanceof Error ? e.message : String(e);
    useMappingStore.setState({ check: { status: 'refused', errors: [{ file: preview.fileName, line: 0, column: '', value: '', message }] } });
  }
}

export function chooseHeader(column: Column, header: string): void {
  const mapping: ColumnMapping = { ...useMappingStore.getState().mapping };
  if (header === '') delete mapping[column];
  else {
    // one header feeds one column: choosing it here frees it elsewhere
    for (const key of Object.keys(mapping) as Column[]) if (mapping[key] === header) delete mapping[key];
    mapping[column] = header;
  }
  useMappingStore.setState({ mapping });
  void checkMapping();
}

/** Reopens the step for the file just loaded (its columns were not all used, or a remembered mapping applied). */
export function reviewMapping(): void {
  if (!useMappingStore.getState().preview || !bytes) return;
  useMappingStore.setState({ open: true, offer: false });
  void checkMapping();
}

export async function loadMapped(): Promise<void> {
  const { preview, mapping } = useMappingStore.getState();
  if (!preview || !bytes) return;
  const inBatch = batch?.find((f) => f.preview === preview);
  if (inBatch) {
    // one of several: it loads with the others once every file has its mapping
    inBatch.mapping = mapping;
    inBatch.chosen = true;
    await continueBatch();
    return;
  }
  const loaded = await loadContent(preview.fileName, bytes.slice(0), '', mapping);
  if (loaded) {
    storage.set(preview.key, mapping);
    close();
  }
}

export const cancelMapping = close;
