import { prepareScenario, markFactor, type PreparedScenario } from '../scenario';
import { isStablecoin } from '../stablecoins';
import { EMPTY_SCENARIO, DEFAULT_THRESHOLDS, type OptionType, type Portfolio, type Scenario, type VenueId } from '../types';
import { bsPrice } from './blackScholes';
import { fastNormCdf } from './normal';
import { scenarioSigma, type RiskGrid, type VolExpiryScaling } from './riskGrid';

/**
 * The risk matrix of a book: every margin unit's PnL under every scenario of a grid, in float64.
 * This is statistics over many scenarios (a 21 x 11 heatmap over 100k positions is 23 million
 * position-scenarios), so numbers are read from the rows' decimal strings with Number() here and
 * nowhere near the money totals of the report; the model's normal CDF is the table-driven one
 * (normal.ts, within 2e-10 of the exact one). Scenarios move every non-stable underlying by the
 * same fraction on top of the base what-if (its shocks, vol shock and time shift); PnL is the change
 * of each unit's margin balance from the base. test/engine/options/riskMatrix.test.ts reconciles
 * it with the decimal engine (evaluatePortfolio). Three exact reductions keep it fast:
 * - linear rows (perps, futures, spot) change by coefficient * move: one coefficient per underlying;
 * - option positions with the same model terms (type, underlying, S, K, r, iv, expiry) are repriced
 *   once per scenario, whatever their marks: a mark only shifts the model price (M' = M + BS' - BS)
 *   and clamps it at 0, which is applied per position;
 * - per model contract, sigma * sqrt(T) and the drift of each distinct vol move, ln(S/K) and the
 *   discount factor are computed once, not per cell.
 * The compiled book depends on the portfolio only, so it is read once and reused for every grid,
 * what-if and valuation time.
 */
interface ModelContract {
  type: OptionType;
  underlying: string;
  S: number;
  K: number;
  r: number;
  iv: number;
  expiryMs: number;
}

interface CompiledUnit {
  account: string;
  unit: string;
  venue: VenueId;
  /** PnL per unit of price move (fraction) of the linear rows, by underlying, before the base shock */
  linear: Map<string, number>;
  /** option holdings: model contract index, mark and signed size (qty * contract size) */
  models: number[];
  marks: number[];
  sizes: number[];
}

