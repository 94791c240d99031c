/**
 * The walk behind fast/liquidation.ts: MB - MM of one unit's moving rows as x scales their marks,
 * piece by piece outwards from x = 1 (float64, see liquidation.ts for the definitions it matches).
 */
import type { FastBook } from './book';

/** A root this close (relative) outside its piece is the piece's edge, rounded the other way. */
const SLACK = 1e-12;

/** Reusable per-row state of the moving rows of one solve (sized to the largest unit). */
export class Movers {
  count = 0;
  /** balance at x = 1 and its slope in x */
  bal1: Float64Array;
  balSlope: Float64Array;
  /** notional (or debt) at x = 1: MM pieces have slope n1 * mmr */
  n1: Float64Array;
  /** 0 linear with rates, 1 lending debt (MM = debt), 2 no MM (spot) */
  mode: Uint8Array;
  /** tier table, or -1 for fixed rates */
  table: Int32Array;
  mmr: Float64Array;
  cum: Float64Array;
  /** the tier the current piece is in */
  tier: Int32Array;
  /** the mover's current piece: MB - MM = fa + fb x, MM = ma + mb x */
  fa: Float64Array;
  fb: Float64Array;
  ma: Float64Array;
  mb: Float64Array;
  /** the mover's next break in the search's direction (Infinity going up, 0 going down: none) */
  next: Float64Array;
  /** an upper bound of the mover's MM rate over the rest of the search (see Solver.bounded) */
  boundMmr: Float64Array;
  /** a binary heap of movers by their next break, nearest first */
  heap: Int32Array;
  heapSize = 0;

  constructor(n: number) {
    this.bal1 = new Float64Array(n);
    this.balSlope = new Float64Array(n);
    this.n1 = new Float64Array(n);
    this.mode = new Uint8Array(n);
    this.table = new Int32Array(n);
    this.mmr = new Float64Array(n);
    this.cum = new Float64Array(n);
    this.tier = new Int32Array(n);
    this.fa = new Float64Array(n);
    this.fb = new Float64Array(n);
    this.ma = new Float64Array(n);
    this.mb = new Float64Array(n);
    this.next = new Float64Array(n);
    this.heap = new Int32Array(n);
    this.boundMmr = new Float64Array(n);
  }
}

/**
 * Walks MB - MM of one unit outwards from x = 1, piece by piece: each mover keeps its own piece
 * and next break; a heap gives the nearest break, and only the movers that cross it change the
 * sum. Cost per search: (breaks passed) x log(movers).
 */
export class Solver {
  private readonly m: Movers;
  private up = true;
  // the sum of the movers' pieces
  private fa = 0;
  private fb = 0;
  private ma = 0;
  private mb = 0;

  /** per tier table: the largest MM rate and the largest -cum (MM <= notional * rate + that) */
  private readonly tableMaxMmr: Float64Array;
  private readonly tableNegCum: Float64Array;
  // the bounds' lines: U(x) = ua + ub x >= MB - MM >= U(x) - (la + lb x) = L(x)
  private ua = 0;
  private ub = 0;
  private la = 0;
  private lb = 0;

  constructor(
    private readonly book: FastBook,
    size: number,
  ) {
    this.m = new Movers(size);
    const tables = book.tableStart.length - 1;
    this.tableMaxMmr = new Float64Array(tables);
    this.tableNegCum = new Float64Array(tables);
    for (let t = 0; t < tables; t++) {
      for (let j = book.tableStart[t]!; j < book.tableStart[t + 1]!; j++) {
        this.tableMaxMmr[t] = Math.max(this.tableMaxMmr[t]!, book.tierMmr[j]!);
        this.tableNegCum[t] = Math.max(this.tableNegCum[t]!, -book.tierCum[j]!);
      }
    }
  }

  /**
   * Whether MB - MM keeps one sign over the rest of the search, from `at` to `end` (0 going down,
   * the limit or Infinity going up), so no root can be left: MM is at least 0 and at most
   * n1 * x * (the largest rate ahead) + max(0, -cum), which puts MB - MM between two lines. Going up
   * a tier table can reach its last rate; going down rates only fall, so the current one bounds.
   */
  private bounded(at: number, end: number): boolean {
    const uAt = this.ua + this.ub * at;
    const lAt = uAt - this.la - this.lb * at;
    if (end === Infinity) return (lAt > 0 && this.ub - this.lb >= 0) || (uAt < 0 && this.ub <= 0);
    const uEnd = this.ua + this.ub * end;
    const lEnd = uEnd - this.la - this.lb * end;
    return (lAt > 0 && lEnd >= 0) || (uAt < 0 && uEnd <= 0);
  }

