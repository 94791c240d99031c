import { Dec, ONE, ZERO } from '../decimal';
import { sizeRatioForMaintenance } from '../liquidation';
import { isLinear } from '../rows';
import { unitFigures, type PreparedUnit } from '../units';
import { collateralSale } from './collateral';
import { sizeOf, toLot, unitAt, type RunState } from './state';
import type { LiquidationKind } from './types';

/** Aave v3: 50% of the debt may be repaid while HF > 0.95, all of it at or below (CLOSE_FACTOR_HF_THRESHOLD). */
export const AAVE_CLOSE_FACTOR_HF = new Dec('0.95');
export const AAVE_CLOSE_FACTOR_HALF = new Dec('0.5');

export interface Close {
  /** row index within the unit */
  i: number;
  /** signed size to close, same sign as the row's q */
  delta: Dec;
}

/** A close with the products every later step needs, each computed once. */
export interface PricedClose extends Close {
  /** delta * cs (spot: delta): the size in the underlying */
  size: Dec;
  /** |size| * the round's mark */
  notional: Dec;
}

export interface Plan {
  kind: LiquidationKind;
  closes: PricedClose[];
  /** what the fee applies to: the closed notional (margin) or the repaid debt (lending) */
  feeBase: Dec;
  /** notional sent to the market, at the round's marks */
  notional: Dec;
  /** of it, spot collateral sold (margin: to cover the stable balance; lending: seized), at the round's marks */
  collateral: Dec;
  /** HF before the liquidation (float64 from the screen for margin venues; display only) */
  hf: number;
}

function priced(state: RunState, u: number, closes: readonly Close[], marks: readonly Dec[]): PricedClose[] {
  const start = state.book.rowStart[u]!;
  return closes.map(({ i, delta }) => {
    const size = sizeOf(state, start + i, delta);
    const signed = size.times(marks[i]!);
    return { i, delta, size, notional: signed.isNeg() ? signed.neg() : signed };
  });
}

/** The sum of the closes' notionals (one close: its own, without a new decimal). */
const sumNotional = (closes: readonly PricedClose[]) => (closes.length === 1 ? closes[0]!.notional : closes.reduce((sum, c) => sum.plus(c.notional), ZERO));

/** Every open perp and future of unit u, whole (read from the run's sizes: no unit is built). */
function fullMargin(state: RunState, u: number): Close[] {
  const closes: Close[] = [];
  const start = state.book.rowStart[u]!;
  const end = state.book.rowStart[u + 1]!;
  for (let r = start; r < end; r++) {
    const q = state.q[r]!;
    if (state.book.rowLinear[r] === 1 && !q.isZero()) closes.push({ i: r - start, delta: q });
  }
  return closes;
}

/**
 * The least every perp and future keeps so that HF at the round's marks is `targetHF` again
 * (sizeRatioForMaintenance, tiers re-evaluated; closing at the mark leaves MB as it is): close
 * 1 - y of each. A unit whose MB is not positive, or that no cut can mend, is closed whole.
 */
function partialMargin(state: RunState, u: number, unit: PreparedUnit, marks: readonly Dec[], mb: Dec, targetHF: Dec): Close[] {
  const full = fullMargin(state, u);
  if (!mb.gt(0)) return full;
  const y = sizeRatioForMaintenance(unit, marks, unit.rows.map(isLinear), mb.div(targetHF));
  if (!y || !y.lt(ONE)) return full;
  const cut = ONE.minus(y);
  return full.map((c) => ({ i: c.i, delta: toLot(c.delta.times(cut), c.delta) }));
}

/**
 * Aave v3 liquidationCall as the cascade applies it: repay close-factor x debt, seize collateral
 * worth repaid x (1 + bonus) at the oracle price, pro rata over every collateral and debt row; when
 * the collateral is short, seize all of it and repay what it covers.
 */
