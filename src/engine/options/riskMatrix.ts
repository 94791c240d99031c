import { prepareScenario, markFactor, type PreparedScenario } from '../scenario';
import { isStablecoin } from '../stablecoins';
import { EMPTY_SCENARIO, DEFAULT_THRESHOLDS, type OptionType, type Portfolio, type Scenario, type VenueId } from '../types';
import { bsPrice } from './blackScholes';
import { normCdf } from './normal';
import type { RiskGrid } from './riskGrid';

/**
 * The risk matrix of a book: every margin unit's PnL under every scenario of a grid, in float64.
 * This is statistics over many scenarios (a 21 x 11 heatmap over 100k positions is 23 million
 * position-scenarios), so numbers are read from the rows' decimal strings with Number() here and
 * nowhere near the money totals of the report. Scenarios move every non-stable underlying by the
 * same fraction on top of the base what-if (its shocks, vol shock and time shift); PnL is the change
 * of each unit's margin balance from the base. Two exact reductions keep it fast:
 * - linear rows (perps, futures, spot) change by coefficient * move: one coefficient per underlying;
 * - identical option contracts (same terms and mark) are repriced once per scenario and shared by
 *   every unit that holds them.
 * The compiled book depends on the portfolio only, so it is read once and reused for every grid,
 * what-if and valuation time.
 */
interface Contract {
  type: OptionType;
  underlying: string;
  S: number;
  K: number;
  r: number;
  iv: number;
  expiryMs: number;
  mark: number;
}

