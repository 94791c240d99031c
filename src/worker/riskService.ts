import { readDecimalText } from '../engine/decimal';
import type { FastBook } from '../engine/fast';
import { buildExposureModel, exposureFromBook, type ExposureModel } from '../engine/risk/exposure';
import { TAKER_FEES } from '../engine/risk/fees';
import { fundingAccounts, prepareFunding, projectFunding, type FundingBook } from '../engine/risk/funding';
import { heldNote } from '../engine/risk/held';
import { MARKET_SOURCE, defaultMarket } from '../engine/risk/market';
import { abandonRun, finishFigures, pathsDone, runPaths, startHistorical, startMonteCarlo, type VarRun } from '../engine/risk/montecarlo';
import { identityOf } from '../engine/risk/finish';
import { CRASH_PRESETS } from '../engine/risk/presets';
import { applyPreset, applyPresets } from '../engine/risk/stress';
import { riskWhatIf, type RiskWhatIf } from '../engine/risk/whatIf';
import { noWhatIf, prepareScenario } from '../engine/scenario';
import { QUANTILE_CONVENTION } from '../engine/risk/tail';
import type { Portfolio, Scenario } from '../engine/types';
import type { TierTable } from '../engine/venues/tiers';
import type { PreparedAccount } from '../engine/units';
import { problemLine } from '../import/types';
import { importReturns } from '../import/returns';
import type { RiskHandlers, VarSlot } from './riskProtocol';

function fraction(text: string, what: string): number {
  const v = readDecimalText(text);
  if (!v) throw new RangeError(`${what}: expected a number, found "${text}"`);
  return v.toNumber();
}

/**
 * The risk handlers over the service's current portfolio. The float64 exposure model is built once
 * per portfolio and tier tables (`invalidate` drops it), from the fast session's typed-array book
 * when the service has one (laid out once per load for the sliders), else from the portfolio; one
 * Monte Carlo run is kept per slot: the page's full run, and the what-if preview beside it (a
 * slider step's preview does not end a full run in progress).
 */