function lendingPlan(unit: PreparedUnit, marks: readonly Dec[], hf: Dec, bonus: Dec): { kind: LiquidationKind; closes: Close[] } {
  const factor = hf.lte(AAVE_CLOSE_FACTOR_HF) ? ONE : AAVE_CLOSE_FACTOR_HALF;
  let debt = ZERO;
  let collateral = ZERO;
  unit.rows.forEach((row, i) => {
    if (row.src.type !== 'spot') return;
    const value = row.q.times(marks[i]!);
    if (row.q.lt(0)) debt = debt.minus(value);
    else collateral = collateral.plus(value);
  });
  const kind: LiquidationKind = factor.equals(ONE) ? 'close-factor-100' : 'close-factor-50';
  if (!debt.gt(0) || !collateral.gt(0)) return { kind, closes: [] };
  let repay = debt.times(factor);
  let seize = repay.times(ONE.plus(bonus));
  if (seize.gt(collateral)) {
    seize = collateral;
    repay = collateral.div(ONE.plus(bonus));
  }
  const closes: Close[] = [];
  unit.rows.forEach((row, i) => {
    if (row.src.type !== 'spot' || row.q.isZero()) return;
    const share = row.q.lt(0) ? repay.div(debt) : seize.div(collateral);
    closes.push({ i, delta: toLot(row.q.times(share), row.q) });
  });
  return { kind, closes };
}

export interface PlanRequest {
  state: RunState;
  u: number;
  marks: readonly Dec[];
  /** the screen's float HF, shown in the table */
  screenHf: number;
  partialTarget: Dec | null;
  feeRate: Dec;
}

/** What the venue's rule closes in a unit at HF <= 1 (docs/cascade.md, "Liquidation rules"). */
export function planLiquidation({ state, u, marks, screenHf, partialTarget, feeRate }: PlanRequest): Plan {
  if (state.book.units[u]!.venue.kind === 'lending') {
    // the close factor turns on HF 0.95 exactly: decimal
    const unit = unitAt(state, u);
    const fig = unitFigures(unit, marks);
    const hf = fig.mm.gt(0) ? fig.marginBalance.div(fig.mm) : ZERO;
    const plan = lendingPlan(unit, marks, hf, feeRate);
    const closes = priced(state, u, plan.closes, marks);
    const repaid = sumNotional(closes.filter((c) => c.delta.lt(0)));
    const seized = sumNotional(closes.filter((c) => c.delta.gt(0)));
    return { kind: plan.kind, closes, feeBase: repaid, notional: seized, collateral: seized, hf: screenHf };
  }
  let chosen: Close[];
  if (partialTarget) {
    const unit = unitAt(state, u);
    chosen = partialMargin(state, u, unit, marks, unitFigures(unit, marks).marginBalance, partialTarget);
  } else chosen = fullMargin(state, u);
  const closes = priced(state, u, chosen, marks);
  const start = state.book.rowStart[u]!;
  const whole = closes.every((c) => c.delta === state.q[start + c.i] || c.delta.equals(state.q[start + c.i]!));
  const closed = sumNotional(closes);
  const plan: Plan = { kind: whole ? 'full' : 'partial', closes, feeBase: closed, notional: closed, collateral: ZERO, hf: screenHf };
  if (state.book.hasCollateral[u] === 1) {
    // the stable balance cannot pay what the closes realised and the fee: the collateral is sold (collateral.ts)
    const sale = priced(state, u, collateralSale(state, u, marks, chosen, feeRate.times(closed)), marks);
    if (sale.length > 0) {
      plan.collateral = sumNotional(sale);
      plan.notional = closed.plus(plan.collateral);
      plan.closes = closes.concat(sale);
    }
  }
  return plan;
}

/** Nothing left in unit u that the venue's rule could close. */
export function isClosedOut(state: RunState, u: number): boolean {
  const unit = state.book.units[u]!;
  const start = state.book.rowStart[u]!;
  const lending = unit.venue.kind === 'lending';
  return !unit.rows.some((r, i) => {
    const q = state.q[start + i]!;
    return lending ? r.src.type === 'spot' && q.gt(0) : isLinear(r) && !q.isZero();
  });
}
