/**
 * The worker's side of the what-if data flow (issue 3, speed): the loaded portfolio laid out once
 * for the float64 fast path; per scenario, typed arrays for every unit and row; exact decimal figures
 * only for what the page shows (the account cards, the table rows in view).
 *
 * A small LRU of recent scenarios keeps each one's fast figures, exact units and sort orders, so a
 * slider dragged back over values it has passed costs nothing. Arrays handed to the page are copies:
 * they are transferred (moved) to the page, and the cache keeps its own.
 */
import { evaluatePortfolio, portfolioWarnings, scenarioReport, unitReport } from '../engine/evaluate';
import { compileScenario, evaluateFast, prepareFastBook, type FastBook, type FastFigures, type FastScenario } from '../engine/fast';
import { solveLiquidation, type FastLiquidation } from '../engine/fast/liquidation';
import { markFactor, prepareScenario, type PreparedScenario } from '../engine/scenario';
import type { Portfolio, Report, UnitReport } from '../engine/types';
import { prepareAccounts, type PreparedAccount } from '../engine/units';
import type { TierTables } from '../engine/venues/tiers';
import type { ExactPositionRow, FastArgs, FastOutcome, PositionRowsOutcome, SortColumn, TableLayout } from './fastProtocol';

const LRU_SIZE = 8;
/** Sorting by a figure only the decimal engine gives (liquidation price, distance, tier) needs every row exact. */
export const EXACT_SORT_LIMIT = 5_000;

interface Entry {
  scenario: PreparedScenario;
  figures: FastFigures;
  /** full decimal unit reports (with positions), computed on demand */
  units: Map<number, UnitReport>;
  orders: Map<string, Int32Array>;
  report: Report | null;
  /** float64 liquidation prices of every row and unit (fast/liquidation.ts), computed on demand */
  liquidation?: { compiled: FastScenario; liquidation: FastLiquidation; rows: boolean };
}

/** A scenario's fast figures with every row's and unit's liquidation figures (charts, alerts). */
export interface FastLiquidationEntry {
  scenario: PreparedScenario;
  compiled: FastScenario;
  figures: FastFigures;
  liquidation: FastLiquidation;
}

function copyOf<T extends Float64Array | Uint8Array | Int32Array>(a: T): T {
  return a.slice() as T;
}

