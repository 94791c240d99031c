/**
 * The buffers of the typed arrays in a reply, so the worker moves them to the page instead of
 * copying (chart series). Walks plain objects and arrays a few levels deep; each buffer once.
 */
export function transferablesOf(value: unknown, depth = 5): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const walk = (v: unknown, level: number) => {
    if (v === null || typeof v !== 'object' || level > depth) return;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) found.add(v.buffer);
      return;
    }
    if (Array.isArray(v)) {
      // arrays of strings or numbers hold no buffers; only look into arrays of objects
      if (v.length > 0 && typeof v[0] === 'object') for (const item of v) walk(item, level + 1);
      return;
    }
    for (const item of Object.values(v)) walk(item, level + 1);
  };
  walk(value, 0);
  return [...found];
}
