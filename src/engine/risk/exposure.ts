import { HELD_AT_MARK, holdOptionsAtMark } from '../options/repricing';
import { linearSegments } from '../liquidation';
import { isLinear } from '../rows';
import type { Portfolio } from '../types';
import { prepareAccounts, rowFigures, unitFigures, type PreparedUnit } from '../units';
import type { TierTables } from '../venues/tiers';
import type { PreparedRow } from '../rows';
import { heldBalanceAt, isHeldRow } from './held';

/**
 * A compact float64 model of every margin unit for scenario statistics (Monte Carlo, historical
 * simulation, stress paths): thousands of price paths cannot go through decimal.js. Money figures
 * for display still come from the decimal engine; these are statistics over scenarios.
 *
 * With x_u the ratio of underlying u's price to today's, a unit's
 *   margin balance MB(x) = c + Σ_u A_u x_u (+ held rows, see held.ts)
 *   maintenance MM(x)   = Σ_u MM_u(x_u), each MM_u piecewise linear in x_u with the tier breaks,
 * built from the engine's own closed-form tier pieces (liquidation.ts linearSegments) and figures.
 */
export interface ExposureModel {
  /** underlyings, upper case, sorted by name */
  underlyings: string[];
  units: Array<{ account: string; unit: string; mode: 'cross' | 'isolated' }>;
  /** per unit: today's margin balance and maintenance margin (from the decimal engine) */
  mb0: Float64Array;
  mm0: Float64Array;
  /** per unit: c in MB(x) = c + Σ A x */
  constant: Float64Array;
  /** exposures of unit i are expStart[i] .. expStart[i+1]-1 */
  expStart: Int32Array;
  expUnderlying: Int32Array;
  expSlope: Float64Array;
  /** MM pieces of exposure e are pieceStart[e] .. pieceStart[e+1]-1; piece k applies for x > pieceFrom[k] */
  pieceStart: Int32Array;
  pieceFrom: Float64Array;
  pieceA: Float64Array;
  pieceB: Float64Array;
  /** per exposure: the piece that holds x = 1, where the search for a moved price starts */
  pieceHome: Int32Array;
  /** rows not linear in their underlying (options): balance through held.ts */
  held: Array<{ unit: number; underlying: number; balanceAt: (ratio: number) => number }>;
}

interface Draft {
  slope: number;
  /** each row's MM pieces: from, a, b (x > from) */
  rows: Array<Array<{ from: number; a: number; b: number }>>;
}

function mmPieces(unit: PreparedUnit, row: PreparedRow): Array<{ from: number; a: number; b: number }> | null {
  if (isLinear(row)) {
    return linearSegments(row, row.mark).map((s) => ({ from: s.from.toNumber(), a: s.piece.mm.a.toNumber(), b: s.piece.mm.b.toNumber() }));
  }
  // spot: MM is linear in x with no breaks (zero, or the debt on a lending venue)
  const mm = rowFigures(unit, row, row.mark).mm.toNumber();
  return mm === 0 ? null : [{ from: 0, a: 0, b: mm }];
}

/**
 * Merges rows' piecewise-linear MM into one table over the union of their breaks: each row adds its
 * first piece, then the change at each of its breaks; one sorted sweep sums them.
 */
function mergePieces(rows: Draft['rows']): Array<{ from: number; a: number; b: number }> {
  if (rows.length === 0) return [{ from: 0, a: 0, b: 0 }];
  if (rows.length === 1) return rows[0]!;
  const events: Array<{ from: number; a: number; b: number }> = [];
  for (const pieces of rows) {
    pieces.forEach((p, k) => {
      const before = k === 0 ? { a: 0, b: 0 } : pieces[k - 1]!;
      events.push({ from: k === 0 ? 0 : p.from, a: p.a - before.a, b: p.b - before.b });
    });
  }
  events.sort((x, y) => x.from - y.from);
  const merged: Array<{ from: number; a: number; b: number }> = [];
  let a = 0;
  let b = 0;
  for (let i = 0; i < events.length; ) {
    const from = events[i]!.from;
    while (i < events.length && events[i]!.from === from) {
      a += events[i]!.a;
      b += events[i]!.b;
      i++;
    }
    merged.push({ from, a, b });
  }
  return merged;
}

