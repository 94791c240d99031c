import { crossCutKey, lineCutKey, unusedCuts, withCuts } from './cuts';
import { Dec, ONE, ZERO, decStr, decStrOrNull } from './decimal';
import { hfOneSolver, nearestMoves, nearestRatio } from './liquidation';
import { nonlinearRoots } from './options/nonlinearSolver';
import { optionFigures } from './options/report';
import { remediationFor } from './remediation';
import { movingPrice, type PreparedRow } from './rows';
import { markFactor, prepareScenario, type PreparedScenario } from './scenario';
import {
  DEFAULT_THRESHOLDS,
  EMPTY_SCENARIO,
  type AccountReport,
  type Portfolio,
  type PositionReport,
  type Report,
  type Scenario,
  type Thresholds,
  type UnitReport,
  type UnitStatus,
} from './types';
import { prepareAccounts, unitFigures, type PreparedAccount, type PreparedUnit, type RowFigures, type UnitFigures } from './units';
import type { TierTables } from './venues/tiers';

export interface EvaluateRequest {
  portfolio: Portfolio;
  scenario?: Scenario;
  thresholds?: Thresholds;
  /** valuation time, ISO 8601 */
  asOf: string;
  /** user-loaded tier tables (Binance leverageBracket), replacing built-ins symbol by symbol */
  tierTables?: TierTables;
}

export type EvaluateResult = { ok: true; report: Report } | { ok: false; error: string };

/** The liquidation-shock search reaches up to +1000% (x = 11), margin-model.md. */
const MAX_UP_RATIO = new Dec(11);
const EXPIRED_NOTE = 'expired: valued at its mark, moved by its intrinsic value';

export function statusOf(hf: Dec | null, scenario: Pick<PreparedScenario, 'targetHF' | 'marginCallHF'>): UnitStatus {
  if (hf === null) return 'ok';
  if (hf.lessThanOrEqualTo(ONE)) return 'liquidation';
  if (hf.lessThan(scenario.marginCallHF)) return 'margin_call';
  if (hf.lessThan(scenario.targetHF)) return 'warning';
  return 'ok';
}

/** Rows that move with a price ratio: an option moves with its underlying once it is priced; a row cut to nothing has no size to move. */
function movesWithPrice(row: PreparedRow): boolean {
  return (row.src.type !== 'option' || row.option !== null) && !row.q.isZero();
}

/** Roots of HF = 1 in the price ratio: exact pieces for linear books, bracket + bisection with options. */
function solverFor(unit: PreparedUnit, marks: readonly Dec[]): (moving: readonly boolean[]) => Dec[] {
  const linear = hfOneSolver(unit, marks);
  return (moving) => (unit.rows.some((r, i) => moving[i] && r.option) ? nonlinearRoots(unit, marks, moving) : linear(moving));
}

function positionReport(row: PreparedRow, fig: RowFigures, roots: readonly Dec[] | null, healthy: boolean): PositionReport {
  const long = row.q.gt(0);
  const isPriced = row.src.type !== 'option' || row.option !== null;
  const liquidationRatio = roots ? nearestRatio(roots) : null;
  // an option's liquidation price is its underlying's; for the distance, the side of the option says nothing
  const price = fig.underlyingPrice ?? fig.mark;
  const lp = isPriced && liquidationRatio ? liquidationRatio.times(price) : null;
  let distance = lp ? (long ? price.minus(lp) : lp.minus(price)).div(price) : null;
  if (lp && row.option) distance = price.minus(lp).abs().div(price).times(healthy ? 1 : -1);
  const derivative = row.src.type === 'perp' || row.src.type === 'future';
  return {
    line: row.src.line,
    symbol: row.src.symbol,
    type: row.src.type,
    underlying: row.src.underlying,
    side: long ? 'long' : 'short',
    qty: decStr(row.q),
    contractSize: decStr(row.cs),
    entryPrice: decStrOrNull(row.entry),
    markPrice: decStr(fig.mark),
    notional: decStr(fig.notional),
    unrealizedPnl: decStrOrNull(fig.pnl),
    value: decStrOrNull(fig.value),
    initialMargin: isPriced ? decStr(fig.im) : null,
    maintenanceMargin: isPriced ? decStr(fig.mm) : null,
    mmr: derivative && fig.rates ? decStr(fig.rates.mmr) : null,
    maintenanceAmount: derivative && fig.rates ? decStr(fig.rates.cum) : null,
    imr: derivative && fig.rates ? decStr(fig.rates.imr) : null,
    bracket: fig.rates?.bracket ?? null,
    haircut: row.src.type === 'spot' ? decStr(row.haircut) : null,
    liquidationPrice: decStrOrNull(lp),
    distanceToLiquidation: decStrOrNull(distance),
    note: row.option?.expired ? EXPIRED_NOTE : null,
    ...(row.option ? optionFigures(row.option, price, roots, isPriced) : {}),
  };
}

