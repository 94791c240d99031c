import type { Row, SortingFn } from '@tanstack/react-table';
import { Dec } from '../../engine/decimal';
import type { PositionReport, Report, UnitStatus, VenueId } from '../../engine/types';
import type { ExactPositionRow, TableLayout } from '../../worker';

/** One table row: a position with the account and margin unit it belongs to. */
export interface PositionRow {
  key: string;
  account: string;
  venue: VenueId;
  unit: string;
  /** "Cross" or "Isolated" (the symbol column names the isolated position) */
  unitLabel: string;
  status: UnitStatus;
  p: PositionReport;
  /** exact figures of an earlier scenario step, with this step's fast notional, PnL and MM */
  pending?: boolean;
}

/** Fast figures as text for the decimal formatters (they agree within half a displayed unit). */
function text(x: number): string | null {
  return Number.isFinite(x) ? String(x) : null;
}

/** A table row from an exact row fetched by index; `fast` when it is from an earlier scenario step. */
export function positionRowOf(layout: TableLayout, row: ExactPositionRow, status: UnitStatus, fast: { notional: number; pnl: number; mm: number } | null): PositionRow {
  const unit = layout.unit[row.unit]!;
  const p = fast ? { ...row.p, notional: text(fast.notional) ?? row.p.notional, unrealizedPnl: text(fast.pnl), maintenanceMargin: row.p.maintenanceMargin === null ? null : text(fast.mm) } : row.p;
  return {
    key: String(row.index),
    account: layout.account[row.unit]!,
    venue: layout.venue[row.unit]!,
    unit,
    unitLabel: unit === 'cross' ? 'Cross' : 'Isolated',
    status,
    p,
    pending: fast !== null,
  };
}

export function flattenReport(report: Report | null): PositionRow[] {
  if (!report) return [];
  const rows: PositionRow[] = [];
  for (const account of report.accounts) {
    for (const unit of account.units) {
      const label = unit.marginMode === 'isolated' ? 'Isolated' : 'Cross';
      for (const p of unit.positions) {
        rows.push({ key: `${account.account}\u0000${unit.unit}\u0000${p.line}`, account: account.account, venue: account.venue, unit: unit.unit, unitLabel: label, status: unit.status, p });
      }
    }
  }
  return rows;
}

const decCache = new Map<string, InstanceType<typeof Dec>>();
function toDec(s: string): InstanceType<typeof Dec> {
  let d = decCache.get(s);
  if (!d) {
    if (decCache.size > 200_000) decCache.clear();
    d = new Dec(s);
    decCache.set(s, d);
  }
  return d;
}

/**
 * Numeric order on decimal strings, exact. Accessors return undefined for a missing figure and the
 * column sets sortUndefined: 'last', so missing figures stay at the bottom in both directions.
 */
export const decimalSort: SortingFn<PositionRow> = (a: Row<PositionRow>, b: Row<PositionRow>, columnId: string) => {
  const x = a.getValue<string | undefined>(columnId);
  const y = b.getValue<string | undefined>(columnId);
  if (x === undefined || y === undefined) return 0;
  return toDec(x).comparedTo(toDec(y));
};

const SEVERITY: Record<UnitStatus, number> = { liquidation: 0, margin_call: 1, warning: 2, ok: 3 };

/** Most severe first when ascending. */
export const statusSort: SortingFn<PositionRow> = (a, b) => SEVERITY[a.original.status] - SEVERITY[b.original.status];
