/** The workspace file a user exports and imports: the envelope as JSON, the portfolio's bytes in base64. */
import { base64ToBytes, bytesToBase64 } from './base64';
import { migrate } from './migrations';
import { envelope, type Read, type Workspace } from './schema';
import type { StoredFile } from './repository';

export function workspaceFileText(workspace: Workspace, file: StoredFile | null, savedAt: string): string {
  const portfolio = file ? { fileName: file.fileName, sample: file.sample, base64: bytesToBase64(file.bytes) } : null;
  return `${JSON.stringify(envelope({ ...workspace, portfolio }, savedAt), null, 2)}\n`;
}

export function readWorkspaceFile(fileName: string, text: string): Read<{ workspace: Workspace; file: StoredFile | null }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `${fileName}: not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const read = migrate(raw);
  if (!read.ok) return { ok: false, reason: `${fileName}: ${read.reason}` };
  const { portfolio, ...rest } = read.value.workspace;
  if (!portfolio) return { ok: true, value: { workspace: { ...rest, portfolio: null }, file: null } };
  if (portfolio.base64 === undefined) return { ok: false, reason: `${fileName}: workspace.portfolio.base64: the portfolio's bytes are missing` };
  const bytes = base64ToBytes(portfolio.base64);
  if (!bytes) return { ok: false, reason: `${fileName}: workspace.portfolio.base64: not base64` };
  const { fileName: name, sample } = portfolio;
  return { ok: true, value: { workspace: { ...rest, portfolio: { fileName: name, sample } }, file: { fileName: name, sample, bytes } } };
}
