/**
 * The float64 fast path, part 3: liquidation prices and distances for every unit and row.
 *
 * Same definitions as the decimal report (evaluate.ts unitReport, liquidation.ts):
 * - a position's liquidation price: the price of its underlying at which its unit's HF = 1, every
 *   row of that underlying moving by one ratio x from its scenario mark, every other row held at
 *   its scenario mark; of all such x the one nearest x = 1 (ties: the lower); tiers re-evaluated
 *   at the moved notional. Distance: (M - LP) / M for a long, (LP - M) / M otherwise;
 * - a unit's liquidation shock: every non-stable row moving together; the largest root below 1 and
 *   the smallest above 1 up to x = 11 (+1000%), as moves x - 1.
 *
 * MB - MM is piecewise linear in x for the rows the fast book models (linear perps and futures,
 * spot, lending debt; options held at their mark do not move), so each root is -a / b on one
 * piece. Instead of writing every tier of every row down (what the decimal engine does once per
 * unit), the search walks outwards from x = 1 piece by piece and stops at the first root on each
 * side: the nearest one is found after a few pieces, whatever the tier tables hold.
 *
 * float64 on purpose (ARCHITECTURE.md: fast paths may use float64): reconciled with the decimal
 * report in test/engine/fastLiquidation.test.ts. A unit the fast path computed exactly (rows the
 * arrays do not model, a notional on a tier cap, an HF on a status level) takes the decimal
 * solver's figures, through `exact` (or is marked unsolved when `exact` gives none).
 */
import { Dec } from '../decimal';
import { unitReport } from '../evaluate';
import { isStablecoin } from '../stablecoins';
import type { UnitReport } from '../types';
import { RowKind, type FastBook } from './book';
import type { FastFigures, FastScenario } from './evaluate';

/** margin-model.md: the liquidation-shock search reaches up to +1000% (x = 11). */
const MAX_UP_RATIO = 11;
/** A root this close (relative) outside its piece is the piece's edge, rounded the other way. */
const SLACK = 1e-12;

/** Where a unit's liquidation figures come from. */
export const LiquidationSource = { Fast: 0, Decimal: 1, Unsolved: 2 } as const;
export type LiquidationSource = (typeof LiquidationSource)[keyof typeof LiquidationSource];

export interface FastLiquidation {
  /** per row: the liquidation price of its underlying (quote currency); NaN: none */
  rowPrice: Float64Array;
  /** per row: the liquidation price over the row's price under the scenario (x); NaN: none */
  rowRatio: Float64Array;
  /** per row: distance to liquidation as a fraction of the price, the report's sign; NaN: none */
  rowDistance: Float64Array;
  /** per unit: the report's liquidation shock, as moves (x - 1); NaN: none */
  unitShockDown: Float64Array;
  unitShockUp: Float64Array;
  /** per unit: the smaller of |down| and |up| (alerts.ts liquidationDistance); NaN: none */
  unitDistance: Float64Array;
  /** per unit: a LiquidationSource */
  unitSource: Uint8Array;
}

export interface LiquidationOptions {
  /** the decimal unit report of unit u under the scenario, for units the fast path computed exactly; null: leave unsolved */
  exact?: (u: number) => UnitReport | null;
  /** per-row figures (for the ladder); false: units only (for alerts), cheaper */
  rows?: boolean;
}

/** The decimal report of one unit under the fast scenario (collateral added as the report does). */
export function decimalUnitReport(book: FastBook, u: number, s: FastScenario): UnitReport {
  const prepared = book.prepared[u]!;
  const added = prepared.mode === 'cross' ? s.decimal.addCollateral.get(prepared.account) : undefined;
  return unitReport(added ? { ...prepared, baseBalance: prepared.baseBalance.plus(added) } : prepared, s.decimal);
}

