import { Dec, ZERO, decStr } from '../decimal';
import { markFactor, prepareScenario } from '../scenario';
import { DEFAULT_THRESHOLDS, type Scenario } from '../types';
import { unitFigures } from '../units';
import { AdlDesk, adlTarget } from './adl';
import { nameOf, type CascadeBook } from './book';
import { fillFactor, priceFactor, RATIO_DP } from './impact';
import { prepareParams } from './params';
import { isClosedOut, planLiquidation, type Plan } from './plan';
import { Events, histogram } from './report';
import { newScreenState, screenCandidates } from './screen';
import { closeAt, equityNow, marksOf, newRunState, setBase, setFills, setRatio, settleUnits, sizeOf, syncFloats, unitAt, type RunState } from './state';
import type { CascadeParams, CascadeResult, CascadeRound } from './types';

export interface CascadeRequest {
  book: CascadeBook;
  scenario: Scenario;
  params: CascadeParams;
  /** screen every unit in every round (no slope-bound skipping): the reference the fast screening is tested against */
  screenEveryRound?: boolean;
}

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
  const state = newRunState(book, shock.slice(), newScreenState(book, Float64Array.from(shock, (s) => s.toNumber())), params.fund);
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
    const plans = liquidating.map((u, n) => planLiquidation({ unit: unitAt(state, u), marks: marks[n]!, screenHf: state.screen.hf[u]!, partialTarget: params.partialTarget, feeRate: params.feeRate, sizeOf: (i, d) => sizeOf(state, book.rowStart[u]! + i, d) }));
    const flow = book.underlyings.map(() => ZERO);
    liquidating.forEach((u, n) => {
      for (const c of plans[n]!.closes) {
        const k = book.rowUnderlying[book.rowStart[u]! + c.i]!;
        flow[k] = flow[k]!.plus(c.today);
      }
    });
    setFills(state, flow.map((q, k) => shock[k]!.times(fillFactor(params.impact.get(book.underlyings[k]!), cumulative[k]!, cumulative[k]!.plus(q))).toDecimalPlaces(RATIO_DP)));
    const summary = { liquidatedNotional: ZERO, fees: ZERO, impactCost: ZERO, bankrupt: 0, fundPaid: ZERO, adlEvents: 0, adlAmount: ZERO, uncovered: ZERO };
    // 3. fills and fees of every unit first, so that the round's fees are in the fund before it pays deficits
    const liquidatedNow = new Uint8Array(book.units.length);
    for (const u of liquidating) liquidatedNow[u] = 1;
    const desk = new AdlDesk(state, liquidatedNow);
    const settled = liquidating.map((u, n) => settle(state, u, marks[n]!, plans[n]!, params.feeRate));
    liquidating.forEach((u, n) => {
      const plan = plans[n]!;
      const outcome = settled[n]!;
      summary.liquidatedNotional = summary.liquidatedNotional.plus(plan.notional);
      summary.fees = summary.fees.plus(outcome.fee);
      if (!outcome.slippage.isZero()) summary.impactCost = summary.impactCost.plus(outcome.slippage);
      // a bankrupt unit: the fund as far as it goes, then ADL
      const fundPaid = payFromFund(state, u, outcome.deficit);
      if (!fundPaid.isZero()) summary.fundPaid = summary.fundPaid.plus(fundPaid);
      let adlPaid = ZERO;
      if (outcome.deficit.gt(0)) {
        summary.bankrupt++;
        const left = outcome.deficit.minus(fundPaid);
        const target = left.gt(0) ? adlTarget(state, u, plan.closes) : null;
        if (target) {
          for (const e of desk.cover(u, target.underlying, target.side, left)) {
            adlPaid = adlPaid.plus(e.amount);
            events.adl(e.unit, round, e.amount);
            summary.adlEvents++;
          }
        }
        summary.adlAmount = summary.adlAmount.plus(adlPaid);
        if (left.gt(adlPaid)) summary.uncovered = summary.uncovered.plus(left.minus(adlPaid));
      }
      if (isClosedOut(state, u)) state.closed[u] = 1;
      events.liquidation({ round, unit: u, plan, ...outcome, fundPaid, adlPaid });
    });
    fees = fees.plus(summary.fees);
    impactCost = impactCost.plus(summary.impactCost);
    // every booked transfer of the round, as the accounts saw it: -slippage - fee + fund + ADL in - ADL out (= 0 net)
    ledger = ledger.minus(summary.impactCost).minus(summary.fees).plus(summary.fundPaid);
    // 4. the new price and what it does to the open positions
    const moved = new Set<number>();
    flow.forEach((q, k) => {
      if (q.isZero()) return;
      // every close of the round took its `today` off the exposure (state.ts exposureBeyondFlow)
      state.exposure[k] = state.exposure[k]!.minus(q);
      cumulative[k] = cumulative[k]!.plus(q);
      const next = shock[k]!.times(priceFactor(params.impact.get(book.underlyings[k]!), cumulative[k]!)).toDecimalPlaces(RATIO_DP);
      if (next.equals(state.ratio[k]!)) return;
      priceEffect = priceEffect.plus(state.exposure[k]!.times(next.minus(state.ratio[k]!)));
      setRatio(state, k, next);
      moved.add(k);
    });
    rounds.push(roundReport(round, liquidating.length, summary, state, flow));
    candidates = nextCandidates(state, stamp, round, moved, liquidating, events.adlUnitsOfRound(round));
  }
  screen(state, book.units.keys(), EVERY);
  settleUnits(state);
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
      ...events.columns((u) => nameOf(book, u)),
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
  slippage: Dec;
  fee: Dec;
  /** minus the equity left when it is negative, else 0 */
  deficit: Dec;
}

/** Fills a unit's closes at the round's price and charges the fee (never more than its equity). */
function settle(state: RunState, u: number, marks: Dec[], plan: Plan, feeRate: Dec): Settlement {
  let slippage = ZERO;
  for (const c of plan.closes) {
    const paid = closeAt(state, u, c);
    slippage = slippage === ZERO ? paid : slippage.plus(paid);
  }
  let equity = equityNow(state, u, marks);
  let fee = feeRate.times(plan.feeBase);
  if (fee.gt(equity)) fee = equity.gt(0) ? equity : ZERO;
  if (fee.gt(0)) {
    setBase(state, u, state.base[u]!.minus(fee));
    state.fund = state.fund.plus(fee);
    equity = equity.minus(fee);
  }
  return { marks, slippage, fee, deficit: equity.lt(0) ? equity.neg() : ZERO };
}

/** The fund pays what it can of a deficit into the unit's wallet; never below zero. */
function payFromFund(state: RunState, u: number, deficit: Dec): Dec {
  const paid = deficit.lt(state.fund) ? deficit : state.fund;
  if (paid.gt(0)) {
    state.fund = state.fund.minus(paid);
    setBase(state, u, state.base[u]!.plus(paid));
  }
  return paid;
}

/** The units to screen next round, each once: `stamp[u] === round` marks a unit already listed. */
function nextCandidates(state: RunState, stamp: Int32Array, round: number, moved: ReadonlySet<number>, liquidated: readonly number[], adl: Iterable<number>): number[] {
  const next: number[] = [];
  const add = (u: number) => {
    if (stamp[u] === round) return;
    stamp[u] = round;
    next.push(u);
  };
  for (const k of moved) for (const u of state.book.unitsOf[k]!) add(u);
  for (const u of liquidated) if (!state.closed[u]) add(u);
  for (const u of adl) add(u);
  return next;
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
