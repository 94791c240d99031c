import { RowKind, prepareFastBook, type FastBook } from '../fast/book';
import { keptShare, type PreparedCuts } from '../cuts';
import { ONE } from '../decimal';
import { isLinear, pnlAt } from '../rows';
import type { Portfolio } from '../types';
import { prepareAccounts, rowFigures } from '../units';
import type { TierTables } from '../venues/tiers';
import { PieceEvents, exactLinearEvents, fastLinearEvents, mergeEvents } from './pieces';
import { repricedAt, repricedOption, type OptionFigures, type RepricedOption } from './repriced';

/**
 * A compact float64 model of every margin unit for scenario statistics (Monte Carlo, historical
 * simulation, stress paths): thousands of price paths cannot go through decimal.js. Money figures
 * for display still come from the decimal engine; these are statistics over scenarios.
 *
 * With x_u the ratio of underlying u's price to today's and t the years elapsed, a unit's
 *   margin balance MB(x) = c + Σ_u A_u x_u + Σ priced options' balance(x_u, t)
 *   maintenance MM(x)   = Σ_u MM_u(x_u) + Σ short options' MM(x_u, t)
 * where MM_u is piecewise a + b·x + c/x (tier breaks, the MM floor at 0, Deribit's size-scaled c/x
 * term on inverse contracts). Rows are summed per unit × underlying when the model is built, so a
 * path step costs per unit × underlying, not per row.
 *
 * Built from the fast path's typed-array layout (fast/book.ts, laid out once per portfolio); the
 * rows the fast path leaves to the decimal engine (inverse, size-scaled, margin on entry, fees on
 * tiers) get the decimal engine's closed-form pieces (liquidation.ts linearSegments), and priced
 * options are repriced per path by Black-Scholes (repriced.ts). Options without model terms are
 * held at their mark (held.ts).
 */
export interface ExposureModel {
  /** underlyings, upper case, sorted by name (the draw each one gets cannot depend on row order) */
  underlyings: string[];
  units: Array<{ account: string; unit: string; mode: 'cross' | 'isolated' }>;
  /** per unit: today's margin balance and maintenance margin (the model at x = 1) */
  mb0: Float64Array;
  mm0: Float64Array;
  /** per unit: c in MB(x) = c + Σ A x */
  constant: Float64Array;
  /** exposures of unit i are expStart[i] .. expStart[i+1]-1 */
  expStart: Int32Array;
  expUnderlying: Int32Array;
  expSlope: Float64Array;
  /** MM pieces of exposure e are pieceStart[e] .. pieceStart[e+1]-1; piece k applies for pieceFrom[k] < x ≤ pieceFrom[k+1] */
  pieceStart: Int32Array;
  pieceFrom: Float64Array;
  pieceA: Float64Array;
  pieceB: Float64Array;
  pieceC: Float64Array;
  /** per exposure: the piece that holds x = 1, where the search for a moved price starts */
  pieceHome: Int32Array;
  /** priced options of unit i are options[optionStart[i] .. optionStart[i+1]-1] */
  optionStart: Int32Array;
  options: RepricedOption[];
  /** option rows without model terms, held at their mark */
  heldOptions: number;
  /**
   * The model whose run plans this one shares (plan.ts): set on a model that differs from it only
   * in its options' volatility and time (whatIf.ts), which no plan reads; null on a book's own.
   */
  planOf: ExposureModel | null;
}

/**
 * A model with some fields changed (whatIf.ts). Every model has its fields written in this one
 * order: the hot loops then see one object shape, whether a run is on a book's model or a
 * what-if's (a second shape made a preview after a full run 20% slower, measured).
 */
export function modelWith(model: ExposureModel, changes: Partial<ExposureModel>): ExposureModel {
  const m = { ...model, ...changes };
  return {
    underlyings: m.underlyings,
    units: m.units,
    mb0: m.mb0,
    mm0: m.mm0,
    constant: m.constant,
    expStart: m.expStart,
    expUnderlying: m.expUnderlying,
    expSlope: m.expSlope,
    pieceStart: m.pieceStart,
    pieceFrom: m.pieceFrom,
    pieceA: m.pieceA,
    pieceB: m.pieceB,
    pieceC: m.pieceC,
    pieceHome: m.pieceHome,
    optionStart: m.optionStart,
    options: m.options,
    heldOptions: m.heldOptions,
    planOf: m.planOf,
  };
}

/**
 * Cuts of the apply-cut what-if (cuts.ts), as the model takes them: a cut row keeps its share of
 * the size, and the closed part's PnL at the scenario's marks is realised into its unit's balance.
 */
export interface ModelCuts {
  cuts: PreparedCuts;
  /** per row of the book: the share the cuts keep of a fast-path perp or future (fast/evaluate.ts compileScenario) */
  keep: Float64Array;
  /** per underlying of the book: the scenario's factor on its marks */
  factor: Float64Array;
}

interface Draft {
  slope: number;
  events: PieceEvents;
}