/** Reusable per-row state of the moving rows of one solve (sized to the largest unit). */
class Movers {
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
class Solver {
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

export function allocateLiquidation(book: FastBook): FastLiquidation {
  return {
    rowPrice: new Float64Array(book.rowCount).fill(NaN),
    rowRatio: new Float64Array(book.rowCount).fill(NaN),
    rowDistance: new Float64Array(book.rowCount).fill(NaN),
    unitShockDown: new Float64Array(book.unitCount).fill(NaN),
    unitShockUp: new Float64Array(book.unitCount).fill(NaN),
    unitDistance: new Float64Array(book.unitCount).fill(NaN),
    unitSource: new Uint8Array(book.unitCount),
  };
}

function largestUnit(book: FastBook): number {
  let n = 0;
  for (let u = 0; u < book.unitCount; u++) n = Math.max(n, book.unitStart[u + 1]! - book.unitStart[u]!);
  return n;
}

function num(text: string | null | undefined): number {
  return text === null || text === undefined ? NaN : new Dec(text).toNumber();
}

/** The scenario's price of a row's underlying (what its liquidation ratio multiplies). */
function priceOf(book: FastBook, s: FastScenario, i: number): number {
  return book.rowMark[i]! * s.factor[book.rowUnderlying[i]!]!;
}

/** Copies the decimal report's figures of unit u into the arrays (float64 of exact decimals). */
function fromReport(book: FastBook, s: FastScenario, u: number, report: UnitReport, out: FastLiquidation, rows: boolean): void {
  const down = num(report.liquidationShock.down);
  const up = num(report.liquidationShock.up);
  out.unitShockDown[u] = down;
  out.unitShockUp[u] = up;
  out.unitDistance[u] = Number.isNaN(down) ? Math.abs(up) : Number.isNaN(up) ? Math.abs(down) : Math.min(-down, up);
  out.unitSource[u] = LiquidationSource.Decimal;
  if (!rows) return;
  const start = book.unitStart[u]!;
  report.positions.forEach((p, k) => {
    const i = start + k;
    const price = num(p.liquidationPrice);
    out.rowPrice[i] = price;
    out.rowDistance[i] = num(p.distanceToLiquidation);
    // an option's liquidation price is its underlying's, which the book does not carry: no ratio
    out.rowRatio[i] = p.type === 'option' ? NaN : price / priceOf(book, s, i);
  });
}

/**
 * Loads unit u's rows that move with the price into the solver — those of underlying `k`, or with
 * k = -1 those of every non-stable underlying — and returns the still part: MB - MM and MM of the
 * unit with the movers taken out, at the scenario. (No closures here: this runs per unit and underlying.)
 */
function loadMovers(book: FastBook, s: FastScenario, f: FastFigures, u: number, solver: Solver, k: number, stable: Uint8Array): { f: number; mm: number } | null {
  const m = solver.movers;
  m.count = 0;
  let stillF = f.unitMarginBalance[u]! - f.unitMaintenance[u]!;
  let stillMm = f.unitMaintenance[u]!;
  const end = book.unitStart[u + 1]!;
  for (let i = book.unitStart[u]!; i < end; i++) {
    if (k >= 0 ? book.rowUnderlying[i] !== k : stable[book.rowUnderlying[i]!] === 1) continue;
    const kind = book.rowKind[i]!;
    const mark = priceOf(book, s, i);
    const q = book.rowQcs[i]!;
    const r = m.count;
    let bal1: number;
    let slope: number;
    if (kind === RowKind.Linear) {
      const keep = s.keep ? s.keep[i]! : 1;
      // evaluate.ts cuts.ts: a row cut to nothing does not move
      if (q * keep === 0) continue;
      const entry = book.rowEntry[i]!;
      // the closed part's PnL is realised at the scenario's mark: only the kept size moves with x
      bal1 = Number.isNaN(entry) ? 0 : q * (mark - entry);
      slope = Number.isNaN(entry) ? 0 : q * keep * mark;
      m.mode[r] = 0;
      m.n1[r] = Math.abs(q) * keep * mark;
      m.table[r] = book.rowTable[i]!;
      m.mmr[r] = book.rowMmr[i]!;
      m.cum[r] = book.rowCum[i]!;
    } else if (kind === RowKind.SpotAsset || kind === RowKind.SpotDebt) {
      if (q === 0) continue;
      bal1 = kind === RowKind.SpotAsset ? q * mark * (1 - book.rowHaircut[i]!) : q * mark;
      slope = bal1;
      m.mode[r] = 2;
    } else if (kind === RowKind.LendingDebt) {
      if (q === 0) continue;
      bal1 = 0;
      slope = 0;
      m.mode[r] = 1;
      m.n1[r] = Math.abs(q) * mark;
    } else {
      continue; // options held at their mark do not move
    }
    m.bal1[r] = bal1;
    m.balSlope[r] = slope;
    const rowMm = f.rowMaintenance[i]!;
    stillF -= bal1 - rowMm;
    stillMm -= rowMm;
    m.count++;
  }
  return m.count > 0 ? { f: stillF, mm: stillMm } : null;
}

/** Every row's liquidation price and distance, every unit's liquidation shock, under one scenario. */
export function solveLiquidation(book: FastBook, s: FastScenario, f: FastFigures, options: LiquidationOptions = {}): FastLiquidation {
  const rows = options.rows ?? true;
  const exact = options.exact ?? ((u: number) => decimalUnitReport(book, u, s));
  const out = allocateLiquidation(book);
  const solver = new Solver(book, largestUnit(book));
  const stable = Uint8Array.from(book.underlyings, (name) => (isStablecoin(name) ? 1 : 0));
  const underlyings: number[] = [];
  for (let u = 0; u < book.unitCount; u++) {
    if (!f.unitPresent[u]) continue;
    if (f.unitExact[u] || book.unitAlwaysExact[u]) {
      const report = exact(u);
      if (report) fromReport(book, s, u, report, out, rows);
      else out.unitSource[u] = LiquidationSource.Unsolved;
      continue;
    }
    const start = book.unitStart[u]!;
    const end = book.unitStart[u + 1]!;
    // the unit's liquidation shock: every non-stable underlying moves together
    const shockStill = loadMovers(book, s, f, u, solver, -1, stable);
    const shockMovers = shockStill ? solver.movers.count : 0;
    let down = NaN;
    let up = NaN;
    if (shockStill) {
      down = solver.search(shockStill.f, shockStill.mm, false, true, 0);
      up = solver.search(shockStill.f, shockStill.mm, true, true, MAX_UP_RATIO);
      out.unitShockDown[u] = down - 1;
      out.unitShockUp[u] = up - 1;
      out.unitDistance[u] = Number.isNaN(down) ? up - 1 : Number.isNaN(up) ? 1 - down : Math.min(1 - down, up - 1);
    }
    if (!rows) continue;
    underlyings.length = 0;
    for (let i = start; i < end; i++) if (!underlyings.includes(book.rowUnderlying[i]!)) underlyings.push(book.rowUnderlying[i]!);
    for (const k of underlyings) {
      const still = loadMovers(book, s, f, u, solver, k, stable);
      if (!still) continue;
      let x: number;
      if (stable[k] === 0 && solver.movers.count === shockMovers) {
        // the same movers as the unit's shock (one non-stable underlying): its roots nearest x = 1
        // on either side are these; above +1000% only matters when there is none below
        x = !Number.isNaN(down) && (Number.isNaN(up) || 1 - down <= up - 1) ? down : !Number.isNaN(up) ? up : solver.search(still.f, still.mm, true, false, Infinity);
      } else {
        // the root nearest x = 1: below first, then above only as far as the one below
        const below = solver.search(still.f, still.mm, false, false, 0);
        const reach = Number.isNaN(below) ? Infinity : 2 - below;
        const above = solver.search(still.f, still.mm, true, false, reach);
        x = Number.isNaN(above) || (!Number.isNaN(below) && 1 - below <= above - 1) ? below : above;
      }
      if (Number.isNaN(x)) continue;
      for (let i = start; i < end; i++) {
        if (book.rowUnderlying[i] !== k || book.rowKind[i] === RowKind.Option) continue;
        const keep = s.keep && book.rowKind[i] === RowKind.Linear ? s.keep[i]! : 1;
        const long = book.rowQcs[i]! * keep > 0;
        out.rowRatio[i] = x;
        out.rowPrice[i] = x * priceOf(book, s, i);
        out.rowDistance[i] = long ? 1 - x : x - 1;
      }
    }
  }
  return out;
}
