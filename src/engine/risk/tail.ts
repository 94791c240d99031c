/**
 * Tail statistics of a loss sample (float64). The convention, stated once for the code, the UI and
 * docs/risk.md:
 *
 * With N scenario losses L (loss = -PnL, positive is a loss) and confidence α, let m = ⌈N(1-α)⌉
 * (at least 1). VaR_α is the m-th largest loss and ES_α is the mean of the m largest losses.
 * So ES ≥ VaR always, and with N = 10,000 at α = 99% both use the 100 worst paths.
 */

export const QUANTILE_CONVENTION =
  'loss = −PnL; with N scenarios and m = ⌈N(1−α)⌉, VaR is the m-th largest loss and ES the mean of the m largest losses';

/** m = ⌈N(1-α)⌉, robust to 10000 × 0.01 = 100.00000000000001. */
export function tailCount(n: number, confidence: number): number {
  return Math.max(1, Math.ceil(n * (1 - confidence) - 1e-9));
}

export interface Tail {
  var: number;
  es: number;
}

/** VaR and ES from the largest losses sorted descending (at least m of them). */
export function tailFromWorst(worstDescending: ArrayLike<number>, n: number, confidence: number): Tail {
  const m = Math.min(tailCount(n, confidence), worstDescending.length);
  let sum = 0;
  for (let i = 0; i < m; i++) sum += worstDescending[i]!;
  return { var: worstDescending[m - 1]!, es: sum / m };
}

/**
 * The k largest values seen, kept in a min-heap inside a slice of a shared Float64Array: units
 * × k floats for a whole book, instead of units × paths.
 */
export function heapOffer(heap: Float64Array, offset: number, size: number, k: number, value: number): number {
  if (size < k) {
    let i = size;
    heap[offset + i] = value;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[offset + parent]! <= heap[offset + i]!) break;
      swap(heap, offset + parent, offset + i);
      i = parent;
    }
    return size + 1;
  }
  if (value <= heap[offset]!) return size;
  heap[offset] = value;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    if (l < k && heap[offset + l]! < heap[offset + smallest]!) smallest = l;
    if (r < k && heap[offset + r]! < heap[offset + smallest]!) smallest = r;
    if (smallest === i) break;
    swap(heap, offset + i, offset + smallest);
    i = smallest;
  }
  return size;
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

export function sortedDescending(values: ArrayLike<number>, from = 0, count = values.length): Float64Array {
  const out = Float64Array.from({ length: count }, (_, i) => values[from + i]!);
  out.sort();
  out.reverse();
  return out;
}
