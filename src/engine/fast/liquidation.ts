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
import { Solver } from './liquidationSearch';

/** margin-model.md: the liquidation-shock search reaches up to +1000% (x = 11). */
const MAX_UP_RATIO = 11;

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
