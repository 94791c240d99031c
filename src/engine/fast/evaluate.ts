/**
 * The float64 fast path, part 2: a scenario as per-underlying price factors, per-unit collateral
 * deltas and per-row kept shares, and one tight loop over units and their rows.
 *
 * float64 on purpose (see book.ts): results agree with the decimal engine within half a cent and
 * half a hundredth of HF (test/engine/fastPath.test.ts). Where float64 could land on the wrong
 * side of a rule — a notional within 1e-9 of a tier cap, an HF within 1e-9 of a status level — the
 * unit is recomputed exactly by the decimal engine (exact.ts), so statuses and tiers are never a
 * rounding accident.
 */
import { markFactor, type PreparedScenario } from '../scenario';
import type { UnitStatus } from '../types';
import { RowKind, type FastBook } from './book';
import { exactUnit } from './exact';

/** Status codes in the typed arrays: the index into this list. */
export const STATUS_CODES: readonly UnitStatus[] = ['ok', 'warning', 'margin_call', 'liquidation'];

/** Relative distance to a tier cap or status level inside which the decimal engine decides. */
const NEAR = 1e-9;

export interface FastScenario {
  /** per underlying: the factor on its marks, (1 + all)(1 + own) (scenario.ts markFactor) */
  factor: Float64Array;
  /** per unit: collateral the scenario adds (quote currency) */
  unitAdd: Float64Array;
  /** per row: the share of its size the cuts keep; null when nothing is cut */
  keep: Float64Array | null;
  targetHF: number;
  marginCallHF: number;
  /** the decimal scenario, for units computed exactly */
  decimal: PreparedScenario;
}

export interface FastFigures {
  unitMarginBalance: Float64Array;
  unitMaintenance: Float64Array;
  unitInitial: Float64Array;
  /** +Infinity when the unit has no maintenance margin (the report's null) */
  unitHealth: Float64Array;
  /** index into STATUS_CODES */
  unitStatus: Uint8Array;
  /** 1 when the decimal engine computed the unit (unsupported row, or too close to a rule's edge) */
  unitExact: Uint8Array;
  /** 0 for a phantom cross unit the scenario adds no collateral to (the report has no such unit) */
  unitPresent: Uint8Array;
  rowNotional: Float64Array;
  /** NaN where the report has none (spot) */
  rowPnl: Float64Array;
  rowMaintenance: Float64Array;
}

/** Turns a checked scenario into the arrays the loop reads. Cost: underlyings + cut rows, not all rows. */
export function compileScenario(book: FastBook, scenario: PreparedScenario): FastScenario {
  const factor = new Float64Array(book.underlyings.length);
  book.underlyings.forEach((u, k) => (factor[k] = markFactor(scenario, u).toNumber()));
  const unitAdd = new Float64Array(book.unitCount);
  for (const [account, amount] of scenario.addCollateral) {
    const u = book.crossUnitOf.get(account);
    if (u !== undefined) unitAdd[u] = amount.toNumber();
  }
  let keep: Float64Array | null = null;
  const { cross, lines } = scenario.cuts;
  if (cross.size > 0 || lines.size > 0) {
    keep = new Float64Array(book.rowCount).fill(1);
    for (let i = 0; i < book.rowCount; i++) {
      if (book.rowKind[i] !== RowKind.Linear) continue;
      const line = lines.get(book.rowLine[i]!);
      const unit = book.units[book.rowUnit[i]!]!;
      const all = unit.mode === 'cross' ? cross.get(unit.account) : undefined;
      if (line || all) keep[i] = (line?.toNumber() ?? 1) * (all?.toNumber() ?? 1);
    }
  }
  return { factor, unitAdd, keep, targetHF: scenario.targetHF.toNumber(), marginCallHF: scenario.marginCallHF.toNumber(), decimal: scenario };
}

function near(x: number, level: number): boolean {
  return Math.abs(x - level) <= NEAR * Math.abs(level);
}

function statusCode(hf: number, s: FastScenario): number {
  if (hf <= 1) return 3;
  if (hf < s.marginCallHF) return 2;
  if (hf < s.targetHF) return 1;
  return 0;
}

/**
 * Options are held at their shocked mark today (as units.ts rowFigures does): value q*cs*M, no
 * margin. Option repricing (volatility shock, time shift) belongs here and nowhere else.
 * Returns what the row adds to its unit's balance and writes the row's figures.
 */
function optionRow(book: FastBook, i: number, mark: number, isolated: boolean, out: FastFigures): number {
  const q = book.rowQcs[i]!;
  const entry = book.rowEntry[i]!;
  const pnl = Number.isNaN(entry) ? 0 : q * (mark - entry);
  // a held option's notional follows its (shocked) mark, as units.ts rowFigures writes it
  out.rowNotional[i] = Math.abs(q) * mark;
  out.rowPnl[i] = pnl;
  out.rowMaintenance[i] = 0;
  return isolated ? pnl : q * mark;
}