  /** Mover r's bound on its MM: rate and constant (see bounded). */
  private moverBound(r: number): void {
    const m = this.m;
    if (m.mode[r] === 2) {
      m.boundMmr[r] = 0;
      return;
    }
    if (m.mode[r] === 1) {
      m.boundMmr[r] = 1;
      return;
    }
    const t = m.table[r]!;
    m.boundMmr[r] = t < 0 ? m.mmr[r]! : this.up ? this.tableMaxMmr[t]! : this.book.tierMmr[m.tier[r]!]!;
  }

  /** The largest MM rate mover r can have anywhere. */
  private loosestMmr(r: number): number {
    const m = this.m;
    if (m.mode[r] !== 0) return m.mode[r] === 1 ? 1 : 0;
    const t = m.table[r]!;
    return t < 0 ? m.mmr[r]! : this.tableMaxMmr[t]!;
  }

  private negCumOf(r: number): number {
    const m = this.m;
    if (m.mode[r] !== 0) return 0;
    const t = m.table[r]!;
    return Math.max(0, t < 0 ? -m.cum[r]! : this.tableNegCum[t]!);
  }

  get movers(): Movers {
    return this.m;
  }

  private mmrOf(r: number): number {
    return this.m.table[r]! < 0 ? this.m.mmr[r]! : this.book.tierMmr[this.m.tier[r]!]!;
  }

  private cumOf(r: number): number {
    return this.m.table[r]! < 0 ? this.m.cum[r]! : this.book.tierCum[this.m.tier[r]!]!;
  }

  /** Where MM = n1 * mmr * x - cum leaves zero in the current tier (Infinity: never positive). */
  private kink(r: number): number {
    const slope = this.m.n1[r]! * this.mmrOf(r);
    return slope > 0 ? this.cumOf(r) / slope : Infinity;
  }

  /** x at which the current tier ends above (Infinity for the last tier or fixed rates). */
  private capAbove(r: number): number {
    const t = this.m.table[r]!;
    if (t < 0) return Infinity;
    const j = this.m.tier[r]!;
    return j < this.book.tableStart[t + 1]! - 1 ? this.book.tierCap[j]! / this.m.n1[r]! : Infinity;
  }

  /** x at which the current tier starts below (0 for the first tier or fixed rates). */
  private capBelow(r: number): number {
    const t = this.m.table[r]!;
    if (t < 0) return 0;
    const j = this.m.tier[r]!;
    return j > this.book.tableStart[t]! ? this.book.tierCap[j - 1]! / this.m.n1[r]! : 0;
  }

  /** Tier at x = 1 seen from above (up) or below (down): tiers.ts tierFor, the first tier with notional <= cap. */
  private placeTier(r: number): void {
    const t = this.m.table[r]!;
    if (t < 0) return;
    const { tableStart, tierCap } = this.book;
    const n = this.m.n1[r]!;
    const last = tableStart[t + 1]! - 1;
    let j = tableStart[t]!;
    // just above x = 1 a notional on a cap has left that tier
    while (j < last && (this.up ? n >= tierCap[j]! : n > tierCap[j]!)) j++;
    this.m.tier[r] = j;
  }

  /** Sets mover r's piece for the stretch next to `at` in the search's direction, and its next break. */
  private setPiece(r: number, at: number): void {
    const m = this.m;
    const slope = m.balSlope[r]!;
    let fa = m.bal1[r]! - slope;
    let fb = slope;
    let ma = 0;
    let mb = 0;
    let next = this.up ? Infinity : 0;
    if (m.mode[r] === 1) {
      fb -= m.n1[r]!;
      mb = m.n1[r]!;
    } else if (m.mode[r] === 0) {
      const k = this.kink(r);
      // MM is positive in the stretch when the stretch lies above the kink
      if (this.up ? at >= k : at > k) {
        const cum = this.cumOf(r);
        const b = m.n1[r]! * this.mmrOf(r);
        fa += cum;
        fb -= b;
        ma = -cum;
        mb = b;
      }
      if (this.up) {
        const cap = this.capAbove(r);
        next = k > at && k < cap ? k : cap;
      } else {
        const floor = this.capBelow(r);
        next = k < at && k > floor ? k : floor;
      }
    }
    m.fa[r] = fa;
    m.fb[r] = fb;
    m.ma[r] = ma;
    m.mb[r] = mb;
    m.next[r] = next;
  }

  // --- the heap: nearest next break first (smallest going up, largest going down)
  private before(a: number, b: number): boolean {
    const x = this.m.next[a]!;
    const y = this.m.next[b]!;
    return this.up ? x < y : x > y;
  }