/** The model of a fast book (phantom cross units, which hold nothing, are left out), after `cut` if given. */
export function exposureFromBook(book: FastBook, cut: ModelCuts | null = null): ExposureModel {
  const names = [...new Set(book.underlyings.map((u) => u.toUpperCase()))].sort();
  const at = new Map(names.map((name, i) => [name, i]));
  const modelIndex = Int32Array.from(book.underlyings, (u) => at.get(u.toUpperCase())!);
  const units: ExposureModel['units'] = [];
  const constant: number[] = [];
  const expStart: number[] = [0];
  const expUnderlying: number[] = [];
  const expSlope: number[] = [];
  const pieceStart: number[] = [0];
  const pieces: Array<ReturnType<typeof mergeEvents>> = [];
  const optionStart: number[] = [0];
  const options: RepricedOption[] = [];
  let heldOptions = 0;
  const { rowKind, rowQcs, rowMark, rowEntry, rowHaircut, rowUnderlying } = book;

  for (let u = 0; u < book.unitCount; u++) {
    const info = book.units[u]!;
    if (info.phantom) continue;
    const unitNo = units.length;
    const isolated = info.mode === 'isolated';
    units.push({ account: info.account, unit: info.id, mode: info.mode });
    const prepared = book.prepared[u]!;
    const drafts = new Map<number, Draft>();
    const draftOf = (und: number): Draft => {
      let d = drafts.get(und);
      if (!d) drafts.set(und, (d = { slope: 0, events: new PieceEvents() }));
      return d;
    };
    let c = book.unitBase[u]!;
    const start = book.unitStart[u]!;
    const end = book.unitStart[u + 1]!;
    for (let i = start; i < end; i++) {
      const und = modelIndex[rowUnderlying[i]!]!;
      const q = rowQcs[i]!;
      const m = rowMark[i]!;
      switch (rowKind[i]) {
        case RowKind.Linear: {
          const d = draftOf(und);
          const entry = rowEntry[i]!;
          const keep = cut ? cut.keep[i]! : 1;
          // PnL q·(x·m − E); a row without an entry price has none. A cut closes (1 − keep)·q at
          // the scenario's mark m·f: that PnL is realised, the rest stays open
          if (!Number.isNaN(entry)) {
            if (keep !== 1) c += (1 - keep) * q * (m * cut!.factor[rowUnderlying[i]!]! - entry);
            d.slope += keep * q * m;
            c -= keep * q * entry;
          }
          fastLinearEvents(book, i, d.events, keep);
          break;
        }
        case RowKind.SpotAsset:
          draftOf(und).slope += q * m * (1 - rowHaircut[i]!);
          break;
        case RowKind.SpotDebt:
          draftOf(und).slope += q * m;
          break;
        case RowKind.LendingDebt:
          // a lending venue margins debt as its whole value: MM = |q|·m·x
          draftOf(und).events.push(0, 0, Math.abs(q) * m);
          break;
        case RowKind.Option: {
          // no model terms: held at its mark (held.ts)
          const entry = rowEntry[i]!;
          c += isolated ? (Number.isNaN(entry) ? 0 : q * (m - entry)) : q * m;
          heldOptions++;
          break;
        }
        default: {
          const row = prepared.rows[i - start]!;
          if (row.option) {
            const size = row.q.times(row.cs).toNumber();
            options.push(repricedOption(unitNo, und, size, m, rowEntry[i]!, isolated, info.venue, row.option));
          } else if (isLinear(row)) {
            const d = draftOf(und);
            const keep = cut ? keptShare(cut.cuts, prepared, row) : ONE;
            if (!keep.eq(ONE)) c += pnlAt(row, row.mark.times(cut!.factor[rowUnderlying[i]!]!)).times(ONE.minus(keep)).toNumber();
            const balance = exactLinearEvents(keep.eq(ONE) ? row : { ...row, q: row.q.times(keep), absQ: row.absQ.times(keep) }, d.events);
            c += balance.a;
            d.slope += balance.b;
          } else {
            // no other row reaches here today (book.ts kindOf); held at today's figures if one does
            const f = rowFigures(prepared, row, row.mark);
            c += f.balance.toNumber();
            draftOf(und).events.push(0, f.mm.toNumber(), 0);
          }
        }
      }
    }
    for (const [und, d] of [...drafts].sort((x, y) => x[0] - y[0])) {
      expUnderlying.push(und);
      expSlope.push(d.slope);
      const merged = mergeEvents(d.events);
      pieces.push(merged);
      pieceStart.push(pieceStart[pieceStart.length - 1]! + merged.from.length);
    }
    expStart.push(expUnderlying.length);
    constant.push(c);
    optionStart.push(options.length);
  }

  const total = pieceStart[pieceStart.length - 1]!;
  const model: ExposureModel = {
    underlyings: names,
    units,
    mb0: new Float64Array(units.length),
    mm0: new Float64Array(units.length),
    constant: Float64Array.from(constant),
    expStart: Int32Array.from(expStart),
    expUnderlying: Int32Array.from(expUnderlying),
    expSlope: Float64Array.from(expSlope),
    pieceStart: Int32Array.from(pieceStart),
    pieceFrom: new Float64Array(total),
    pieceA: new Float64Array(total),
    pieceB: new Float64Array(total),
    pieceC: new Float64Array(total),
    pieceHome: new Int32Array(pieces.length),
    optionStart: Int32Array.from(optionStart),
    options,
    heldOptions,
    planOf: null,
  };
  pieces.forEach((p, e) => {
    const first = pieceStart[e]!;
    model.pieceFrom.set(p.from, first);
    model.pieceA.set(p.a, first);
    model.pieceB.set(p.b, first);
    model.pieceC.set(p.c, first);
    let home = 0;
    while (home + 1 < p.from.length && p.from[home + 1]! < 1) home++;
    model.pieceHome[e] = first + home;
  });
  const ones = new Float64Array(names.length).fill(1);
  unitsAt(model, ones, model.mb0, model.mm0);
  return model;
}

