import { prepareCuts, type PreparedCuts } from './cuts';
import { ONE, ZERO, readDecimalText, type Dec } from './decimal';
import { isStablecoin } from './stablecoins';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type Scenario, type Thresholds } from './types';

/** A scenario with its numbers as decimals, keyed by Maps (user text is never an object key). */
export interface PreparedScenario {
  shocks: Map<string, Dec>;
  all: Dec;
  volShock: Dec;
  days: Dec;
  addCollateral: Map<string, Dec>;
  cuts: PreparedCuts;
  targetHF: Dec;
  marginCallHF: Dec;
}

export type ScenarioCheck = { ok: true; scenario: PreparedScenario } | { ok: false; error: string };

function num(text: string, what: string): Dec {
  const value = readDecimalText(text);
  if (!value) throw new RangeError(`${what}: expected a number, found "${text}"`);
  return value;
}

/** Checks and converts a scenario and the status thresholds. */
export function prepareScenario(scenario: Scenario, thresholds: Thresholds): ScenarioCheck {
  try {
    const shocks = new Map<string, Dec>();
    for (const [underlying, fraction] of scenario.shocks) {
      const s = num(fraction, `shock ${underlying}`);
      if (s.lessThanOrEqualTo(-1)) throw new RangeError(`shock ${underlying}: a move must be above -1 (-100%), found ${fraction}`);
      shocks.set(underlying.toUpperCase(), s);
    }
    const all = num(scenario.all, 'shock all');
    if (all.lessThanOrEqualTo(-1)) throw new RangeError(`shock all: a move must be above -1 (-100%), found ${scenario.all}`);
    const addCollateral = new Map<string, Dec>();
    for (const [account, amount] of scenario.addCollateral) {
      addCollateral.set(account, (addCollateral.get(account) ?? ZERO).plus(num(amount, `collateral for ${account}`)));
    }
    const cuts = prepareCuts(scenario.cuts ?? []);
    const targetHF = num(thresholds.targetHF, 'target health factor');
    const marginCallHF = num(thresholds.marginCallHF, 'margin-call health factor');
    if (marginCallHF.lessThan(ONE)) throw new RangeError('the margin-call health factor must be at least 1');
    if (targetHF.lessThan(marginCallHF)) throw new RangeError('the target health factor must be at least the margin-call level');
    const volShock = num(scenario.volShock, 'volatility shock');
    const days = num(scenario.days, 'time shift');
    return { ok: true, scenario: { shocks, all, volShock, days, addCollateral, cuts, targetHF, marginCallHF } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The factor on an underlying's marks: a named shock compounds with the `all` shock,
 * `(1 + all) * (1 + own)`; stablecoins move only when named (a depeg is a scenario too).
 */
export function markFactor(scenario: PreparedScenario, underlying: string): Dec {
  const own = ONE.plus(scenario.shocks.get(underlying.toUpperCase()) ?? ZERO);
  return isStablecoin(underlying) ? own : own.times(ONE.plus(scenario.all));
}

let empty: PreparedScenario | null = null;
/** No what-if: today's marks, no collateral or cuts, the default levels (prepared once). */
export function noWhatIf(): PreparedScenario {
  if (!empty) {
    const checked = prepareScenario(EMPTY_SCENARIO, DEFAULT_THRESHOLDS);
    if (!checked.ok) throw new Error(checked.error);
    empty = checked.scenario;
  }
  return empty;
}