export function allocateFigures(book: FastBook): FastFigures {
  const u = book.unitCount;
  const r = book.rowCount;
  return {
    unitMarginBalance: new Float64Array(u),
    unitMaintenance: new Float64Array(u),
    unitInitial: new Float64Array(u),
    unitHealth: new Float64Array(u),
    unitStatus: new Uint8Array(u),
    unitExact: new Uint8Array(u),
    unitPresent: new Uint8Array(u),
    rowNotional: new Float64Array(r),
    rowPnl: new Float64Array(r),
    rowMaintenance: new Float64Array(r),
  };
}

/** Every unit's and row's figures under the scenario: one pass over the rows, unit by unit. */
export function evaluateFast(book: FastBook, s: FastScenario, out: FastFigures = allocateFigures(book)): FastFigures {
  const { rowUnderlying, rowKind, rowQcs, rowMark, rowEntry, rowHaircut, rowTable, rowMmr, rowCum, rowImr } = book;
  const { tableStart, tierCap, tierMmr, tierCum, tierImr } = book;
  const { factor, keep } = s;
  const { rowNotional, rowPnl, rowMaintenance } = out;
  const { unitIsolated, unitPhantom, unitAlwaysExact, unitBase, unitStart } = book;
  const unitAdd = s.unitAdd;
  for (let u = 0; u < book.unitCount; u++) {
    const isolated = unitIsolated[u] === 1;
    let balance = unitBase[u]! + unitAdd[u]!;
    let mm = 0;
    let im = 0;
    let edge = unitAlwaysExact[u] === 1;
    const end = unitStart[u + 1]!;
    for (let i = unitStart[u]!; i < end; i++) {
      const mark = rowMark[i]! * factor[rowUnderlying[i]!]!;
      const q = rowQcs[i]!;
      switch (rowKind[i]) {
        case RowKind.Linear: {
          const entry = rowEntry[i]!;
          // closing realises PnL into the balance: the balance keeps the whole PnL, the row shows the kept part
          const pnl = Number.isNaN(entry) ? 0 : q * (mark - entry);
          const k = keep ? keep[i]! : 1;
          const notional = Math.abs(q) * k * mark;
          let mmr: number;
          let cum: number;
          let imr = rowImr[i]!;
          const t = rowTable[i]!;
          if (t < 0) {
            mmr = rowMmr[i]!;
            cum = rowCum[i]!;
          } else {
            // tiers.ts tierFor: the first tier with notional <= cap, else the last
            const first = tableStart[t]!;
            const last = tableStart[t + 1]! - 1;
            let j = first;
            while (j < last && notional > tierCap[j]!) j++;
            const cap = tierCap[j]!;
            if (Math.abs(notional - cap) <= NEAR * cap || (j > first && Math.abs(notional - tierCap[j - 1]!) <= NEAR * tierCap[j - 1]!)) edge = true;
            mmr = tierMmr[j]!;
            cum = tierCum[j]!;
            if (Number.isNaN(imr)) imr = tierImr[j]!;
          }
          const m = notional * mmr - cum;
          const rowMm = m > 0 ? m : 0;
          balance += pnl;
          mm += rowMm;
          im += notional * imr;
          rowNotional[i] = notional;
          rowPnl[i] = pnl * k;
          rowMaintenance[i] = rowMm;
          break;
        }
        case RowKind.SpotAsset:
          balance += q * mark * (1 - rowHaircut[i]!);
          rowNotional[i] = Math.abs(q) * mark;
          rowPnl[i] = NaN;
          rowMaintenance[i] = 0;
          break;
        case RowKind.SpotDebt:
          balance += q * mark;
          rowNotional[i] = Math.abs(q) * mark;
          rowPnl[i] = NaN;
          rowMaintenance[i] = 0;
          break;
        case RowKind.LendingDebt: {
          const debt = Math.abs(q) * mark;
          mm += debt;
          im += debt;
          rowNotional[i] = debt;
          rowPnl[i] = NaN;
          rowMaintenance[i] = debt;
          break;
        }
        case RowKind.Option:
          balance += optionRow(book, i, mark, isolated, out);
          break;
        default:
          edge = true;
      }
    }
    const hf = mm > 0 ? balance / mm : Infinity;
    if (mm > 0 && (near(hf, 1) || near(hf, s.marginCallHF) || near(hf, s.targetHF))) edge = true;
    out.unitPresent[u] = unitPhantom[u] === 1 && unitAdd[u] === 0 ? 0 : 1;
    if (edge) {
      exactUnit(book, u, s, out);
      continue;
    }
    out.unitMarginBalance[u] = balance;
    out.unitMaintenance[u] = mm;
    out.unitInitial[u] = im;
    out.unitHealth[u] = hf;
    out.unitStatus[u] = mm > 0 ? statusCode(hf, s) : 0;
    out.unitExact[u] = 0;
  }
  return out;
}
