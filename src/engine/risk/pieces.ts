import type { FastBook } from '../fast/book';
import { linearSegments } from '../liquidation';
import type { PreparedRow } from '../rows';

/**
 * Maintenance margin of one unit × underlying as a piecewise function of the price ratio x:
 * MM(x) = a + b·x + c/x on each piece, piece k for from[k] < x ≤ from[k+1] (the first from 0).
 * Rows add events: their first piece at 0 (absolute), then the change at each of their breaks;
 * `merge` sums them over the union of the breaks (float64 statistics, see exposure.ts).
 */
export class PieceEvents {
  from: number[] = [];
  a: number[] = [];
  b: number[] = [];
  c: number[] = [];

  push(from: number, a: number, b: number, c = 0): void {
    this.from.push(from);
    this.a.push(a);
    this.b.push(b);
    this.c.push(c);
  }

  get size(): number {
    return this.from.length;
  }
}

/**
 * A fast-path linear row (book.ts RowKind.Linear): MM = max(0, N·mmr − cum) with N = |q·cs|·mark·x
 * (times `keep`, the share a cut leaves) and the tier by N (tiers.ts tierFor: the first tier with N ≤ cap, past the last the last), or the
 * row's fixed rates; the same pieces as liquidation.ts tierSegments, in float64.
 */
export function fastLinearEvents(book: FastBook, i: number, sink: PieceEvents, keep = 1): void {
  // keep: the share of the size a cut leaves (1: none); the tier follows the smaller notional
  const p = Math.abs(book.rowQcs[i]!) * book.rowMark[i]! * keep;
  if (!(p > 0)) return;
  const t = book.rowTable[i]!;
  let prevA = 0;
  let prevB = 0;
  const add = (from: number, a: number, b: number) => {
    sink.push(from, a - prevA, b - prevB);
    prevA = a;
    prevB = b;
  };
  const tier = (from: number, to: number, mmr: number, cum: number) => {
    const slope = p * mmr;
    // MM = slope·x − cum leaves zero at x = cum / slope
    const kink = slope > 0 ? cum / slope : Infinity;
    if (kink >= to) add(from, 0, 0);
    else if (kink <= from) add(from, -cum, slope);
    else {
      add(from, 0, 0);
      add(kink, -cum, slope);
    }
  };
  if (t < 0) {
    tier(0, Infinity, book.rowMmr[i]!, book.rowCum[i]!);
    return;
  }
  const first = book.tableStart[t]!;
  const last = book.tableStart[t + 1]! - 1;
  for (let j = first; j <= last; j++) {
    const from = j === first ? 0 : book.tierCap[j - 1]! / p;
    const to = j === last ? Infinity : book.tierCap[j]! / p;
    tier(from, to, book.tierMmr[j]!, book.tierCum[j]!);
  }
}

/**
 * A perp or future the fast path leaves to the decimal engine (inverse contracts, Deribit's
 * size-scaled rates with their c/x term, margin on the entry value, a fee on top of tiers): the
 * decimal engine's own closed-form pieces (liquidation.ts linearSegments), converted once.
 * Returns the row's balance as a + b·x (its c/x parts cancel: they are in MM only).
 */
export function exactLinearEvents(row: PreparedRow, sink: PieceEvents): { a: number; b: number } {
  const segments = linearSegments(row, row.mark);
  let prev = { a: 0, b: 0, c: 0 };
  for (const s of segments) {
    const mm = { a: s.piece.mm.a.toNumber(), b: s.piece.mm.b.toNumber(), c: s.piece.mm.c.toNumber() };
    sink.push(s.from.toNumber(), mm.a - prev.a, mm.b - prev.b, mm.c - prev.c);
    prev = mm;
  }
  const first = segments[0]!.piece;
  return { a: first.f.a.plus(first.mm.a).toNumber(), b: first.f.b.plus(first.mm.b).toNumber() };
}

export interface MergedPieces {
  from: Float64Array;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

/** Sums the events over the sorted union of their breaks; the first piece starts at 0. */
export function mergeEvents(ev: PieceEvents): MergedPieces {
  const n = ev.size;
  const breaks = Float64Array.from(ev.from);
  breaks.sort();
  let unique = 1; // breaks[0] is 0 or more; a 0 is always the first break
  const at = new Float64Array(n + 1);
  at[0] = 0;
  for (let i = 0; i < n; i++) if (breaks[i]! > at[unique - 1]!) at[unique++] = breaks[i]!;
  const a = new Float64Array(unique);
  const b = new Float64Array(unique);
  const c = new Float64Array(unique);
  for (let e = 0; e < n; e++) {
    const f = ev.from[e]!;
    let lo = 0;
    let hi = unique - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid]! <= f) lo = mid;
      else hi = mid - 1;
    }
    a[lo]! += ev.a[e]!;
    b[lo]! += ev.b[e]!;
    c[lo]! += ev.c[e]!;
  }
  for (let k = 1; k < unique; k++) {
    a[k]! += a[k - 1]!;
    b[k]! += b[k - 1]!;
    c[k]! += c[k - 1]!;
  }
  return { from: at.slice(0, unique), a, b, c };
}