/**
 * A unit at a scenario's marks: each row's mark there, the unit with the scenario's cuts applied at
 * those marks (a cut's closed PnL realised, cuts.ts), and its figures. The report, the fast path's
 * exact fallback and the funding drift all start here.
 */
export function atScenario(uncut: PreparedUnit, scenario: PreparedScenario): { marks: Dec[]; unit: PreparedUnit; fig: UnitFigures } {
  const marks = uncut.rows.map((row) => movingPrice(row).times(markFactor(scenario, row.src.underlying)));
  const unit = withCuts(uncut, marks, scenario.cuts);
  return { marks, unit, fig: unitFigures(unit, marks) };
}

/** The figures of one margin unit under a scenario (cuts applied at the scenario's marks). */
export function unitReport(uncut: PreparedUnit, scenario: PreparedScenario): UnitReport {
  const { marks, unit, fig } = atScenario(uncut, scenario);
  const hf = fig.mm.gt(0) ? fig.marginBalance.div(fig.mm) : null;
  const marginRatio = fig.mm.isZero() ? ZERO : fig.marginBalance.gt(0) ? fig.mm.div(fig.marginBalance) : null;
  const solve = solverFor(unit, marks);

  const rootsByUnderlying = new Map<string, Dec[]>();
  for (const row of unit.rows) {
    const u = row.src.underlying;
    if (rootsByUnderlying.has(u) || !movesWithPrice(row)) continue;
    rootsByUnderlying.set(u, solve(unit.rows.map((r) => r.src.underlying === u && movesWithPrice(r))));
  }
  const shock = nearestMoves(solve(unit.rows.map((r) => !r.stable && movesWithPrice(r))), MAX_UP_RATIO);

  return {
    unit: unit.id,
    marginMode: unit.mode,
    collateral: decStr(fig.collateral),
    debt: decStr(fig.debt),
    unrealizedPnl: decStr(fig.pnl),
    marginBalance: decStr(fig.marginBalance),
    initialMargin: decStr(fig.im),
    maintenanceMargin: decStr(fig.mm),
    healthFactor: decStrOrNull(hf),
    marginRatio: decStrOrNull(marginRatio),
    availableMargin: decStr(fig.marginBalance.minus(fig.im)),
    marginBuffer: decStr(fig.marginBalance.minus(fig.mm)),
    status: statusOf(hf, scenario),
    liquidationShock: { down: decStrOrNull(shock.down), up: decStrOrNull(shock.up) },
    remediation: remediationFor({ unit, marks, figures: fig, targetHF: scenario.targetHF }),
    positions: unit.rows.map((row, i) =>
      positionReport(row, fig.rows[i]!, rootsByUnderlying.get(row.src.underlying) ?? null, hf === null || hf.gt(ONE)),
    ),
  };
}

/** Scenario collateral goes to the account's cross unit (made when the account has none). */
export function withAddedCollateral(account: PreparedAccount, amount: Dec | undefined): PreparedUnit[] {
  if (!amount || amount.isZero()) return account.units;
  const cross = account.units.find((u) => u.mode === 'cross');
  const added: PreparedUnit = cross
    ? { ...cross, baseBalance: cross.baseBalance.plus(amount) }
    : { id: 'cross', account: account.account, venue: account.venue, mode: 'cross', rows: [], baseBalance: amount };
  return cross ? account.units.map((u) => (u === cross ? added : u)) : [added, ...account.units];
}

