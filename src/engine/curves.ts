import { Dec, ONE, ZERO, decStr } from './decimal';
import { hfOneRoots, movingSegments, type PriceSegment } from './liquidation';
import type { PreparedRow } from './rows';
import { markFactor, type PreparedScenario } from './scenario';
import type { ChartData, ChartUnitRef, HfCurve, LiquidationLadder, UnderlyingPnl, UnitRisk } from './curveTypes';
import { rowFigures, type PreparedAccount, type PreparedUnit } from './units';

/**
 * Chart data: the health-factor curve of one unit against a uniform move of every non-stable
 * underlying, the liquidation ladder and PnL by underlying.
 *
 * A unit's MB - MM and MM are piecewise linear in a price ratio (liquidation.ts writes the pieces
 * down, tier by tier). The pieces are built once per portfolio in decimal; sampling them is float64
 * (a chart is a picture of many scenarios), while the curve's liquidation points are the engine's
 * exact decimal roots of the same pieces.
 */

export type { ChartData, HfCurve, LiquidationLadder, UnderlyingPnl, UnitRisk, ChartUnitRef } from './curveTypes';

/** The chart's move range: the what-if sliders' range, -95% ... +300%. */
export const CURVE_MIN_MOVE = -0.95;
export const CURVE_MAX_MOVE = 3;
const CURVE_SAMPLES = 480;
const PICKER_UNITS = 100;
export const DEFAULT_LADDER_SIZE = 150;

/** One row group of a unit (rows of one underlying, options apart) as float64 pieces in y = price / today's mark. */
interface GroupPieces {
  underlying: string;
  /** options are held at their mark by the liquidation solver, so their group is never solved */
  option: boolean;
  stable: boolean;
  rows: PreparedRow[];
  from: Float64Array;
  fa: Float64Array;
  fb: Float64Array;
  /** the c / y term of inverse contracts (Deribit), zero elsewhere */
  fc: Float64Array;
  ma: Float64Array;
  mb: Float64Array;
  mc: Float64Array;
}

interface ChartUnit {
  account: string;
  unit: PreparedUnit;
  groups: GroupPieces[];
}

interface PnlSums {
  /** sum of q * cs * M over derivative rows with an entry price: their uPnL is A * g - B */
  a: Dec;
  b: Dec;
  /** sum of q * cs * M over every row: the move's change in value is C * (g - 1) */
  c: Dec;
}

/** What every scenario's chart data needs, computed once per portfolio. */
export interface PreparedCharts {
  accounts: PreparedAccount[];
  units: ChartUnit[];
  pnl: Map<string, PnlSums>;
}

function toFloat(segments: readonly PriceSegment[]): Pick<GroupPieces, 'from' | 'fa' | 'fb' | 'fc' | 'ma' | 'mb' | 'mc'> {
  const n = segments.length;
  const out = { from: new Float64Array(n), fa: new Float64Array(n), fb: new Float64Array(n), fc: new Float64Array(n), ma: new Float64Array(n), mb: new Float64Array(n), mc: new Float64Array(n) };
  segments.forEach((s, i) => {
    out.from[i] = s.from.toNumber();
    out.fa[i] = s.f.a.toNumber();
    out.fb[i] = s.f.b.toNumber();
    out.fc[i] = s.f.c.toNumber();
    out.ma[i] = s.mm.a.toNumber();
    out.mb[i] = s.mm.b.toNumber();
    out.mc[i] = s.mm.c.toNumber();
  });
  return out;
}