interface CompiledUnit {
  account: string;
  unit: string;
  venue: VenueId;
  /** PnL per unit of price move (fraction) of the linear rows, by underlying, before the base shock */
  linear: Map<string, number>;
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

const MS_PER_YEAR = 365 * 86_400_000;

/** Reads a book once for many grids: units, linear coefficients and distinct option contracts. */
export function compileBook(portfolio: Portfolio): CompiledBook {
  const units = new Map<string, CompiledUnit>();
  const contractIndex = new Map<string, number>();
  const contracts: Contract[] = [];
  const expiries = new Map<string, number>();
  for (const row of portfolio.rows) {
    const unitId = row.marginMode === 'isolated' ? `isolated:${row.symbol}:${row.line}` : 'cross';
    const key = `${row.account}\u0000${unitId}`;
    let unit = units.get(key);
    if (!unit) {
      unit = { account: row.account, unit: unitId, venue: row.venue, linear: new Map(), contracts: [], sizes: [] };
      units.set(key, unit);
    }
    if (isStablecoin(row.underlying)) continue; // the grid moves non-stable underlyings only
    const q = Number(row.qty);
    const size = q * Number(row.contractSize);
    const mark = Number(row.markPrice);
    let coefficient = 0;
    if (row.type === 'perp' || row.type === 'future') coefficient = size * mark;
    else if (row.type === 'spot') coefficient = q * mark * (q > 0 ? 1 - Number(row.haircut ?? '0') : 1);
    else if (row.option && row.expiry) {
      const o = row.option;
      const id = `${row.underlying}|${o.optionType}|${o.underlyingPrice}|${o.strike}|${o.rate}|${o.iv}|${row.expiry}|${row.markPrice}`;
      let index = contractIndex.get(id);
      if (index === undefined) {
        let expiryMs = expiries.get(row.expiry);
        if (expiryMs === undefined) {
          expiryMs = Date.parse(row.expiry);
          expiries.set(row.expiry, expiryMs);
        }
        index = contracts.length;
        contracts.push({ type: o.optionType, underlying: row.underlying, S: Number(o.underlyingPrice), K: Number(o.strike), r: Number(o.rate), iv: Number(o.iv), expiryMs, mark });
        contractIndex.set(id, index);
      }
      unit.contracts.push(index);
      unit.sizes.push(size);
    }
    if (coefficient !== 0) unit.linear.set(row.underlying, (unit.linear.get(row.underlying) ?? 0) + coefficient);
  }
  return { units: [...units.values()], contracts };
}

/**
 * Marks of one contract over the grid, minus its mark under the base: the hot loop. ln(S/K), the
 * discount factor and each vol's sigma * sqrt(T) are computed once per contract, not per cell.
 */
function contractMoves(c: Contract, base: { S: number; iv: number; T: number; modelToday: number }, grid: { lnMoves: Float64Array; prices: Float64Array; vols: Float64Array }, out: Float64Array, offset: number): void {
  const n = grid.prices.length;
  const markBase = Math.max(0, c.mark + bsPrice(c.type, base.S, c.K, base.T, c.r, base.iv) - base.modelToday);
  const call = c.type === 'call';
  if (!(base.T > 0) || !(base.iv > 0)) {
    for (let j = 0; j < n; j++) out[offset + j] = Math.max(0, c.mark + bsPrice(c.type, base.S * (1 + grid.prices[j]!), c.K, base.T, c.r, base.iv * grid.vols[j]!) - base.modelToday) - markBase;
    return;
  }
  const lnSK = Math.log(base.S / c.K);
  const sqrtT = Math.sqrt(base.T);
  const kdf = c.K * Math.exp(-c.r * base.T);
  const anchor = c.mark - base.modelToday - markBase;
  for (let j = 0; j < n; j++) {
    const S = base.S * (1 + grid.prices[j]!);
    const sigma = base.iv * grid.vols[j]!;
    const sd = sigma * sqrtT;
    if (!(S > 0) || !(sd > 0)) {
      out[offset + j] = Math.max(0, c.mark + bsPrice(c.type, S, c.K, base.T, c.r, sigma) - base.modelToday) - markBase;
      continue;
    }
    const d1 = (lnSK + grid.lnMoves[j]! + (c.r + 0.5 * sigma * sigma) * base.T) / sd;
    const d2 = d1 - sd;
    const model = call ? S * normCdf(d1) - kdf * normCdf(d2) : kdf * normCdf(-d2) - S * normCdf(-d1);
    out[offset + j] = Math.max(-markBase, anchor + model);
  }
}

/** Every unit's PnL over the grid on top of a base what-if at a valuation time, its worst weighted loss and the book's total. */
export function evaluateGrid(book: CompiledBook, grid: RiskGrid, base: { asOf: string; scenario: PreparedScenario }): RiskMatrixResult {
  const n = grid.scenarios.length;
  const prices = new Float64Array(grid.scenarios.map((s) => s.price));
  const vols = new Float64Array(grid.scenarios.map((s) => 1 + s.vol));
  const lnMoves = prices.map((p) => Math.log(1 + p));
  const asOfMs = Date.parse(base.asOf);
  const volFactor = 1 + base.scenario.volShock.toNumber();
  const days = base.scenario.days.toNumber();
  const factors = new Map<string, number>();
  const factorOf = (u: string) => {
    let f = factors.get(u);
    if (f === undefined) {
      f = markFactor(base.scenario, u).toNumber();
      factors.set(u, f);
    }
    return f;
  };
  const moves = new Float64Array(book.contracts.length * n);
  book.contracts.forEach((c, k) => {
    const T = Math.max(0, (c.expiryMs - asOfMs) / MS_PER_YEAR);
    const modelToday = bsPrice(c.type, c.S, c.K, T, c.r, c.iv);
    const baseState = { S: c.S * factorOf(c.underlying), iv: Math.max(0, c.iv * volFactor), T: Math.max(0, T - days / 365), modelToday };
    contractMoves(c, baseState, { lnMoves, prices, vols }, moves, k * n);
  });
  const total = new Float64Array(n);
  const units = book.units.map((u): UnitRisk => {
    let linear = 0;
    for (const [underlying, coefficient] of u.linear) linear += coefficient * factorOf(underlying);
    const pnl = new Float64Array(n);
    for (let j = 0; j < n; j++) pnl[j] = linear * prices[j]!;
    for (let i = 0; i < u.contracts.length; i++) {
      const offset = u.contracts[i]! * n;
      const size = u.sizes[i]!;
      for (let j = 0; j < n; j++) pnl[j]! += size * moves[offset + j]!;
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

export function riskMatrix(request: { portfolio: Portfolio | CompiledBook; asOf: string; scenario?: Scenario; grid: RiskGrid }): RiskMatrixOutcome {
  const checked = prepareScenario(request.scenario ?? EMPTY_SCENARIO, DEFAULT_THRESHOLDS);
  if (!checked.ok) return checked;
  const book = 'rows' in request.portfolio ? compileBook(request.portfolio) : request.portfolio;
  return { ok: true, result: evaluateGrid(book, request.grid, { asOf: request.asOf, scenario: checked.scenario }) };
}
