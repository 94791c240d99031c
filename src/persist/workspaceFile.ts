/**
 * The workspace file a user exports and imports: the envelope as JSON, the portfolio's bytes in
 * base64 with the column mapping it loaded with, or each part's when several files were loaded together.
 */
import { migrate } from './migrations';
import { envelope, type Read, type Workspace } from './schema';
import { fileOf, portfolioOf, type StoredFile } from './storedFile';

export function workspaceFileText(workspace: Workspace, file: StoredFile | null, savedAt: string): string {
  return `${JSON.stringify(envelope({ ...workspace, portfolio: file ? portfolioOf(file) : null }, savedAt), null, 2)}\n`;
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
  const file = fileOf(portfolio);
  if (!file.ok) return { ok: false, reason: `${fileName}: ${file.reason}` };
  if (!file.value) return { ok: false, reason: `${fileName}: workspace.portfolio.base64: the portfolio's bytes are missing` };
  const { fileName: name, sample } = portfolio;
  return { ok: true, value: { workspace: { ...rest, portfolio: { fileName: name, sample } }, file: file.value } };
}