export class FastSession {
  private readonly accounts: PreparedAccount[];
  readonly book: FastBook;
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly portfolio: Portfolio,
    private readonly tierTables: TierTables,
  ) {
    // options prepared for today; a what-if's vol and time reprice in the exact fallback (fast/exact.ts)
    this.accounts = prepareAccounts(portfolio, tierTables, { asOf: new Date().toISOString(), volShock: 0, days: 0 });
    this.book = prepareFastBook(this.accounts);
  }

  layout(): TableLayout {
    const { units, unitStart, rowUnit, rowCount } = this.book;
    return {
      rowCount,
      account: units.map((u) => u.account),
      unit: units.map((u) => u.id),
      venue: units.map((u) => u.venue),
      marginMode: units.map((u) => u.mode),
      unitStart: copyOf(unitStart),
      rowUnit: copyOf(rowUnit),
      exactSortLimit: EXACT_SORT_LIMIT,
    };
  }

  /** The cached entry of a scenario, computed when new (throws RangeError on a bad scenario). */
  private entry({ scenario, thresholds }: FastArgs): Entry {
    const key = JSON.stringify([scenario, thresholds]);
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key); // most recent last
      this.cache.set(key, hit);
      return hit;
    }
    const checked = prepareScenario(scenario, thresholds);
    if (!checked.ok) throw new RangeError(checked.error);
    const figures = evaluateFast(this.book, compileScenario(this.book, checked.scenario));
    const made: Entry = { scenario: checked.scenario, figures, units: new Map(), orders: new Map(), report: null };
    this.cache.set(key, made);
    if (this.cache.size > LRU_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return made;
  }

  evaluate(args: FastArgs): FastOutcome {
    const e = this.entry(args);
    const f = e.figures;
    return {
      ok: true,
      asOf: args.asOf ?? new Date().toISOString(),
      source: this.portfolio.source,
      scenario: scenarioReport(e.scenario),
      warnings: portfolioWarnings(this.accounts, e.scenario),
      units: {
        marginBalance: copyOf(f.unitMarginBalance),
        maintenanceMargin: copyOf(f.unitMaintenance),
        initialMargin: copyOf(f.unitInitial),
        healthFactor: copyOf(f.unitHealth),
        status: copyOf(f.unitStatus),
        present: copyOf(f.unitPresent),
        exact: copyOf(f.unitExact),
      },
      rows: { notional: copyOf(f.rowNotional), pnl: copyOf(f.rowPnl), maintenanceMargin: copyOf(f.rowMaintenance) },
    };
  }

  private unitReportOf(e: Entry, u: number): UnitReport {
    let report = e.units.get(u);
    if (!report) {
      const prepared = this.book.prepared[u]!;
      const added = prepared.mode === 'cross' ? e.scenario.addCollateral.get(prepared.account) : undefined;
      report = unitReport(added ? { ...prepared, baseBalance: prepared.baseBalance.plus(added) } : prepared, e.scenario);
      e.units.set(u, report);
    }
    return report;
  }

  /**
   * Liquidation figures of every unit (and with `rows`, every row) under a scenario, cached with it;
   * units the fast path computed exactly take their decimal report.
   */
  liquidation(args: FastArgs, rows = true): FastLiquidationEntry {
    const e = this.entry(args);
    if (!e.liquidation || (rows && !e.liquidation.rows)) {
      const compiled = compileScenario(this.book, e.scenario);
      const liquidation = solveLiquidation(this.book, compiled, e.figures, { rows, exact: (u) => this.unitReportOf(e, u) });
      e.liquidation = { compiled, liquidation, rows };
    }
    const { compiled, liquidation } = e.liquidation;
    return { scenario: e.scenario, figures: e.figures, compiled, liquidation };
  }

  /** Exact decimal unit figures for the cards on screen; positions left out (the table fetches its own). */
  exactUnits(args: FastArgs, units: readonly number[]): Array<{ index: number; report: UnitReport }> {
    const e = this.entry(args);
    return units.filter((u) => u >= 0 && u < this.book.unitCount).map((u) => ({ index: u, report: { ...this.unitReportOf(e, u), positions: [] } }));
  }

  /** Exact decimal positions for the table rows in view, by row index. */
  positionRows(args: FastArgs, rows: readonly number[]): PositionRowsOutcome {
    const e = this.entry(args);
    const out: ExactPositionRow[] = [];
    for (const i of rows) {
      if (i < 0 || i >= this.book.rowCount) continue;
      const u = this.book.rowUnit[i]!;
      const unit = this.unitReportOf(e, u);
      const p = unit.positions[i - this.book.unitStart[u]!];
      if (p) out.push({ index: i, unit: u, status: unit.status, p });
    }
    return { ok: true, rows: out };
  }

  private fullReport(e: Entry): Report {
    if (!e.report) {
      const thresholds = { targetHF: e.scenario.targetHF.toFixed(), marginCallHF: e.scenario.marginCallHF.toFixed() };
      const result = evaluatePortfolio({ portfolio: this.portfolio, scenario: this.scenarioOf(e), thresholds, asOf: new Date().toISOString(), tierTables: this.tierTables });
      if (!result.ok) throw new RangeError(result.error);
      e.report = result.report;
    }
    return e.report;
  }

  private scenarioOf(e: Entry): Parameters<typeof evaluatePortfolio>[0]['scenario'] {
    const r = scenarioReport(e.scenario);
    return { shocks: Object.entries(r.shocks), all: r.all, volShock: r.volShock, days: r.days, addCollateral: Object.entries(r.addCollateral), cuts: Object.entries(r.cuts ?? {}) };
  }

  /**
   * Row indices in the order of a column: fast figures for notional, PnL, MM, mark and status;
   * static text and sizes as loaded; exact-only figures (liquidation price, distance, IM, tier)
   * from the decimal engine, for books up to EXACT_SORT_LIMIT rows. Missing figures sort last.
   */
  sortRows(args: FastArgs, column: SortColumn, desc: boolean): Int32Array {
    const e = this.entry(args);
    const id = `${column}:${desc ? 'd' : 'a'}`;
    let order = e.orders.get(id);
    if (!order) {
      const keys = this.sortKeys(e, column);
      const n = this.book.rowCount;
      const idx = Array.from({ length: n }, (_, i) => i);
      const dir = desc ? -1 : 1;
      idx.sort((a, b) => {
        const x = keys[a]!;
        const y = keys[b]!;
        const xn = typeof x === 'number' && Number.isNaN(x);
        const yn = typeof y === 'number' && Number.isNaN(y);
        if (xn || yn) return xn === yn ? a - b : xn ? 1 : -1;
        return (x < y ? -1 : x > y ? 1 : 0) * dir || a - b;
      });
      order = Int32Array.from(idx);
      e.orders.set(id, order);
    }
    return order.slice();
  }

  private sortKeys(e: Entry, column: SortColumn): ArrayLike<number | string> {
    const b = this.book;
    const f = e.figures;
    const rowsOf = (get: (u: number, k: number) => number | string) => Array.from({ length: b.rowCount }, (_, i) => get(b.rowUnit[i]!, i - b.unitStart[b.rowUnit[i]!]!));
    const src = (u: number, k: number) => b.prepared[u]!.rows[k]!;
    switch (column) {
      case 'notional': return f.rowNotional;
      case 'pnl': return f.rowPnl;
      case 'mm': return f.rowMaintenance;
      case 'mark': {
        const factor = b.underlyings.map((u) => markFactor(e.scenario, u).toNumber());
        return Array.from({ length: b.rowCount }, (_, i) => b.rowMark[i]! * factor[b.rowUnderlying[i]!]!);
      }
      case 'status': return rowsOf((u) => -(f.unitStatus[u] ?? 0) || 0);
      case 'account': return rowsOf((u) => b.units[u]!.account);
      case 'unit': return rowsOf((u) => (b.units[u]!.mode === 'cross' ? 'Cross' : 'Isolated'));
      case 'symbol': return rowsOf((u, k) => src(u, k).src.symbol);
      case 'type': return rowsOf((u, k) => src(u, k).src.type);
      case 'side': return rowsOf((u, k) => (src(u, k).q.gt(0) ? 'long' : 'short'));
      case 'qty': return rowsOf((u, k) => src(u, k).q.toNumber());
      case 'entry': return rowsOf((u, k) => src(u, k).entry?.toNumber() ?? NaN);
      default: {
        if (b.rowCount > EXACT_SORT_LIMIT) throw new RangeError(`sorting by ${column} needs exact figures for every row; this book has more than ${EXACT_SORT_LIMIT.toLocaleString('en-US')}`);
        const report = this.fullReport(e);
        const positions = report.accounts.flatMap((a) => a.units.flatMap((u) => u.positions));
        const byLine = new Map(positions.map((p) => [p.line, p]));
        const pick = (p: (typeof positions)[number] | undefined): string | null =>
          !p ? null : column === 'liq' ? p.liquidationPrice : column === 'dist' ? p.distanceToLiquidation : column === 'im' ? p.initialMargin : p.mmr;
        return Array.from({ length: b.rowCount }, (_, i) => {
          const v = pick(byLine.get(b.rowLine[i]!));
          return v === null ? NaN : Number(v); // ordering only; the figures shown stay decimal strings
        });
      }
    }
  }
}