  private siftDown(k: number): void {
    const { heap } = this.m;
    const n = this.m.heapSize;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= n) return;
      const c = l + 1 < n && this.before(heap[l + 1]!, heap[l]!) ? l + 1 : l;
      if (!this.before(heap[c]!, heap[k]!)) return;
      const t = heap[c]!;
      heap[c] = heap[k]!;
      heap[k] = t;
      k = c;
    }
  }

  private static allowed(x: number, up: boolean, strict: boolean, limit: number): boolean {
    return (up ? x <= limit : x >= limit) && (!strict || x !== 1) && x > 0;
  }

  /**
   * The first x from 1 in one direction at which still + movers has HF = 1 (a root with MM > 0,
   * or a jump across zero at a break), or NaN. `strict` leaves out x = 1 itself; the search stops
   * past `limit`.
   */
  search(stillF: number, stillMm: number, up: boolean, strict: boolean, limit: number): number {
    this.up = up;
    const m = this.m;
    this.fa = stillF;
    this.fb = 0;
    this.ma = stillMm;
    this.mb = 0;
    // first the loose bounds (every table's largest rate): a search with no root left ends before
    // any tier is placed, which is most searches away from the liquidation side
    this.ua = stillF;
    this.ub = 0;
    this.la = 0;
    this.lb = 0;
    for (let r = 0; r < m.count; r++) {
      this.ua += m.bal1[r]! - m.balSlope[r]!;
      this.ub += m.balSlope[r]!;
      this.la += this.negCumOf(r);
      this.lb += m.n1[r]! * this.loosestMmr(r);
    }
    if (this.bounded(1, limit)) return NaN;
    this.lb = 0;
    for (let r = 0; r < m.count; r++) {
      if (m.mode[r] === 0) this.placeTier(r);
      this.setPiece(r, 1);
      this.moverBound(r);
      this.lb += m.n1[r]! * m.boundMmr[r]!;
      this.fa += m.fa[r]!;
      this.fb += m.fb[r]!;
      this.ma += m.ma[r]!;
      this.mb += m.mb[r]!;
      m.heap[r] = r;
    }
    m.heapSize = m.count;
    for (let k = (m.count >> 1) - 1; k >= 0; k--) this.siftDown(k);
    let at = 1;
    const end = limit;
    for (;;) {
      if (this.bounded(at, end)) return NaN;
      const next = m.next[m.heap[0]!]!;
      const lo = up ? at : next;
      const hi = up ? next : at;
      let root = NaN;
      if (this.fb === 0) {
        // flat at zero: every point qualifies; the one nearest x = 1 stands for them
        if (this.fa === 0) root = at;
      } else {
        const x = -this.fa / this.fb;
        if (x >= lo * (1 - SLACK) && x <= hi * (1 + SLACK)) root = Math.min(Math.max(x, lo), hi);
      }
      if (!Number.isNaN(root) && Solver.allowed(root, up, strict, limit) && this.ma + this.mb * root > 0) return root;
      if (up ? next === Infinity || next > limit : next <= 0 || next < limit) return NaN;
      const beforeF = this.fa + this.fb * next;
      const beforeMm = this.ma + this.mb * next;
      // every mover whose break this is takes its next piece
      while (m.next[m.heap[0]!] === next) {
        const r = m.heap[0]!;
        if (m.mode[r] === 0 && m.table[r]! >= 0) {
          if (up && this.capAbove(r) === next) m.tier[r]! += 1;
          else if (!up && this.capBelow(r) === next) {
            m.tier[r]! -= 1;
            // going down the rate bound follows the tier
            this.lb -= m.n1[r]! * m.boundMmr[r]!;
            this.moverBound(r);
            this.lb += m.n1[r]! * m.boundMmr[r]!;
          }
        }
        this.fa -= m.fa[r]!;
        this.fb -= m.fb[r]!;
        this.ma -= m.ma[r]!;
        this.mb -= m.mb[r]!;
        this.setPiece(r, next);
        this.fa += m.fa[r]!;
        this.fb += m.fb[r]!;
        this.ma += m.ma[r]!;
        this.mb += m.mb[r]!;
        this.siftDown(0);
      }
      at = next;
      // a tier table whose MM jumps at a break carries HF across 1 without touching it
      const afterF = this.fa + this.fb * at;
      if (((beforeF > 0 && afterF < 0) || (beforeF < 0 && afterF > 0)) && Solver.allowed(at, up, strict, limit)) {
        // the decimal sweep takes the MM of the piece above the break
        if ((up ? this.ma + this.mb * at : beforeMm) > 0) return at;
      }
    }
  }
}
