import { IMPORT_LIMITS } from './types';

export type Decoded = { ok: true; text: string } | { ok: false; line: number; message: string };

/** The physical line of a character: CRLF, LF and a lone CR each end a line, as in the CSV reader. */
function lineAt(text: string, index: number): number {
  return text.slice(0, index).replace(/\r\n?/g, '\n').split('\n').length;
}

/**
 * Bytes to text: UTF-8 only (with or without BOM). A UTF-16 file, a binary file or invalid UTF-8
 * is refused with the line where it goes wrong.
 */
export function decodeContent(content: ArrayBuffer | Uint8Array | string): Decoded {
  if (typeof content === 'string') return checkText(content.replace(/^\uFEFF/, ''));
  const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);
  if (bytes.length > IMPORT_LIMITS.maxBytes) {
    return { ok: false, line: 0, message: `the file is ${bytes.length} bytes; the limit is ${IMPORT_LIMITS.maxBytes} bytes (64 MiB)` };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, line: 1, message: 'the file is UTF-16 text; expected UTF-8 (save it as "CSV UTF-8")' };
  }
  const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = lenient.indexOf('\uFFFD');
    return { ok: false, line: lineAt(lenient, Math.max(bad, 0)), message: 'the file is not valid UTF-8 text; expected UTF-8 (save it as "CSV UTF-8")' };
  }
  return checkText(lenient);
}

function checkText(text: string): Decoded {
  if (text.length > IMPORT_LIMITS.maxBytes) {
    return { ok: false, line: 0, message: `the file has ${text.length} characters; the limit is ${IMPORT_LIMITS.maxBytes}` };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { ok: false, line: lineAt(text, nul), message: 'the file contains NUL bytes: it is binary; expected UTF-8 CSV text' };
  return { ok: true, text };
}
