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
  /** notional (or debt) at x = 1: MM pieces are slope n1 * mmr */
  n1: Float64Array;
  /** 0 linear with rates, 1 lending debt (MM = debt), 2 no MM (spot) */
  mode: Uint8Array;
  /** tier table, or -1 for fixed rates */
  table: Int32Array;
  mmr: Float64Array;
  cum: Float64Array;
  /** the tier the current piece is in */
  tier: Int32Array;

  constructor(n: number) {
    this.bal1 = new Float64Array(n);
    this.balSlope = new Float64Array(n);
    this.n1 = new Float64Array(n);
    this.mode = new Uint8Array(n);
    this.table = new Int32Array(n);
    this.mmr = new Float64Array(n);
    this.cum = new Float64Array(n);
    this.tier = new Int32Array(n);
  }
}

/** Current piece of the moving rows' sum: f = fa + fb x (MB - MM), mm = ma + mb x. */
interface Sum {
  fa: number;
  fb: number;
  ma: number;
  mb: number;
}

class Solver {
  private readonly m: Movers;
  private readonly sum: Sum = { fa: 0, fb: 0, ma: 0, mb: 0 };

  constructor(
    private readonly book: FastBook,
    size: number,
  ) {
    this.m = new Movers(size);
  }

  get movers(): Movers {
    return this.m;
  }

  /** The rates of mover r in its current tier. */
  private rates(r: number): { mmr: number; cum: number } {
    const t = this.m.table[r]!;
    if (t < 0) return { mmr: this.m.mmr[r]!, cum: this.m.cum[r]! };
    const j = this.m.tier[r]!;
    return { mmr: this.book.tierMmr[j]!, cum: this.book.tierCum[j]! };
  }

