import { Dec, ZERO, decStr } from '../decimal';
import { markFactor, prepareScenario } from '../scenario';
import { DEFAULT_THRESHOLDS, type Scenario } from '../types';
import { unitFigures } from '../units';
import { AdlDesk, adlTarget } from './adl';
import { nameOf, type CascadeBook } from './book';
import { isAboveZero, isBelowZero } from './float';
import { fillFactor, priceFactor, RATIO_DP } from './impact';
import { prepareParams } from './params';
import { isClosedOut, planLiquidation, type Plan } from './plan';
import { Events, histogram } from './report';
import { newScreenState, screenCandidates } from './screen';
import { addForced, closeAt, equityNow, groupFill, marksOf, newRunState, setBase, setFills, setRatio, slipOf, syncFloats, takeForced, unitAt, type RunState } from './state';
import type { CascadeParams, CascadeResult, CascadeRound } from './types';

export interface CascadeRequest {
  book: CascadeBook;
  scenario: Scenario;
  params: CascadeParams;
  /** screen every unit in every round (no slope-bound skipping): the reference the fast screening is tested against */
  screenEveryRound?: boolean;
}

/** `final`: the run's state at the end; its `units` are brought up to date by settleUnits (state.ts) when asked for. */
export type CascadeOutcome = { ok: true; result: CascadeResult; final: RunState } | { ok: false; error: string };

/**
 * The liquidation cascade (docs/cascade.md). From the scenario's shock, in rounds:
 * 1. every open unit whose HF <= 1 at the round's marks is liquidated by its venue's rule (plan.ts);
 * 2. the closes of the round, netted per underlying, move the cumulative flow Q and so the price
 *    (impact.ts); they all fill at the round's average price;
 * 3. each liquidated unit pays its slippage and the fee (to the fund, never more than its equity);
 *    a unit left with equity < 0 is bankrupt: the fund pays the deficit as far as it can, then ADL;
 * 4. the remaining positions are marked at the new price; the units that can have changed
 *    (those holding a moved underlying, and those ADL touched) are screened for the next round.
 * Deterministic: units in book order, ties in book order.
 */
