/**
 * The venue parameter files a workspace loaded (tier brackets, OKX tiers and contract values, Aave
 * reserves), kept as the user's own text in the workspace extras under `venueParams`, in a versioned
 * envelope of its own, and replayed in order on restore so the figures keep using them. Reading is
 * strict: anything else is refused with a reason and set aside by the caller.
 */
import type { Json, Read } from './schema';
import { isRecord } from './schema';

export const VENUE_PARAMS_EXTRA = 'venueParams';
export const VENUE_PARAMS_FORMAT = 'margin-radar/venue-params';
export const VENUE_PARAMS_VERSION = 1;

export interface StoredParamFile {
  fileName: string;
  text: string;
}

export function venueParamsJson(files: readonly StoredParamFile[]): Json {
  return { format: VENUE_PARAMS_FORMAT, version: VENUE_PARAMS_VERSION, files: files.map((f) => ({ fileName: f.fileName, text: f.text })) };
}

/** The files in the order they were loaded; none when the workspace has no entry. */
export function readVenueParams(raw: unknown): Read<StoredParamFile[]> {
  if (raw === undefined) return { ok: true, value: [] };
  if (!isRecord(raw) || raw.format !== VENUE_PARAMS_FORMAT) return { ok: false, reason: `venueParams: expected format "${VENUE_PARAMS_FORMAT}"` };
  if (raw.version !== VENUE_PARAMS_VERSION) return { ok: false, reason: `venueParams: version ${JSON.stringify(raw.version)} is not one this app reads (${VENUE_PARAMS_VERSION})` };
  if (!Array.isArray(raw.files)) return { ok: false, reason: 'venueParams.files: expected a list' };
  const files: StoredParamFile[] = [];
  for (const [i, f] of raw.files.entries()) {
    if (!isRecord(f) || typeof f.fileName !== 'string' || f.fileName === '' || typeof f.text !== 'string') {
      return { ok: false, reason: `venueParams.files[${i}]: expected { fileName, text } as text` };
    }
    files.push({ fileName: f.fileName, text: f.text });
  }
  return { ok: true, value: files };
}

/**
 * What to keep after the engine accepted `added`: the files before it, then these. Later files
 * replace earlier ones symbol by symbol in the engine too, so replaying the list in order gives the
 * same tables; a file loaded again with the same name and text moves to the end instead of repeating.
 */
export function withLoadedParams(stored: readonly StoredParamFile[], added: readonly StoredParamFile[]): StoredParamFile[] {
  const again = (f: StoredParamFile) => added.some((a) => a.fileName === f.fileName && a.text === f.text);
  return [...stored.filter((f) => !again(f)), ...added];
}