/** Index of the segment holding y: the last `from` at or below y. */
function segmentAt(from: Float64Array, y: number): number {
  let lo = 0;
  let hi = from.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (from[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function groupAt(g: GroupPieces, y: number): { f: number; mm: number } {
  const k = segmentAt(g.from, y);
  return { f: g.fa[k]! + g.fb[k]! * y + g.fc[k]! / y, mm: g.ma[k]! + g.mb[k]! * y + g.mc[k]! / y };
}

/** Builds the per-group pieces and PnL sums of a prepared portfolio. */
export function prepareCharts(accounts: PreparedAccount[]): PreparedCharts {
  const units: ChartUnit[] = [];
  const pnl = new Map<string, PnlSums>();
  for (const account of accounts) {
    for (const unit of account.units) {
      const keys = new Map<string, { underlying: string; option: boolean; stable: boolean; mask: boolean[]; rows: PreparedRow[] }>();
      unit.rows.forEach((row, i) => {
        const option = row.src.type === 'option';
        const key = `${row.src.underlying}\u0000${option ? 'o' : 'p'}`;
        let group = keys.get(key);
        if (!group) {
          group = { underlying: row.src.underlying, option, stable: row.stable, mask: unit.rows.map(() => false), rows: [] };
          keys.set(key, group);
        }
        group.mask[i] = true;
        group.rows.push(row);
        const sums = pnl.get(row.src.underlying) ?? { a: ZERO, b: ZERO, c: ZERO };
        const size = row.src.type === 'spot' ? row.q : row.q.times(row.cs);
        const derivative = row.src.type !== 'spot' && row.entry !== null;
        pnl.set(row.src.underlying, {
          a: derivative ? sums.a.plus(size.times(row.mark)) : sums.a,
          b: derivative ? sums.b.plus(size.times(row.entry!)) : sums.b,
          c: sums.c.plus(size.times(row.mark)),
        });
      });
      const marks = unit.rows.map((r) => r.mark);
      const groups = [...keys.values()].map((g) => ({
        underlying: g.underlying,
        option: g.option,
        stable: g.stable,
        rows: g.rows,
        ...toFloat(movingSegments(unit, marks, g.mask)),
      }));
      units.push({ account: account.account, unit, groups });
    }
  }
  return { accounts, units, pnl };
}

function addedCollateral(scenario: PreparedScenario, unit: ChartUnit): Dec {
  return unit.unit.mode === 'cross' ? (scenario.addCollateral.get(unit.account) ?? ZERO) : ZERO;
}

/** float64 HF of each unit under the scenario, for the unit picker and the default (riskiest) unit. */
function unitRisks(prepared: PreparedCharts, scenario: PreparedScenario, factor: (u: string) => number): UnitRisk[] {
  return prepared.units.map((u) => {
    let mb = u.unit.baseBalance.plus(addedCollateral(scenario, u)).toNumber();
    let mm = 0;
    for (const g of u.groups) {
      const v = groupAt(g, factor(g.underlying));
      mb += v.f + v.mm;
      mm += v.mm;
    }
    return { account: u.account, unit: u.unit.id, hf: mm > 0 ? mb / mm : null };
  });
}

function byRisk(a: UnitRisk, b: UnitRisk): number {
  if (a.hf === null) return b.hf === null ? 0 : 1;
  if (b.hf === null) return -1;
  return a.hf - b.hf;
}

/** Positive roots of a + b y + c / y = 0, i.e. of b y^2 + a y + c = 0 (linear when c = 0). */
function segmentRoots(a: number, b: number, c: number): number[] {
  if (c === 0) return b === 0 ? [] : [-a / b];
  if (b === 0) return a === 0 ? [] : [-c / a];
  const disc = a * a - 4 * b * c;
  if (disc < 0) return [];
  // the stable form: -a ± sqrt(disc) cancels when 4bc is small against a^2
  const q = -0.5 * (a + (a >= 0 ? 1 : -1) * Math.sqrt(disc));
  return q === 0 ? [] : [q / b, c / q];
}

/**
 * The price ratio y (to today's mark) of one group at which its unit's HF is 1 with every other
 * group held at the scenario: float64 over the group's pieces, the same rules as the exact sweep
 * (a root inside a segment with MM > 0, or a jump across zero at a segment edge). Nearest to the
 * scenario's own ratio `at`, as the engine picks the root nearest the current price.
 */
function groupRoot(g: GroupPieces, still: { f: number; mm: number }, at: number): number | null {
  let best: number | null = null;
  const take = (y: number) => {
    if (y > 0 && (best === null || Math.abs(y - at) < Math.abs(best - at))) best = y;
  };
  const n = g.from.length;
  for (let k = 0; k < n; k++) {
    const a = g.fa[k]! + still.f;
    const b = g.fb[k]!;
    const c = g.fc[k]!;
    const lo = g.from[k]!;
    const hi = k + 1 < n ? g.from[k + 1]! : Infinity;
    for (const y of segmentRoots(a, b, c)) {
      if (y >= lo && y <= hi && g.ma[k]! + still.mm + g.mb[k]! * y + g.mc[k]! / y > 0) take(y);
    }
    if (k + 1 < n) {
      const left = a + b * hi + c / hi;
      const right = g.fa[k + 1]! + still.f + g.fb[k + 1]! * hi + g.fc[k + 1]! / hi;
      if ((left > 0 && right < 0) || (left < 0 && right > 0)) take(hi);
    }
  }
  return best;
}

function ladderFor(prepared: PreparedCharts, scenario: PreparedScenario, factor: (u: string) => number, size: number): LiquidationLadder {
  // labels are written for the shipped bars only: 100k template strings cost more than the sort
  const entries: Array<{ account: string; row: PreparedRow; underlying: string; move: number; shock: number; within: boolean }> = [];
  let without = 0;
  for (const u of prepared.units) {
    const values = u.groups.map((g) => groupAt(g, factor(g.underlying)));
    const base = u.unit.baseBalance.plus(addedCollateral(scenario, u)).toNumber();
    let totalF = base;
    let totalMm = 0;
    for (const v of values) {
      totalF += v.f;
      totalMm += v.mm;
    }
    u.groups.forEach((g, i) => {
      if (g.option) return;
      const at = factor(g.underlying);
      const y = groupRoot(g, { f: totalF - values[i]!.f, mm: totalMm - values[i]!.mm }, at);
      for (const row of g.rows) {
        if (y === null) {
          without++;
          continue;
        }
        const move = y - 1;
        // the scenario's move of this underlying reaches the liquidation price
        const within = y < 1 ? at <= y : at >= y;
        entries.push({ account: u.account, row, underlying: g.underlying, move, shock: at - 1, within });
      }
    });
  }
  const withinTotal = entries.reduce((n, e) => n + (e.within ? 1 : 0), 0);
  entries.sort((a, b) => Math.abs(a.move) - Math.abs(b.move));
  const shown = entries.slice(0, size);
  return {
    labels: shown.map((e) => `${e.account} · ${e.row.src.symbol} (line ${e.row.src.line})`),
    underlyings: shown.map((e) => e.underlying),
    move: Float64Array.from(shown, (e) => e.move),
    shock: Float64Array.from(shown, (e) => e.shock),
    within: Uint8Array.from(shown, (e) => (e.within ? 1 : 0)),
    total: entries.length,
    withinTotal,
    withoutLiquidation: without,
  };
}

function pnlFor(prepared: PreparedCharts, scenario: PreparedScenario): UnderlyingPnl[] {
  return [...prepared.pnl].map(([underlying, s]) => {
    const g = markFactor(scenario, underlying);
    return { underlying, pnl: decStr(s.a.times(g).minus(s.b)), change: decStr(s.c.times(g.minus(ONE))) };
  });
}

/** Marks that put the unit at the scenario's other parts: named shocks and depegs, options at their scenario mark. */
function curveBase(unit: PreparedUnit, scenario: PreparedScenario): { marks: Dec[]; moving: boolean[] } {
  const moving = unit.rows.map((r) => !r.stable && r.src.type !== 'option');
  const marks = unit.rows.map((r, i) => {
    const own = ONE.plus(scenario.shocks.get(r.src.underlying.toUpperCase()) ?? ZERO);
    return moving[i] ? r.mark.times(own) : r.mark.times(markFactor(scenario, r.src.underlying));
  });
  return { marks, moving };
}

function exactAt(segments: readonly PriceSegment[], still: { f: Dec; mm: Dec }, x: Dec): { mb: Dec; mm: Dec } {
  let s = segments[0]!;
  for (const seg of segments) if (seg.from.lte(x)) s = seg;
  const f = s.f.a.plus(s.f.b.times(x)).plus(s.f.c.div(x)).plus(still.f);
  const mm = s.mm.a.plus(s.mm.b.times(x)).plus(s.mm.c.div(x)).plus(still.mm);
  return { mb: f.plus(mm), mm };
}

/**
 * HF, MB and MM of one unit against a uniform move m of every non-stable underlying (x = 1 + m on
 * top of the scenario's named shocks): float64 samples of the exact pieces, plus the exact roots.
 */
export function unitCurve(unit: PreparedUnit, account: string, scenario: PreparedScenario, collateral: Dec = ZERO): HfCurve {
  const { marks, moving } = curveBase(unit, scenario);
  const segments = movingSegments(unit, marks, moving);
  let stillF = unit.baseBalance.plus(collateral);
  let stillMm = ZERO;
  unit.rows.forEach((row, i) => {
    if (moving[i]) return;
    const fig = rowFigures(unit, row, marks[i]!);
    stillF = stillF.plus(fig.balance.minus(fig.mm));
    stillMm = stillMm.plus(fig.mm);
  });
  const still = { f: stillF, mm: stillMm };
  const roots = hfOneRoots(segments, still);
  const current = ONE.plus(scenario.all);
  const now = exactAt(segments, still, current);

  // float64 from here: the sampled picture
  const lo = 1 + CURVE_MIN_MOVE;
  const hi = 1 + CURVE_MAX_MOVE;
  const fl = toFloat(segments);
  const sf = still.f.toNumber();
  const sm = still.mm.toNumber();
  const xs: Array<[x: number, k: number]> = [];
  for (let i = 0; i <= CURVE_SAMPLES; i++) {
    const x = lo + ((hi - lo) * i) / CURVE_SAMPLES;
    xs.push([x, segmentAt(fl.from, x)]);
  }
  // both sides of every break inside the range, so a jump in MM is drawn as one
  for (let k = 1; k < fl.from.length; k++) {
    const x = fl.from[k]!;
    if (x > lo && x < hi) xs.push([x, k - 1], [x, k]);
  }
  for (const r of roots) {
    const x = r.toNumber();
    if (x > lo && x < hi) xs.push([x, segmentAt(fl.from, x)]);
  }
  const cx = current.toNumber();
  if (cx >= lo && cx <= hi) xs.push([cx, segmentAt(fl.from, cx)]);
  xs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const n = xs.length;
  const curve = { move: new Float64Array(n), hf: new Float64Array(n), marginBalance: new Float64Array(n), maintenance: new Float64Array(n) };
  xs.forEach(([x, k], i) => {
    const f = fl.fa[k]! + fl.fb[k]! * x + fl.fc[k]! / x + sf;
    const mm = fl.ma[k]! + fl.mb[k]! * x + fl.mc[k]! / x + sm;
    curve.move[i] = x - 1;
    curve.marginBalance[i] = f + mm;
    curve.maintenance[i] = mm;
    curve.hf[i] = mm > 0 ? (f + mm) / mm : Number.NaN;
  });
  return {
    account,
    unit: unit.id,
    ...curve,
    liquidationMoves: roots.map((r) => decStr(r.minus(ONE))),
    currentMove: decStr(scenario.all),
    currentHF: now.mm.gt(0) ? decStr(now.mb.div(now.mm)) : null,
    currentMarginBalance: decStr(now.mb),
    currentMaintenance: decStr(now.mm),
  };
}

/** Every unit's curve: what the bench times (the page asks for one unit at a time). */
export function portfolioCurves(prepared: PreparedCharts, scenario: PreparedScenario): HfCurve[] {
  return prepared.units.map((u) => unitCurve(u.unit, u.account, scenario, addedCollateral(scenario, u)));
}

export interface ChartsRequest {
  scenario: PreparedScenario;
  /** null: the riskiest unit under the scenario */
  unit: ChartUnitRef | null;
  ladderSize?: number;
}

/** The three charts' data under a scenario. */
export function chartData(prepared: PreparedCharts, { scenario, unit, ladderSize = DEFAULT_LADDER_SIZE }: ChartsRequest): ChartData {
  const factors = new Map<string, number>();
  const factor = (u: string) => {
    let f = factors.get(u);
    if (f === undefined) {
      f = markFactor(scenario, u).toNumber();
      factors.set(u, f);
    }
    return f;
  };
  const risks = unitRisks(prepared, scenario, factor);
  const ranked = [...risks].sort(byRisk);
  const wanted = unit ? prepared.units.find((u) => u.account === unit.account && u.unit.id === unit.unit) : undefined;
  const firstRisky = ranked[0] && ranked[0].hf !== null ? prepared.units.find((u) => u.account === ranked[0]!.account && u.unit.id === ranked[0]!.unit) : undefined;
  const chosen = wanted ?? firstRisky;
  const picker = ranked.filter((r) => r.hf !== null).slice(0, PICKER_UNITS);
  if (chosen && !picker.some((r) => r.account === chosen.account && r.unit === chosen.unit.id)) {
    const own = risks.find((r) => r.account === chosen.account && r.unit === chosen.unit.id);
    if (own) picker.push(own);
  }
  return {
    units: picker,
    unitsWithExposure: risks.filter((r) => r.hf !== null).length,
    curve: chosen ? unitCurve(chosen.unit, chosen.account, scenario, addedCollateral(scenario, chosen)) : null,
    ladder: ladderFor(prepared, scenario, factor, ladderSize),
    pnl: pnlFor(prepared, scenario),
  };
}