export interface CompiledBook {
  units: CompiledUnit[];
  /** distinct option model terms; positions that differ only in mark share one */
  models: ModelContract[];
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

/** Reads a book once for many grids: units, linear coefficients and distinct option model terms. */
export function compileBook(portfolio: Portfolio): CompiledBook {
  const units = new Map<string, CompiledUnit>();
  const modelIndex = new Map<string, number>();
  const models: ModelContract[] = [];
  const expiries = new Map<string, number>();
  const stable = new Map<string, boolean>();
  for (const row of portfolio.rows) {
    const unitId = row.marginMode === 'isolated' ? `isolated:${row.symbol}:${row.line}` : 'cross';
    const key = unitId === 'cross' ? row.account : `${row.account}\u0000${unitId}`;
    let unit = units.get(key);
    if (!unit) {
      unit = { account: row.account, unit: unitId, venue: row.venue, linear: new Map(), models: [], marks: [], sizes: [] };
      units.set(key, unit);
    }
    let isStable = stable.get(row.underlying);
    if (isStable === undefined) {
      isStable = isStablecoin(row.underlying);
      stable.set(row.underlying, isStable);
    }
    if (isStable) continue; // the grid moves non-stable underlyings only
    const q = Number(row.qty);
    const size = row.contractSize === '1' ? q : q * Number(row.contractSize);
    let coefficient = 0;
    if (row.type === 'perp' || row.type === 'future') coefficient = size * Number(row.markPrice);
    else if (row.type === 'spot') coefficient = q * Number(row.markPrice) * (q > 0 ? 1 - Number(row.haircut ?? '0') : 1);
    else if (row.option && row.expiry) {
      const o = row.option;
      const id = `${row.underlying}|${o.optionType}|${o.underlyingPrice}|${o.strike}|${o.rate}|${o.iv}|${row.expiry}`;
      let index = modelIndex.get(id);
      if (index === undefined) {
        let expiryMs = expiries.get(row.expiry);
        if (expiryMs === undefined) {
          expiryMs = Date.parse(row.expiry);
          expiries.set(row.expiry, expiryMs);
        }
        index = models.length;
        models.push({ type: o.optionType, underlying: row.underlying, S: Number(o.underlyingPrice), K: Number(o.strike), r: Number(o.rate), iv: Number(o.iv), expiryMs });
        modelIndex.set(id, index);
      }
      unit.models.push(index);
      unit.marks.push(Number(row.markPrice));
      unit.sizes.push(size);
    }
    if (coefficient !== 0) unit.linear.set(row.underlying, (unit.linear.get(row.underlying) ?? 0) + coefficient);
  }
  // cross units are keyed by account alone above; isolated ones carry their unit id
  return { units: [...units.values()], models };
}

/** The grid's moves as arrays, with its distinct vol moves numbered (each model prices a vol column once). */
interface GridArrays {
  prices: Float64Array;
  lnMoves: Float64Array;
  vols: number[];
  volColumn: Int32Array;
}

function gridArrays(grid: RiskGrid): GridArrays {
  const vols: number[] = [];
  const volColumn = new Int32Array(grid.scenarios.length);
  grid.scenarios.forEach((s, j) => {
    let c = vols.indexOf(s.vol);
    if (c < 0) c = vols.push(s.vol) - 1;
    volColumn[j] = c;
  });
  const prices = new Float64Array(grid.scenarios.map((s) => s.price));
  return { prices, lnMoves: prices.map((p) => Math.log(1 + p)), vols, volColumn };
}

/** Black-Scholes from precomputed pieces (ln(S'/K), K e^-rT, sigma sqrt T, (r + sigma^2 / 2) T) with the table CDF. */
function cell(call: boolean, S: number, lnSK: number, kdf: number, sd: number, drift: number): number {
  const d1 = (lnSK + drift) / sd;
  const d2 = d1 - sd;
  return call ? S * fastNormCdf(d1) - kdf * fastNormCdf(d2) : kdf * fastNormCdf(-d2) - S * fastNormCdf(-d1);
}

/**
 * The model price of a single state, computed exactly as a grid cell with no move is: so the grid's
 * centre equals the base bit for bit (PnL 0), and with no what-if the base equals today.
 */
function modelPrice(type: OptionType, S: number, K: number, T: number, r: number, sigma: number): number {
  const sd = sigma * Math.sqrt(T);
  if (!(T > 0) || !(S > 0) || !(sd > 0)) return bsPrice(type, S, K, T, r, sigma);
  return cell(type === 'call', S, Math.log(S / K), K * Math.exp(-r * T), sd, (r + 0.5 * sigma * sigma) * T);
}

/**
 * One model contract's price in every scenario, from the base state (S, sigma, T): the hot loop.
 * Writes out[offset + j]; `sigma`, `sd` and `drift` are scratch arrays of one entry per vol column.
 */
function modelPrices(type: OptionType, K: number, r: number, base: { S: number; iv: number; T: number }, grid: GridArrays, scaling: VolExpiryScaling | undefined, scratch: { sigma: Float64Array; sd: Float64Array; drift: Float64Array }, out: Float64Array, offset: number): void {
  const { prices, lnMoves, vols, volColumn } = grid;
  const n = prices.length;
  const { S, T } = base;
  for (let c = 0; c < vols.length; c++) scratch.sigma[c] = scenarioSigma(base.iv, vols[c]!, T, scaling);
  if (!(T > 0) || !(S > 0)) {
    for (let j = 0; j < n; j++) out[offset + j] = bsPrice(type, S * (1 + prices[j]!), K, T, r, scratch.sigma[volColumn[j]!]!);
    return;
  }
  const sqrtT = Math.sqrt(T);
  const sigmas = scratch.sigma;
  const sds = scratch.sd;
  const drifts = scratch.drift;
  for (let c = 0; c < vols.length; c++) {
    const sigma = sigmas[c]!;
    sds[c] = sigma * sqrtT;
    drifts[c] = (r + 0.5 * sigma * sigma) * T;
  }
  const lnSK = Math.log(S / K);
  const kdf = K * Math.exp(-r * T);
  const call = type === 'call';
  // the arithmetic of cell(), written out: this loop runs millions of times per grid
  for (let j = 0; j < n; j++) {
    const c = volColumn[j]!;
    const sd = sds[c]!;
    const Sj = S * (1 + prices[j]!);
    if (!(sd > 0) || !(Sj > 0)) {
      out[offset + j] = bsPrice(type, Sj, K, T, r, sigmas[c]!);
      continue;
    }
    const d1 = (lnSK + lnMoves[j]! + drifts[c]!) / sd;
    const d2 = d1 - sd;
    out[offset + j] = call ? Sj * fastNormCdf(d1) - kdf * fastNormCdf(d2) : kdf * fastNormCdf(-d2) - Sj * fastNormCdf(-d1);
  }
}

/** The scratch buffer of model prices, kept per compiled book between grids (a 231-cell grid over 80k contracts is 150 MB of garbage otherwise). */
const buffers = new WeakMap<CompiledBook, Float64Array>();

function movedBuffer(book: CompiledBook, length: number): Float64Array {
  let buffer = buffers.get(book);
  if (!buffer || buffer.length !== length) {
    buffer = new Float64Array(length);
    buffers.set(book, buffer);
  }
  return buffer;
}

/** Every unit's PnL over the grid on top of a base what-if at a valuation time, its worst weighted loss and the book's total. */
export function evaluateGrid(book: CompiledBook, grid: RiskGrid, base: { asOf: string; scenario: PreparedScenario }): RiskMatrixResult {
  const n = grid.scenarios.length;
  const arrays = gridArrays(grid);
  const weights = new Float64Array(grid.scenarios.map((s) => s.weight));
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
  const m = book.models.length;
  // per model: BS today (the anchor marks move from), BS in the base what-if, BS in every scenario
  const today = new Float64Array(m);
  const atBase = new Float64Array(m);
  const moved = movedBuffer(book, m * n);
  const columns = arrays.vols.length;
  const scratch = { sigma: new Float64Array(columns), sd: new Float64Array(columns), drift: new Float64Array(columns) };
  for (let k = 0; k < m; k++) {
    const c = book.models[k]!;
    const T = Math.max(0, (c.expiryMs - asOfMs) / MS_PER_YEAR);
    const state = { S: c.S * factorOf(c.underlying), iv: Math.max(0, c.iv * volFactor), T: Math.max(0, T - days / 365) };
    today[k] = modelPrice(c.type, c.S, c.K, T, c.r, c.iv);
    atBase[k] = modelPrice(c.type, state.S, c.K, state.T, c.r, state.iv);
    modelPrices(c.type, c.K, c.r, state, arrays, grid.volScaling, scratch, moved, k * n);
  }
  const total = new Float64Array(n);
  const units = book.units.map((u): UnitRisk => {
    let linear = 0;
    for (const [underlying, coefficient] of u.linear) linear += coefficient * factorOf(underlying);
    const pnl = new Float64Array(n);
    for (let j = 0; j < n; j++) pnl[j] = linear * arrays.prices[j]!;
    for (let i = 0; i < u.models.length; i++) {
      const k = u.models[i]!;
      const offset = k * n;
      const size = u.sizes[i]!;
      // the mark in a state is max(0, M + BS(state) - BS(today)): `lift` = M - BS(today)
      const lift = u.marks[i]! - today[k]!;
      if (lift >= 0) {
        // BS >= 0, so the mark is never clamped: the PnL is the model's change alone
        const from = atBase[k]!;
        for (let j = 0; j < n; j++) pnl[j]! += size * (moved[offset + j]! - from);
      } else {
        const from = Math.max(0, lift + atBase[k]!);
        for (let j = 0; j < n; j++) pnl[j]! += size * (Math.max(0, lift + moved[offset + j]!) - from);
      }
    }
    let requirement = 0;
    let worst = -1;
    for (let j = 0; j < n; j++) {
      total[j]! += pnl[j]!;
      const loss = -weights[j]! * pnl[j]!;
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
