/**
 * The k largest values offered to each of many stores (float64 statistics): per unit its k worst
 * losses, per underlying its k most extreme end ratios. Every store keeps the same multiset a heap
 * of the k largest would keep, but by appending: a value that beats the store's cut is written at
 * the end of its slice, and when the slice is full a selection (quickselect) keeps the k largest and
 * raises the cut to the smallest of them. A heap sifts every accepted value down log k levels with
 * unpredictable branches; here an accepted value costs one write, and each selection, linear in
 * the slice, pays for the (slice − k) values appended before it.
 *
 * Which of two equal values is kept cannot matter: only the values are read (`largest`).
 */
export interface TopK {
  k: number;
  /** slots per store: values of store h are in values[h·cap .. h·cap + size[h]) */
  cap: number;
  values: Float64Array;
  size: Int32Array;
  /** per store: values at or below it cannot be among the k largest (−∞ until the first selection) */
  cut: Float64Array;
}

export function createTopK(stores: number, k: number): TopK {
  // room for 4k more than k (at least 64, at most 8,192 more): a store of N offers accepts about
  // k·(1 + ln(N/k)) of them, so most stores see one selection before the end, none or one more
  const cap = k + Math.max(64, Math.min(4 * k, 8192));
  return { k, cap, values: new Float64Array(stores * cap), size: new Int32Array(stores), cut: new Float64Array(stores).fill(-Infinity) };
}

/** Offers v to store h. Callers test `v > top.cut[h]` first to skip the call in the common case. */
export function offerTop(top: TopK, h: number, v: number): void {
  if (!(v > top.cut[h]!)) return;
  const at = h * top.cap;
  const size = top.size[h]!;
  top.values[at + size] = v;
  if (size + 1 < top.cap) {
    top.size[h] = size + 1;
    return;
  }
  selectLargest(top.values, at, at + top.cap, top.k);
  let cut = Infinity;
  for (let i = at; i < at + top.k; i++) if (top.values[i]! < cut) cut = top.values[i]!;
  top.size[h] = top.k;
  top.cut[h] = cut;
}

/** Store h's largest values, at most k of them, sorted descending (a new array). */
export function largest(top: TopK, h: number): Float64Array {
  const at = h * top.cap;
  const size = top.size[h]!;
  if (size > top.k) selectLargest(top.values, at, at + size, top.k);
  const out = top.values.slice(at, at + Math.min(size, top.k));
  out.sort();
  out.reverse();
  return out;
}

/**
 * Rearranges a[from .. to) so that its k largest values are in a[from .. from + k), in no order
 * (Hoare's FIND / quickselect with a median-of-three pivot).
 */
export function selectLargest(a: Float64Array, from: number, to: number, k: number): void {
  let lo = from;
  let hi = to - 1;
  const want = from + k - 1; // the k-th largest belongs here, the larger ones before it
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // median of three, descending: a[lo] ≥ a[mid] ≥ a[hi]
    if (a[mid]! > a[lo]!) swap(a, mid, lo);
    if (a[hi]! > a[lo]!) swap(a, hi, lo);
    if (a[hi]! > a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // a[lo .. j] ≥ pivot ≥ a[i .. hi], and a[j+1 .. i-1] (if any) equal the pivot
    if (want <= j) hi = j;
    else if (want >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