/**
 * The model of a portfolio on its own (CLI, tests): the same layout the worker's fast session
 * makes once per load. `asOf` is the valuation time of priced options.
 */
export function buildExposureModel(portfolio: Portfolio, tierTables: TierTables = new Map(), asOf = new Date().toISOString()): ExposureModel {
  return exposureFromBook(prepareFastBook(prepareAccounts(portfolio, tierTables, { asOf, volShock: 0, days: 0 })));
}

/** MM of exposure e at x: the piece holding x, found by walking from the piece of x = 1. */
export function exposureMm(model: ExposureModel, e: number, xu: number): number {
  const { pieceStart, pieceFrom, pieceA, pieceB, pieceC } = model;
  // prices stay near today's on most paths while a big book has hundreds of tier breaks
  const first = pieceStart[e]!;
  const last = pieceStart[e + 1]! - 1;
  let k = model.pieceHome[e]!;
  while (k < last && pieceFrom[k + 1]! < xu) k++;
  while (k > first && pieceFrom[k]! >= xu) k--;
  const c = pieceC[k]!;
  return c === 0 ? pieceA[k]! + pieceB[k]! * xu : pieceA[k]! + pieceB[k]! * xu + c / xu;
}

const scratch: OptionFigures = { balance: 0, mm: 0 };
const pair: UnitFigures = { mb: 0, mm: 0 };

/** A unit's margin balance and maintenance margin at one scenario. */
export interface UnitFigures {
  mb: number;
  mm: number;
}

/**
 * Margin balance and maintenance margin of unit i at price ratios x (one per underlying) after
 * `years`, written into mbOut[i] and mmOut[i]. The hot loop of every scenario statistic.
 */
export function unitAt(model: ExposureModel, i: number, x: Float64Array, years: number, mbOut: Float64Array, mmOut: Float64Array): void {
  unitAtStrided(model, i, x, 1, 0, years, pair);
  mbOut[i] = pair.mb;
  mmOut[i] = pair.mm;
}

/**
 * unitAt for one scenario of a block laid out underlying-major: underlying u's ratio is
 * x[u·stride + offset] (montecarlo's path blocks keep many paths side by side). The same operations
 * in the same order as unitAt, so the same figures to the last bit.
 */
export function unitAtStrided(model: ExposureModel, i: number, x: Float64Array, stride: number, offset: number, years: number, out: UnitFigures): void {
  const { expStart, expUnderlying, expSlope, pieceStart, pieceA, pieceB, pieceC } = model;
  let mb = model.constant[i]!;
  let mm = 0;
  const end = expStart[i + 1]!;
  for (let e = expStart[i]!; e < end; e++) {
    const xu = x[expUnderlying[e]! * stride + offset]!;
    mb += expSlope[e]! * xu;
    const k = pieceStart[e]!;
    if (pieceStart[e + 1]! - k === 1) {
      // one piece (fixed rates with no kink, spot, debt): no search
      const c = pieceC[k]!;
      mm += c === 0 ? pieceA[k]! + pieceB[k]! * xu : pieceA[k]! + pieceB[k]! * xu + c / xu;
    } else {
      mm += exposureMm(model, e, xu);
    }
  }
  const oEnd = model.optionStart[i + 1]!;
  for (let o = model.optionStart[i]!; o < oEnd; o++) {
    const opt = model.options[o]!;
    repricedAt(opt, x[opt.underlying * stride + offset]!, years, scratch);
    mb += scratch.balance;
    mm += scratch.mm;
  }
  out.mb = mb;
  out.mm = mm;
}

/** Every unit at price ratios x after `years` (stress paths, tests). */
export function unitsAt(model: ExposureModel, x: Float64Array, mbOut: Float64Array, mmOut: Float64Array, years = 0): void {
  for (let i = 0; i < model.units.length; i++) unitAt(model, i, x, years, mbOut, mmOut);
}

/** A unit's label as the cards show it: "alpha · Cross", "alpha · Isolated ETHUSDT". */
export function unitLabel(unit: ExposureModel['units'][number]): string {
  if (unit.mode === 'cross') return `${unit.account} · Cross`;
  const symbol = unit.unit.split(':')[1] ?? unit.unit;
  return `${unit.account} · Isolated ${symbol}`;
}