export function scenarioReport(s: PreparedScenario): Report['scenario'] {
  const cuts = [...s.cuts.cross].map(([account, keep]) => [crossCutKey(account), decStr(ONE.minus(keep))] as const)
    .concat([...s.cuts.lines].map(([line, keep]) => [lineCutKey(line), decStr(ONE.minus(keep))] as const));
  return {
    shocks: Object.fromEntries([...s.shocks].map(([k, v]) => [k, decStr(v)])),
    all: decStr(s.all),
    volShock: decStr(s.volShock),
    days: decStr(s.days),
    addCollateral: Object.fromEntries([...s.addCollateral].map(([k, v]) => [k, decStr(v)])),
    ...(cuts.length > 0 ? { cuts: Object.fromEntries(cuts) } : {}),
    targetHF: decStr(s.targetHF),
    marginCallHF: decStr(s.marginCallHF),
  };
}

/** What the warnings need of a book that no scenario changes: worked out once per book. */
interface BookWarnings {
  accounts: Set<string>;
  units: PreparedUnit[];
  fixed: string[];
}
const bookWarningsCache = new WeakMap<PreparedAccount[], BookWarnings>();

function bookWarnings(accounts: PreparedAccount[]): BookWarnings {
  const cached = bookWarningsCache.get(accounts);
  if (cached) return cached;
  const missingTiers = new Set<string>();
  const expired: string[] = [];
  for (const account of accounts) {
    for (const unit of account.units) {
      for (const row of unit.rows) {
        if (row.option?.expired) expired.push(`line ${row.src.line}: ${row.src.symbol}`);
        if (account.venue.id === 'binance' && row.maintenance.kind === 'default' && row.src.type !== 'spot' && row.src.type !== 'option') {
          missingTiers.add(row.src.symbol);
        }
      }
    }
  }
  const fixed = [...missingTiers].map((symbol) => `no Binance tier table for ${symbol}: default rates used (mmr 0.005); load its leverage brackets for exact figures`);
  if (expired.length > 0) fixed.push(`${expired.length} expired option(s), listed apart and valued at their mark: ${expired.join(', ')}`);
  const made = { accounts: new Set(accounts.map((a) => a.account)), units: accounts.flatMap((a) => a.units), fixed };
  bookWarningsCache.set(accounts, made);
  return made;
}

/** The report's warnings; a slider step pays only for the scenario's own names (the book's part is memoised). */
export function portfolioWarnings(accounts: PreparedAccount[], scenario: PreparedScenario): string[] {
  const book = bookWarnings(accounts);
  const warnings: string[] = [];
  for (const name of scenario.addCollateral.keys()) {
    if (!book.accounts.has(name)) warnings.push(`collateral what-if names account "${name}", which is not in the portfolio`);
  }
  const { cross, lines } = scenario.cuts;
  if (cross.size > 0 || lines.size > 0) {
    for (const key of unusedCuts(scenario.cuts, book.units)) {
      warnings.push(`cut what-if "${key}" names no perp or future of the portfolio (cross:ACCOUNT or line:N)`);
    }
  }
  return [...warnings, ...book.fixed];
}

/** Every figure of margin-model.md for a portfolio under a scenario. */
export function evaluatePortfolio(request: EvaluateRequest): EvaluateResult {
  const checked = prepareScenario(request.scenario ?? EMPTY_SCENARIO, request.thresholds ?? DEFAULT_THRESHOLDS);
  if (!checked.ok) return checked;
  const scenario = checked.scenario;
  const options = { asOf: request.asOf, volShock: scenario.volShock.toNumber(), days: scenario.days.toNumber() };
  const accounts = prepareAccounts(request.portfolio, request.tierTables ?? new Map(), options);
  const reports: AccountReport[] = accounts.map((account) => ({
    account: account.account,
    venue: account.venue.id,
    units: withAddedCollateral(account, scenario.addCollateral.get(account.account)).map((unit) =>
      unitReport(unit, scenario),
    ),
  }));
  return {
    ok: true,
    report: {
      schema: 'margin-radar/report@1',
      asOf: request.asOf,
      source: request.portfolio.source,
      scenario: scenarioReport(scenario),
      accounts: reports,
      warnings: portfolioWarnings(accounts, scenario),
    },
  };
}