export function runCascade(request: CascadeRequest): CascadeOutcome {
  const checked = prepareScenario(request.scenario, DEFAULT_THRESHOLDS);
  if (!checked.ok) return checked;
  const prepared = prepareParams(request.params);
  if (!prepared.ok) return prepared;
  const params = prepared.params;
  const { book } = request;
  const shock = book.underlyings.map((u) => markFactor(checked.scenario, u).toDecimalPlaces(RATIO_DP));
  const state = newRunState(book, shock.slice(), newScreenState(book, Float64Array.from(shock, (s) => s.toNumber()), Uint8Array.from(book.underlyings, (u) => (params.impact.has(u) ? 1 : 0))), params.fund);
  addCollateral(state, checked.scenario.addCollateral);
  const cumulative = book.underlyings.map(() => ZERO);
  const events = new Events();
  const rounds: CascadeRound[] = [];
  let priceEffect = ZERO;
  let fees = ZERO;
  let impactCost = ZERO;
  let ledger = ZERO;

  let candidates: Iterable<number> = book.units.keys();
  const stamp = new Int32Array(book.units.length);
  const candidateBuffer = new Int32Array(book.units.length);
  let hfBefore: Float64Array | null = null;
  let stop: CascadeResult['stop'] = 'round-limit';
  for (let round = 1; round <= params.maxRounds; round++) {
    const liquidating = screen(state, request.screenEveryRound ? book.units.keys() : candidates, (round === 1 || request.screenEveryRound === true) && EVERY);
    hfBefore ??= state.screen.hf.slice();
    if (liquidating.length === 0) {
      stop = 'no-liquidation';
      break;
    }
    // 1. plans at the round's marks, 2. flows and prices
    const marks = liquidating.map((u) => marksOf(state, u));
    const plans = liquidating.map((u, n) => planLiquidation({ state, u, marks: marks[n]!, screenHf: state.screen.hf[u]!, partialTarget: params.partialTarget, feeRate: params.feeRate }));
    liquidating.forEach((u, n) => {
      const start = book.rowStart[u]!;
      for (const c of plans[n]!.closes) addForced(state, 'sold', start + c.i, c.size);
    });
    // the round's sales per price group: the flow is one product per group at today's mark
    const forced = takeForced(state);
    const flow = book.underlyings.map(() => ZERO);
    for (const f of forced) {
      if (f.sold.isZero()) continue;
      const group = book.groups[f.g]!;
      flow[group.underlying] = flow[group.underlying]!.plus(f.sold.times(group.mark));
    }
    setFills(state, flow.map((q, k) => shock[k]!.times(fillFactor(params.impact.get(book.underlyings[k]!), cumulative[k]!, cumulative[k]!.plus(q))).toDecimalPlaces(RATIO_DP)));
    const summary = { liquidatedNotional: ZERO, fees: ZERO, impactCost: ZERO, bankrupt: 0, fundPaid: ZERO, adlEvents: 0, adlAmount: ZERO, uncovered: ZERO };
    // the slippage of every close of the round: sum of size * (mark - fill), one product per group
    for (const f of forced) {
      if (f.sold.isZero()) continue;
      const slip = groupSlip(state, f.g);
      if (!slip.isZero()) summary.impactCost = summary.impactCost.plus(f.sold.times(slip));
    }
    // 3. fills and fees of every unit first, so that the round's fees are in the fund before it pays deficits
    const liquidatedNow = new Uint8Array(book.units.length);
    for (const u of liquidating) liquidatedNow[u] = 1;
    const desk = new AdlDesk(state, liquidatedNow);
    const settled = liquidating.map((u, n) => settle(state, u, marks[n]!, plans[n]!, params.feeRate));
    for (const outcome of settled) if (outcome.fee !== ZERO) summary.fees = summary.fees.plus(outcome.fee);
    state.fund = state.fund.plus(summary.fees);
    liquidating.forEach((u, n) => {
      const plan = plans[n]!;
      const outcome = settled[n]!;
      summary.liquidatedNotional = summary.liquidatedNotional.plus(plan.notional);
      // a bankrupt unit: the fund as far as it goes, then ADL
      const fundPaid = outcome.deficit === ZERO ? ZERO : payFromFund(state, u, outcome.deficit);
      if (!fundPaid.isZero()) summary.fundPaid = summary.fundPaid.plus(fundPaid);
      let adlPaid = ZERO;
      if (isAboveZero(outcome.deficit)) {
        summary.bankrupt++;
        const left = outcome.deficit.minus(fundPaid);
        const target = isAboveZero(left) ? adlTarget(state, u, plan.closes) : null;
        if (target) {
          for (const e of desk.cover(u, target.underlying, target.side, left)) {
            adlPaid = adlPaid === ZERO ? e.amount : adlPaid.plus(e.amount);
            events.adl(e.unit, round, e.amount);
            summary.adlEvents++;
          }
        }
        summary.adlAmount = summary.adlAmount.plus(adlPaid);
        if (left.gt(adlPaid)) summary.uncovered = summary.uncovered.plus(left.minus(adlPaid));
      }
      if (isClosedOut(state, u)) state.closed[u] = 1;
      events.liquidation(round, u, plan, outcome.slippage, outcome.fee, outcome.deficit, fundPaid, adlPaid);
    });
    fees = fees.plus(summary.fees);
    impactCost = impactCost.plus(summary.impactCost);
    // every booked transfer of the round, as the accounts saw it: -slippage - fee + fund + ADL in - ADL out (= 0 net)
    ledger = ledger.minus(summary.impactCost).minus(summary.fees).plus(summary.fundPaid);
    // what ADL closed leaves the exposure too (size * today's mark), one product per group
    for (const f of takeForced(state)) {
      const group = book.groups[f.g]!;
      if (!f.adl.isZero()) state.exposure[group.underlying] = state.exposure[group.underlying]!.minus(f.adl.times(group.mark));
    }
    // 4. the new price and what it does to the open positions
    const moved = new Set<number>();
    flow.forEach((q, k) => {
      if (q.isZero()) return;
      // the round's closes leave the exposure with their flow (state.ts exposureBeyondFlow is the rest)
      state.exposure[k] = state.exposure[k]!.minus(q);
      cumulative[k] = cumulative[k]!.plus(q);
      const next = shock[k]!.times(priceFactor(params.impact.get(book.underlyings[k]!), cumulative[k]!)).toDecimalPlaces(RATIO_DP);
      if (next.equals(state.ratio[k]!)) return;
      priceEffect = priceEffect.plus(state.exposure[k]!.times(next.minus(state.ratio[k]!)));
      setRatio(state, k, next);
      moved.add(k);
    });
    rounds.push(roundReport(round, liquidating.length, summary, state, flow));
    candidates = nextCandidates(state, candidateBuffer, stamp, round, moved, liquidating, events.adlUnitsOfRound(round));
  }
  screen(state, book.units.keys(), EVERY);
  const fundChange = state.fund.minus(params.fund);
  return {
    ok: true,
    final: state,
    result: {
      rounds,
      stop,
      startRatios: book.underlyings.map((u, k) => [u, decStr(shock[k]!)]),
      referencePrices: book.underlyings.map((u, k) => [u, decStr(book.referencePrices[k]!)]),
      fundStart: decStr(params.fund),
      fundEnd: decStr(state.fund),
      units: book.units.length,
      ...events.columns(book.units.length, (u) => nameOf(book, u)),
      histogram: histogram(hfBefore ?? state.screen.hf, state.screen.hf),
      accounting: {
        accountsChange: decStr(ledger.plus(priceEffect)),
        fundChange: decStr(fundChange),
        impactCost: decStr(impactCost),
        priceEffect: decStr(priceEffect),
        fees: decStr(fees),
      },
    },
  };
}

