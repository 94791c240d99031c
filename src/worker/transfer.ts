/** The buffers of typed arrays in a reply (two levels deep: `total`, `units[].pnl`), moved instead of copied. */
export function transferablesOf(value: unknown, depth = 3): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) return value.buffer instanceof ArrayBuffer ? [value.buffer] : [];
  if (depth === 0 || typeof value !== 'object' || value === null) return [];
  const children = Array.isArray(value) ? value : Object.values(value);
  return [...new Set(children.flatMap((child) => transferablesOf(child, depth - 1)))];
}
