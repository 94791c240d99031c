import { prepareScenario, markFactor, type PreparedScenario } from '../scenario';
import { isStablecoin } from '../stablecoins';
import { EMPTY_SCENARIO, DEFAULT_THRESHOLDS, type OptionType, type Portfolio, type Scenario, type VenueId } from '../types';
import { bsPrice } from './blackScholes';
import type { RiskGrid } from './riskGrid';
import { yearsToExpiry } from './time';

/**
 * The risk matrix of a book: every margin unit's PnL under every scenario of a grid, in float64.
 * This is statistics over many scenarios (a 21 x 11 heatmap over 100k positions is 23 million
 * position-scenarios), so numbers are read from the rows' decimal strings with Number() here and
 * nowhere near the money totals of the report. Scenarios move every non-stable underlying by the
 * same fraction on top of the base what-if (its shocks, vol shock and time shift); PnL is the change
 * of each unit's margin balance from the base. Two exact reductions keep it fast:
 * - linear rows (perps, futures, spot) change by coefficient * move: one coefficient per unit;
 * - identical option contracts (same terms, mark and base) are repriced once per scenario and
 *   shared by every unit that holds them.
 */
interface Contract {
  type: OptionType;
  S: number;
  K: number;
  r: number;
  iv: number;
  T: number;
  mark: number;
  modelToday: number;
  /** the mark under the base what-if */
  markBase: number;
}

interface CompiledUnit {
  account: string;
  unit: string;
  venue: VenueId;
  /** PnL per unit of price move (fraction) of the linear rows */
  linear: number;
  /** option holdings: contract index and signed size (qty * contract size) */
  contracts: number[];
  sizes: number[];
}

export interface CompiledBook {
  units: CompiledUnit[];
  contracts: Contract[];
}

export interface UnitRisk {
  account: string;
  unit: string;
  venue: VenueId;
  /** PnL per scenario (quote currency), same order as grid.scenarios */
  pnl: Float64Array;
  /** worst weighted loss, max(0, max over scenarios of -weight * PnL) */
  requirement: number;
  /** index of the scenario that sets the requirement, -1 when nothing is lost */
  worst: number;
}

export interface RiskMatrixResult {
  grid: RiskGrid;
  units: UnitRisk[];
  /** the whole book's PnL per scenario */
  total: Float64Array;
}

function markAt(c: Contract, S: number, ivFactor: number, T: number): number {
  return Math.max(0, c.mark + bsPrice(c.type, S, c.K, T, c.r, c.iv * ivFactor) - c.modelToday);
}

/** Reads a book once for many grids: units, linear coefficients and distinct option contracts. */
export function compileBook(portfolio: Portfolio, asOf: string, scenario: PreparedScenario): CompiledBook {
  const units = new Map<string, CompiledUnit>();
  const contractIndex = new Map<string, number>();
  const contracts: Contract[] = [];
  const volFactor = 1 + scenario.volShock.toNumber();
  const days = scenario.days.toNumber();
  const factors = new Map<string, number>();
  for (const row of portfolio.rows) {
    const key = `${row.account}\u0000${row.marginMode === 'isolated' ? `isolated:${row.symbol}:${row.line}` : 'cross'}`;
    let unit = units.get(key);
    if (!unit) {
      unit = { account: row.account, unit: key.split('\u0000')[1]!, venue: row.venue, linear: 0, contracts: [], sizes: [] };
      units.set(key, unit);
    }
    if (isStablecoin(row.underlying)) continue; // the grid moves non-stable underlyings only
    let f = factors.get(row.underlying);
    if (f === undefined) {
      f = markFactor(scenario, row.underlying).toNumber();
      factors.set(row.underlying, f);
    }
    const q = Number(row.qty);
    const size = q * Number(row.contractSize);
    const mark = Number(row.markPrice);
    if (row.type === 'perp' || row.type === 'future') unit.linear += size * mark * f;
    else if (row.type === 'spot') unit.linear += q * mark * f * (q > 0 ? 1 - Number(row.haircut ?? '0') : 1);
    else if (row.option && row.expiry) {
      const o = row.option;
      const id = `${o.optionType}|${o.underlyingPrice}|${o.strike}|${o.rate}|${o.iv}|${row.expiry}|${row.markPrice}|${f}`;
      let index = contractIndex.get(id);
      if (index === undefined) {
        const S0 = Number(o.underlyingPrice);
        const iv = Number(o.iv);
        const c: Contract = {
          type: o.optionType, S: S0 * f, K: Number(o.strike), r: Number(o.rate), iv: iv * volFactor,
          T: yearsToExpiry(row.expiry, asOf, days), mark,
          modelToday: bsPrice(o.optionType, S0, Number(o.strike), yearsToExpiry(row.expiry, asOf), Number(o.rate), iv),
          markBase: 0,
        };
        c.markBase = markAt(c, c.S, 1, c.T);
        index = contracts.length;
        contracts.push(c);
        contractIndex.set(id, index);
      }
      unit.contracts.push(index);
      unit.sizes.push(size);
    }
  }
  return { units: [...units.values()], contracts };
}

/** Every unit's PnL over the grid, its worst weighted loss and the book's total. */
export function evaluateGrid(book: CompiledBook, grid: RiskGrid): RiskMatrixResult {
  const n = grid.scenarios.length;
  const prices = new Float64Array(grid.scenarios.map((s) => s.price));
  const vols = new Float64Array(grid.scenarios.map((s) => 1 + s.vol));
  const moves = new Float64Array(book.contracts.length * n);
  book.contracts.forEach((c, k) => {
    const base = k * n;
    for (let j = 0; j < n; j++) moves[base + j] = markAt(c, c.S * (1 + prices[j]!), vols[j]!, c.T) - c.markBase;
  });
  const total = new Float64Array(n);
  const units = book.units.map((u): UnitRisk => {
    const pnl = new Float64Array(n);
    for (let j = 0; j < n; j++) pnl[j] = u.linear * prices[j]!;
    for (let i = 0; i < u.contracts.length; i++) {
      const base = u.contracts[i]! * n;
      const size = u.sizes[i]!;
      for (let j = 0; j < n; j++) pnl[j]! += size * moves[base + j]!;
    }
    let requirement = 0;
    let worst = -1;
    for (let j = 0; j < n; j++) {
      total[j]! += pnl[j]!;
      const loss = -grid.scenarios[j]!.weight * pnl[j]!;
      if (loss > requirement) {
        requirement = loss;
        worst = j;
      }
    }
    return { account: u.account, unit: u.unit, venue: u.venue, pnl, requirement, worst };
  });
  return { grid, units, total };
}

export type RiskMatrixOutcome = { ok: true; result: RiskMatrixResult } | { ok: false; error: string };

export function riskMatrix(request: { portfolio: Portfolio; asOf: string; scenario?: Scenario; grid: RiskGrid }): RiskMatrixOutcome {
  const checked = prepareScenario(request.scenario ?? EMPTY_SCENARIO, DEFAULT_THRESHOLDS);
  if (!checked.ok) return checked;
  return { ok: true, result: evaluateGrid(compileBook(request.portfolio, request.asOf, checked.scenario), request.grid) };
}