export function createRiskHandlers(
  current: () => { portfolio: Portfolio; tierTables: ReadonlyMap<string, TierTable> },
  fastBook: () => FastBook | null = () => null,
): RiskHandlers & { invalidate(): void } {
  let model: ExposureModel | null = null;
  /** the accounts as funding reads them (options priced for one vol and time), and a book per recent what-if */
  let funding: { portfolio: Portfolio; tierTables: ReadonlyMap<string, TierTable>; optionsKey: string; accounts: PreparedAccount[]; books: Map<string, FundingBook> } | null = null;
  const runs = new Map<VarSlot, { id: number; run: VarRun }>();
  let nextRun = 1;
  const exposure = (): ExposureModel => {
    if (!model) {
      const book = fastBook();
      model = book ? exposureFromBook(book) : buildExposureModel(current().portfolio, current().tierTables);
    }
    return model;
  };
  const guarded = <T>(fn: () => T): T | { ok: false; error: string } => {
    try {
      return fn();
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
  /** The model and start prices under the page's what-if (whatIf.ts). */
  const underWhatIf = (scenario: Scenario, marginCallHF: string): ({ ok: true } & RiskWhatIf) | { ok: false; error: string } => {
    const book = fastBook();
    if (!book) return { ok: false, error: 'no portfolio loaded' };
    // said as the level it is (prepareScenario would name the target it stands in for, below)
    fraction(marginCallHF, 'margin-call level');
    // the target level plays no part in a run: the margin-call level stands in for it
    const prepared = prepareScenario(scenario, { targetHF: marginCallHF, marginCallHF });
    if (!prepared.ok) return prepared;
    return { ok: true, ...riskWhatIf(exposure(), book, prepared.scenario) };
  };
  /** `run` on today's model, or on the what-if's model from its start prices (a bad what-if refused in words). */
  const onModel = <T>(whatIf: Scenario | undefined, marginCallHF: string, run: (m: ExposureModel, start?: Float64Array) => T): T | { ok: false; error: string } =>
    guarded(() => {
      if (!whatIf) return run(exposure());
      const from = underWhatIf(whatIf, marginCallHF);
      return from.ok ? run(from.model, from.start) : from;
    });
  const activeRun = (runId: number): VarRun => {
    for (const r of runs.values()) if (r.id === runId) return r.run;
    throw new Error('that run was replaced by a newer one or the portfolio changed');
  };
  return {
    invalidate() {
      model = null;
      funding = null;
      for (const r of runs.values()) abandonRun(r.run);
      runs.clear();
    },
    riskSetup() {
      const m = exposure();
      return {
        presets: [...CRASH_PRESETS],
        market: defaultMarket(m.underlyings),
        marketSource: MARKET_SOURCE,
        fees: [...TAKER_FEES].map(([venue, fee]) => ({ venue, rate: fee.rate.toFixed(), source: fee.source })),
        convention: QUANTILE_CONVENTION,
        heldNote: heldNote(m),
        units: m.units.map(identityOf),
      };
    },
    stress({ preset, marginCallHF, whatIf }) {
      return onModel(whatIf, marginCallHF, (m, start) => applyPreset(m, preset, fraction(marginCallHF, 'margin-call level'), start));
    },
    stressAll({ presets, marginCallHF, whatIf }) {
      return onModel(whatIf, marginCallHF, (m, start) => applyPresets(m, presets, fraction(marginCallHF, 'margin-call level'), start));
    },
    varStart({ slot = 'run', whatIf, horizonDays, confidences, marginCallHF, method }) {
      return guarded(() => {
        const common = {
          horizonDays: fraction(horizonDays, 'horizon'),
          confidences: confidences.map((c) => fraction(c, 'confidence')),
          marginCallHF: fraction(marginCallHF, 'margin-call level'),
        };
        const from = whatIf ? underWhatIf(whatIf, marginCallHF) : null;
        if (from && !from.ok) return from;
        const m = from ? from.model : exposure();
        const start = from ? from.start : undefined;
        let started;
        if (method.kind === 'monte-carlo') {
          started = startMonteCarlo(m, method.market, { ...common, paths: method.paths, seed: method.seed, stepsPerDay: method.stepsPerDay, returns: method.returns }, start);
        } else {
          const table = importReturns(method.fileName, method.content);
          if (!table.ok) return { ok: false as const, error: table.errors.map(problemLine).join('\n') };
          started = startHistorical(m, table.table, common, start);
        }
        if (!started.ok) return started;
        // a run replaced in its slot before its end (a cancelled one, an older preview) hands its buffers on
        const before = runs.get(slot);
        if (before) abandonRun(before.run);
        const id = nextRun++;
        runs.set(slot, { id, run: started.run });
        return { ok: true as const, runId: id, paths: started.run.paths };
      });
    },
    varStep({ runId, count }) {
      return guarded(() => {
        const r = activeRun(runId);
        const done = pathsDone(r);
        runPaths(r, done, count);
        return { ok: true as const, done: pathsDone(r), total: r.paths };
      });
    },
    varFinish({ runId }) {
      return guarded(() => finishFigures(activeRun(runId)));
    },
    funding({ horizonDays, marginCallHF, whatIf }) {
      return guarded(() => {
        const { portfolio, tierTables } = current();
        const checked = whatIf ? prepareScenario(whatIf, { targetHF: marginCallHF, marginCallHF }) : null;
        if (checked && !checked.ok) return checked;
        const scenario = checked ? checked.scenario : noWhatIf();
        // accounts are prepared again only for a new vol or time; a price, collateral or cut step redoes the figures
        const book = (): FundingBook => {
          const optionsKey = `${scenario.volShock.toString()}|${scenario.days.toString()}`;
          if (!funding || funding.portfolio !== portfolio || funding.tierTables !== tierTables || funding.optionsKey !== optionsKey) {
            funding = { portfolio, tierTables, optionsKey, accounts: fundingAccounts(portfolio, tierTables, new Date().toISOString(), scenario), books: new Map() };
          }
          const key = JSON.stringify(whatIf ?? null);
          let made = funding.books.get(key);
          if (!made) {
            made = prepareFunding(funding.accounts, scenario);
            // a few recent what-ifs: a slider dragged back over its values costs nothing
            if (funding.books.size >= 8) funding.books.delete(funding.books.keys().next().value!);
            funding.books.set(key, made);
          }
          return made;
        };
        return projectFunding({ portfolio, tierTables, horizonDays, marginCallHF, scenario, book });
      });
    },
  };
}