/** Scenario collateral goes to the account's cross unit, as in evaluate (accounts without one: none). */
function addCollateral(state: RunState, amounts: ReadonlyMap<string, Dec>): void {
  if (amounts.size === 0) return;
  state.book.units.forEach((unit, u) => {
    const amount = amounts.get(unit.account);
    if (amount && unit.mode === 'cross') setBase(state, u, state.base[u]!.plus(amount));
  });
}

/** Units at HF <= 1, in book order: the float screen decides, decimal where it is unsure. */
/** Screening of every unit whatever changed (the first round, the final histogram). */
const EVERY = true;

function screen(state: RunState, candidates: Iterable<number>, every = false): number[] {
  syncFloats(state);
  const { liquidate, unsure } = screenCandidates(state.book, state.screen, candidates, every, state.closed);
  for (const u of unsure) {
    const fig = unitFigures(unitAt(state, u), marksOf(state, u));
    if (fig.mm.gt(0) && fig.marginBalance.lte(fig.mm)) liquidate.push(u);
  }
  return liquidate.sort((a, b) => a - b);
}

interface Settlement {
  marks: Dec[];
  /** the slippage its closes paid, for display (the round books it per price group, exactly) */
  slippage: number;
  fee: Dec;
  /** minus the equity left when it is negative, else 0 */
  deficit: Dec;
}

/**
 * Fills a unit's closes at the round's price and charges the fee (never more than its equity;
 * the caller puts the round's fees in the fund). After a fee within the equity nothing is left
 * to owe; a fee the equity cannot pay takes what is positive; a negative equity is the deficit.
 */
function settle(state: RunState, u: number, marks: Dec[], plan: Plan, feeRate: Dec): Settlement {
  let slippage = 0;
  for (const c of plan.closes) slippage += closeAt(state, u, c);
  const equity = equityNow(state, u, marks);
  let fee = feeRate.isZero() ? ZERO : feeRate.times(plan.feeBase);
  let deficit = ZERO;
  if (fee.gt(equity)) {
    if (isAboveZero(equity)) fee = equity;
    else {
      fee = ZERO;
      if (isBelowZero(equity)) deficit = equity.neg();
    }
  }
  if (isAboveZero(fee)) setBase(state, u, state.base[u]!.minus(fee));
  else fee = ZERO;
  return { marks, slippage, fee, deficit };
}

/** The fund pays what it can of a deficit into the unit's wallet; never below zero. */
function payFromFund(state: RunState, u: number, deficit: Dec): Dec {
  const paid = deficit.lt(state.fund) ? deficit : state.fund;
  if (isAboveZero(paid)) {
    state.fund = state.fund.minus(paid);
    setBase(state, u, state.base[u]!.plus(paid));
  }
  return paid;
}

/** mark - fill of price group g this round. */
function groupSlip(state: RunState, g: number): Dec {
  groupFill(state, g);
  return slipOf(state, g);
}

/**
 * The units to screen next round, each once (`stamp[u] === round` marks a unit already listed),
 * written into `into` (one buffer of units.length for the run: no list grows).
 */
function nextCandidates(state: RunState, into: Int32Array, stamp: Int32Array, round: number, moved: ReadonlySet<number>, liquidated: readonly number[], adl: Iterable<number>): Int32Array {
  let n = 0;
  const add = (u: number) => {
    if (stamp[u] === round) return;
    stamp[u] = round;
    into[n++] = u;
  };
  for (const k of moved) {
    const list = state.book.unitsOf[k]!;
    for (let j = 0; j < list.length; j++) add(list[j]!);
  }
  for (const u of liquidated) if (!state.closed[u]) add(u);
  for (const u of adl) add(u);
  return into.subarray(0, n);
}

function roundReport(round: number, liquidated: number, s: { liquidatedNotional: Dec; fees: Dec; impactCost: Dec; bankrupt: number; fundPaid: Dec; adlEvents: number; adlAmount: Dec; uncovered: Dec }, state: RunState, flow: readonly Dec[]): CascadeRound {
  return {
    round,
    liquidated,
    liquidatedNotional: decStr(s.liquidatedNotional),
    fees: decStr(s.fees),
    impactCost: decStr(s.impactCost),
    bankrupt: s.bankrupt,
    fundPaid: decStr(s.fundPaid),
    fund: decStr(state.fund),
    adlEvents: s.adlEvents,
    adlAmount: decStr(s.adlAmount),
    uncovered: decStr(s.uncovered),
    flows: state.book.underlyings.map((u, k) => [u, decStr(flow[k]!)]),
    ratios: state.book.underlyings.map((u, k) => [u, decStr(state.ratio[k]!)]),
  };
}