export function buildExposureModel(portfolio: Portfolio, tierTables: TierTables = new Map()): ExposureModel {
  // options are held at their mark here (docs/risk.md)
  const accounts = prepareAccounts(holdOptionsAtMark(portfolio), tierTables, HELD_AT_MARK);
  // sorted by name, so that the order of rows in the file cannot change which random draw meets which asset
  const names = [...new Set(portfolio.rows.map((r) => r.underlying.toUpperCase()))].sort();
  const underlyingIndex = new Map(names.map((name, i) => [name, i]));
  const indexOf = (name: string): number => underlyingIndex.get(name.toUpperCase())!;
  const units: ExposureModel['units'] = [];
  const mb0: number[] = [];
  const mm0: number[] = [];
  const constant: number[] = [];
  const expStart: number[] = [0];
  const expUnderlying: number[] = [];
  const expSlope: number[] = [];
  const pieceStart: number[] = [0];
  const pieceFrom: number[] = [];
  const pieceA: number[] = [];
  const pieceB: number[] = [];
  const pieceHome: number[] = [];
  const held: ExposureModel['held'] = [];

  for (const account of accounts) {
    for (const unit of account.units) {
      const unitNo = units.length;
      units.push({ account: account.account, unit: unit.id, mode: unit.mode });
      const fig = unitFigures(unit, unit.rows.map((r) => r.mark));
      const drafts = new Map<number, Draft>();
      let c = fig.marginBalance.toNumber();
      unit.rows.forEach((row, i) => {
        const u = indexOf(row.src.underlying);
        if (isHeldRow(row)) {
          const balanceAt = (ratio: number) => heldBalanceAt(unit, row, ratio);
          c -= balanceAt(1);
          held.push({ unit: unitNo, underlying: u, balanceAt });
          return;
        }
        let draft = drafts.get(u);
        if (!draft) {
          draft = { slope: 0, rows: [] };
          drafts.set(u, draft);
        }
        // the balance is linear in x: its slope is the row's balance at x = 1 minus its constant part
        const balance = fig.rows[i]!.balance.toNumber();
        const constantPart = isLinear(row) ? -row.q.times(row.cs).times(row.entry ?? 0).toNumber() : 0;
        draft.slope += balance - constantPart;
        c -= balance - constantPart;
        const pieces = mmPieces(unit, row);
        if (pieces) draft.rows.push(pieces);
      });
      for (const [u, draft] of drafts) {
        expUnderlying.push(u);
        expSlope.push(draft.slope);
        const first = pieceFrom.length;
        let home = first;
        for (const p of mergePieces(draft.rows)) {
          if (p.from < 1) home = pieceFrom.length;
          pieceFrom.push(p.from);
          pieceA.push(p.a);
          pieceB.push(p.b);
        }
        pieceHome.push(Math.max(first, home));
        pieceStart.push(pieceFrom.length);
      }
      expStart.push(expUnderlying.length);
      mb0.push(fig.marginBalance.toNumber());
      mm0.push(fig.mm.toNumber());
      constant.push(c);
    }
  }
  return {
    underlyings: names,
    units,
    mb0: Float64Array.from(mb0),
    mm0: Float64Array.from(mm0),
    constant: Float64Array.from(constant),
    expStart: Int32Array.from(expStart),
    expUnderlying: Int32Array.from(expUnderlying),
    expSlope: Float64Array.from(expSlope),
    pieceStart: Int32Array.from(pieceStart),
    pieceFrom: Float64Array.from(pieceFrom),
    pieceA: Float64Array.from(pieceA),
    pieceB: Float64Array.from(pieceB),
    pieceHome: Int32Array.from(pieceHome),
    held,
  };
}

/**
 * Margin balance and maintenance margin of every unit at price ratios x (one per underlying),
 * written into mbOut and mmOut. The hot loop of every scenario statistic.
 */
export function unitsAt(model: ExposureModel, x: Float64Array, mbOut: Float64Array, mmOut: Float64Array): void {
  const { expStart, expUnderlying, expSlope, pieceStart, pieceFrom, pieceA, pieceB, pieceHome, constant } = model;
  const n = model.units.length;
  for (let i = 0; i < n; i++) {
    let mb = constant[i]!;
    let mm = 0;
    const end = expStart[i + 1]!;
    for (let e = expStart[i]!; e < end; e++) {
      const xu = x[expUnderlying[e]!]!;
      mb += expSlope[e]! * xu;
      // piece k applies for pieceFrom[k] < x (the first from 0): walk from the piece of x = 1, as
      // prices stay near today's on most paths while a big book has hundreds of tier breaks
      const first = pieceStart[e]!;
      const last = pieceStart[e + 1]! - 1;
      let k = pieceHome[e]!;
      while (k < last && pieceFrom[k + 1]! < xu) k++;
      while (k > first && pieceFrom[k]! >= xu) k--;
      mm += pieceA[k]! + pieceB[k]! * xu;
    }
    mbOut[i] = mb;
    mmOut[i] = mm;
  }
  for (const h of model.held) mbOut[h.unit]! += h.balanceAt(x[h.underlying]!);
}

/** A unit's label as the cards show it: "alpha · Cross", "alpha · Isolated ETHUSDT". */
export function unitLabel(unit: ExposureModel['units'][number]): string {
  if (unit.mode === 'cross') return `${unit.account} · Cross`;
  const symbol = unit.unit.split(':')[1] ?? unit.unit;
  return `${unit.account} · Isolated ${symbol}`;
}
