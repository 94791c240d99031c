/** Bytes <-> base64 for the workspace file (JSON carries the portfolio's bytes exactly as they were). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // chunks keep String.fromCharCode's argument list short on large files
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** null when the text is not base64 */
export function base64ToBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