  /** Where MM = n1 * mmr * x - cum leaves zero in the current tier (Infinity: never positive). */
  private kink(r: number): number {
    const { mmr, cum } = this.rates(r);
    const slope = this.m.n1[r]! * mmr;
    return slope > 0 ? cum / slope : Infinity;
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

  /** Tiers at x = 1 seen from above (up) or below (down): tiers.ts tierFor, first tier with notional <= cap. */
  private placeTiers(up: boolean): void {
    const { tableStart, tierCap } = this.book;
    for (let r = 0; r < this.m.count; r++) {
      const t = this.m.table[r]!;
      if (t < 0 || this.m.mode[r] !== 0) continue;
      const n = this.m.n1[r]!;
      const last = tableStart[t + 1]! - 1;
      let j = tableStart[t]!;
      // just above x = 1 a notional on a cap has left that tier
      while (j < last && (up ? n >= tierCap[j]! : n > tierCap[j]!)) j++;
      this.m.tier[r] = j;
    }
  }

  /** Sums the movers' pieces for the stretch that starts at `at` going up (or ends at `at` going down). */
  private piece(at: number, up: boolean): void {
    const s = this.sum;
    s.fa = 0;
    s.fb = 0;
    s.ma = 0;
    s.mb = 0;
    const m = this.m;
    for (let r = 0; r < m.count; r++) {
      const slope = m.balSlope[r]!;
      s.fa += m.bal1[r]! - slope;
      s.fb += slope;
      if (m.mode[r] === 1) {
        s.fb -= m.n1[r]!;
        s.mb += m.n1[r]!;
      } else if (m.mode[r] === 0) {
        const k = this.kink(r);
        // MM is positive in the stretch when the stretch lies above the kink
        if (up ? at >= k : at > k) {
          const { mmr, cum } = this.rates(r);
          const b = m.n1[r]! * mmr;
          s.fa += cum;
          s.fb -= b;
          s.ma -= cum;
          s.mb += b;
        }
      }
    }
  }

  /** The next break above `at` (up) or below it (down) over all movers. */
  private nextBreak(at: number, up: boolean): number {
    let best = up ? Infinity : 0;
    for (let r = 0; r < this.m.count; r++) {
      if (this.m.mode[r] !== 0) continue;
      const k = this.kink(r);
      if (up) {
        const cap = this.capAbove(r);
        const b = k > at && k < cap ? k : cap;
        if (b < best) best = b;
      } else {
        const floor = this.capBelow(r);
        const b = k < at && k > floor ? k : floor;
        if (b > best) best = b;
      }
    }
    return best;
  }

  /** Moves every mover whose tier ends at `at` into the next tier in the direction. */
  private crossTiers(at: number, up: boolean): void {
    for (let r = 0; r < this.m.count; r++) {
      if (this.m.mode[r] !== 0 || this.m.table[r]! < 0) continue;
      if (up && this.capAbove(r) <= at) this.m.tier[r]! += 1;
      else if (!up && this.capBelow(r) >= at && this.capBelow(r) > 0) this.m.tier[r]! -= 1;
    }
  }

  /**
   * The first x from 1 in one direction at which still + movers has HF = 1 (a root with MM > 0,
   * or a jump across zero at a break), or NaN. `strict` leaves out x = 1 itself; the search stops
   * past `limit`.
   */
  search(stillF: number, stillMm: number, up: boolean, strict: boolean, limit: number): number {
    this.placeTiers(up);
    let at = 1;
    let prevF = NaN; // MB - MM of the previous stretch at `at`
    const s = this.sum;
    for (;;) {
      this.piece(at, up);
      const fa = s.fa + stillF;
      const fb = s.fb;
      const mmAt = (x: number) => s.ma + stillMm + s.mb * x;
      const ok = (x: number) => (up ? x <= limit : x >= limit) && (!strict || x !== 1) && x > 0;
      // a tier table whose MM jumps at a break carries HF across 1 without touching it
      if (!Number.isNaN(prevF)) {
        const here = fa + fb * at;
        const right = up ? here : prevF;
        const left = up ? prevF : here;
        if (((left > 0 && right < 0) || (left < 0 && right > 0)) && ok(at)) {
          // the decimal sweep takes the MM of the piece above the break
          if (up ? mmAt(at) > 0 : this.prevMm > 0) return at;
        }
      }
      const next = this.nextBreak(at, up);
      const lo = up ? at : next;
      const hi = up ? next : at;
      let root = NaN;
      if (fb === 0) {
        // flat at zero: every point qualifies; the one nearest x = 1 stands for them
        if (fa === 0) root = at;
      } else {
        const x = -fa / fb;
        if (x >= lo * (1 - SLACK) && x <= hi * (1 + SLACK)) root = Math.min(Math.max(x, lo), hi);
      }
      if (!Number.isNaN(root) && ok(root) && mmAt(root) > 0) return root;
      if (up ? next === Infinity || next > limit : next <= 0 || next < limit) return NaN;
      prevF = fa + fb * next;
      this.prevMm = mmAt(next);
      this.crossTiers(next, up);
      at = next;
    }
  }

  private prevMm = 0;
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
 * Loads unit u's rows that move with the price into the solver (those `pick` accepts), and returns
 * the still part: MB - MM and MM of the unit with the movers taken out, at the scenario.
 */
function loadMovers(book: FastBook, s: FastScenario, f: FastFigures, u: number, solver: Solver, pick: (i: number) => boolean): { f: number; mm: number } | null {
  const m = solver.movers;
  m.count = 0;
  let stillF = f.unitMarginBalance[u]! - f.unitMaintenance[u]!;
  let stillMm = f.unitMaintenance[u]!;
  const end = book.unitStart[u + 1]!;
  for (let i = book.unitStart[u]!; i < end; i++) {
    if (!pick(i)) continue;
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
  const stable = book.underlyings.map((name) => isStablecoin(name));
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
    const shockStill = loadMovers(book, s, f, u, solver, (i) => !stable[book.rowUnderlying[i]!]);
    if (shockStill) {
      const down = solver.search(shockStill.f, shockStill.mm, false, true, 0);
      const up = solver.search(shockStill.f, shockStill.mm, true, true, MAX_UP_RATIO);
      out.unitShockDown[u] = down - 1;
      out.unitShockUp[u] = up - 1;
      out.unitDistance[u] = Number.isNaN(down) ? up - 1 : Number.isNaN(up) ? 1 - down : Math.min(1 - down, up - 1);
    }
    if (!rows) continue;
    underlyings.length = 0;
    for (let i = start; i < end; i++) if (!underlyings.includes(book.rowUnderlying[i]!)) underlyings.push(book.rowUnderlying[i]!);
    for (const k of underlyings) {
      const still = loadMovers(book, s, f, u, solver, (i) => book.rowUnderlying[i] === k);
      if (!still) continue;
      // the root nearest x = 1: below first, then above only as far as the one below
      const down = solver.search(still.f, still.mm, false, false, 0);
      const reach = Number.isNaN(down) ? Infinity : 2 - down;
      const up = solver.search(still.f, still.mm, true, false, reach);
      const x = Number.isNaN(up) || (!Number.isNaN(down) && 1 - down <= up - 1) ? down : up;
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
