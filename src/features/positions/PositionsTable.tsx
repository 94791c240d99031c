import { flexRender, getCoreRowModel, useReactTable, type Header, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { STATUS_CODES } from '../../engine/fast/evaluate';
import { useOnScreen } from '../../lib/useOnScreen';
import { useAppStore } from '../../store';
import { useStoreWhile } from '../../store/useStoreWhile';
import type { SortColumn } from '../../worker';
import { columns } from './columns';
import { positionRowOf, type PositionRow } from './rows';
import { useWindowRows } from './useWindowRows';

const ROW_HEIGHT = 28;
const MAX_BODY_HEIGHT = 560;
/** columns only the decimal engine gives: sortable up to the worker's exact-sort limit */
const EXACT_ONLY = new Set(['liq', 'dist', 'im', 'tier']);

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function HeaderCell({ header, disabledWhy }: { header: Header<PositionRow, unknown>; disabledWhy: string | null }) {
  const sorted = header.column.getIsSorted();
  const numeric = header.column.columnDef.meta?.numeric ?? false;
  return (
    <th scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" className="th-btn" onClick={header.column.getToggleSortingHandler()} disabled={disabledWhy !== null} title={disabledWhy ?? undefined}>
        {flexRender(header.column.columnDef.header, header.getContext())}
        <span aria-hidden="true" className="th-btn__arrow">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * Every position, sortable by any column, virtualised: only the rows in view are in the DOM, and
 * only they are fetched with exact decimal figures. The order comes from the worker (sorted on the
 * fast figures); while a scenario step's exact rows are on their way, a row shows the fast
 * notional, PnL and MM and is marked busy.
 */
export function PositionsTable() {
  // far off screen, scenario steps pass the table by: it fetches nothing until it is near the
  // screen again (lib/useOnScreen.ts); a new portfolio still reaches it at once
  const [sectionRef, onScreen] = useOnScreen<HTMLElement>();
  const layout = useAppStore((s) => s.layout);
  // not known yet (nothing rendered, or not observed): follow, so the table can render at all
  const fast = useStoreWhile(onScreen !== false, (s) => s.fast);
  const [sorting, setSorting] = useState<SortingState>([]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = layout?.rowCount ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const sort = sorting[0] ? { column: sorting[0].id as SortColumn, desc: sorting[0].desc } : null;
  const key = fast?.key ?? null;
  const rows = useWindowRows(key, items.map((vi) => vi.index), sort);
  const indices = rows.indices;

  const data = useMemo(() => {
    if (!fast || !layout) return [];
    const out: PositionRow[] = [];
    for (const i of indices) {
      const got = rows.rowOf(i);
      if (!got) continue;
      const u = layout.rowUnit[i]!;
      const status = STATUS_CODES[fast.units.status[u]!]!;
      out.push(positionRowOf(layout, got.row, status, got.key === fast.key ? null : { notional: fast.rows.notional[i]!, pnl: fast.rows.pnl[i]!, mm: fast.rows.maintenanceMargin[i]! }));
    }
    return out;
    // rows.version: new exact rows landed in the hook's cache
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fast, layout, indices.join(','), rows.version]);

  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    manualSorting: true,
    // first click sorts ascending on every column (lowest liquidation price / distance first)
    defaultColumn: { sortDescFirst: false },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.key,
  });
  if (!layout || !fast) return null;
  const byKey = new Map(table.getRowModel().rows.map((r) => [r.original.key, r]));
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const colCount = columns.length;
  const tooBig = count > layout.exactSortLimit ? `sorting by this column needs exact figures for every row; available up to ${layout.exactSortLimit.toLocaleString('en-US')} rows` : null;
  return (
    <section ref={sectionRef} className="positions" aria-labelledby="positions-heading">
      <div className="section-head">
        <h2 id="positions-heading">Positions</h2>
        <span className="hint">
          {count.toLocaleString('en-US')} rows · click a header to sort{rows.sortPending ? ' · sorting…' : ''}
          {rows.sortError ? ` · ${rows.sortError}` : ''}
        </span>
      </div>
      <div ref={scrollRef} className="table-scroll" style={{ maxHeight: MAX_BODY_HEIGHT }} tabIndex={0} role="region" aria-label="Positions table, scrollable">
        <table className="grid" aria-rowcount={count + 1} style={{ width: table.getTotalSize() }}>
          <colgroup>
            {table.getVisibleLeafColumns().map((c) => (
              <col key={c.id} style={{ width: c.getSize() }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id} aria-rowindex={1}>
                {g.headers.map((h) => (
                  <HeaderCell key={h.id} header={h} disabledWhy={EXACT_ONLY.has(h.column.id) ? tooBig : null} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }}><td colSpan={colCount} /></tr> : null}
            {items.map((vi, n) => {
              const row = byKey.get(String(indices[n]));
              if (!row) {
                return (
                  <tr key={`wait-${vi.index}`} aria-rowindex={vi.index + 2} aria-busy="true" className="row row--loading" style={{ height: ROW_HEIGHT }}>
                    <td colSpan={colCount}>…</td>
                  </tr>
                );
              }
              return (
                <tr key={row.id} aria-rowindex={vi.index + 2} aria-busy={row.original.pending || undefined} className={`row row--${row.original.status}${row.original.pending ? ' row--pending' : ''}`} style={{ height: ROW_HEIGHT }}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`col-${cell.column.id}${cell.column.columnDef.meta?.numeric ? ' num' : ''}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 ? <tr aria-hidden="true" style={{ height: padBottom }}><td colSpan={colCount} /></tr> : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
