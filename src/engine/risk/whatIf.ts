import type { FastBook } from '../fast/book';
import { compileScenario } from '../fast/evaluate';
import { markFactor, type PreparedScenario } from '../scenario';
import { exposureFromBook, modelWith, unitsAt, type ExposureModel } from './exposure';

/**
 * The risk model under the page's what-if (float64 statistics), so VaR and the hit probabilities
 * answer "how bad is a bad day from here?" while the sliders move:
 * - prices: the paths start at the scenario's ratios to today's (`start`, montecarlo.ts);
 * - added collateral: in the account's cross unit's balance, as the cards put it (fast/evaluate.ts);
 * - cuts: the cut perps and futures keep their share of the size and their closed PnL at the
 *   scenario's marks is realised (cuts.ts withCuts), so the model is laid out again from the book;
 * - volatility shock and time shift: priced options take iv·(1 + v) and T − days/365 and keep
 *   today's model price as the base of their mark (options/repricing.ts), as the cards do.
 *
 * Price moves are a start, not a new model: a run plan (a crossing per unit, plan.ts) is made
 * once per model and level, and a slider step only moves where the paths begin. The models made
 * for collateral and cuts, and for vol and time, are kept for the next steps (one of each).
 */
export interface RiskWhatIf {
  model: ExposureModel;
  /** per underlying of the model: the scenario's price ratio to today's */
  start: Float64Array;
}

const balanced = new WeakMap<ExposureModel, { key: string; model: ExposureModel }>();
const shifted = new WeakMap<ExposureModel, { key: string; model: ExposureModel }>();

export function riskWhatIf(base: ExposureModel, book: FastBook, scenario: PreparedScenario): RiskWhatIf {
  const model = withOptionsShifted(withBalances(base, book, scenario), scenario);
  return { model, start: Float64Array.from(model.underlyings, (u) => markFactor(scenario, u).toNumber()) };
}

/** The model with today's figures (x = 1) made again after its balances or options changed. */
function withTodayFigures(model: ExposureModel): ExposureModel {
  const mb0 = new Float64Array(model.units.length);
  const mm0 = new Float64Array(model.units.length);
  const out = modelWith(model, { mb0, mm0 });
  unitsAt(out, new Float64Array(model.underlyings.length).fill(1), mb0, mm0);
  return out;
}

function kept(cache: WeakMap<ExposureModel, { key: string; model: ExposureModel }>, from: ExposureModel, key: string, make: () => ExposureModel): ExposureModel {
  const hit = cache.get(from);
  if (hit && hit.key === key) return hit.model;
  const model = make();
  cache.set(from, { key, model });
  return model;
}

function withBalances(base: ExposureModel, book: FastBook, s: PreparedScenario): ExposureModel {
  const { cross, lines } = s.cuts;
  const cut = cross.size > 0 || lines.size > 0;
  if (!cut && s.addCollateral.size === 0) return base;
  const key = JSON.stringify([[...s.addCollateral].map(([a, v]) => [a, v.toString()]), [...cross].map(([a, v]) => [a, v.toString()]), [...lines].map(([l, v]) => [l, v.toString()])]);
  return kept(balanced, base, key, () => {
    let model = base;
    if (cut) {
      const compiled = compileScenario(book, s);
      model = exposureFromBook(book, { cuts: s.cuts, keep: compiled.keep ?? new Float64Array(book.rowCount).fill(1), factor: compiled.factor });
    }
    if (s.addCollateral.size === 0) return model;
    const constant = model.constant.slice();
    const crossUnit = new Map<string, number>();
    model.units.forEach((u, i) => u.mode === 'cross' && crossUnit.set(u.account, i));
    // an account with no cross unit in the model holds nothing that moves: collateral there changes no figure here
    for (const [account, amount] of s.addCollateral) {
      const i = crossUnit.get(account);
      if (i !== undefined) constant[i]! += amount.toNumber();
    }
    return withTodayFigures(modelWith(model, { constant }));
  });
}

function withOptionsShifted(model: ExposureModel, s: PreparedScenario): ExposureModel {
  if ((s.volShock.isZero() && s.days.isZero()) || model.options.length === 0) return model;
  const v = s.volShock.toNumber();
  const years = s.days.toNumber() / 365;
  return kept(shifted, model, `${v}|${years}`, () => {
    const options = model.options.map((o) => ({ ...o, iv: Math.max(0, o.iv * (1 + v)), T: Math.max(0, o.T - years), shifted: true }));
    // a plan reads no option's vol or time: this model's runs share its plans
    return withTodayFigures(modelWith(model, { options, planOf: model.planOf ?? model }));
  });
}
