import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type Header, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { columns } from './columns';
import { flattenReport, type PositionRow } from './rows';

const ROW_HEIGHT = 28;
const MAX_BODY_HEIGHT = 560;

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function HeaderCell({ header }: { header: Header<PositionRow, unknown> }) {
  const sorted = header.column.getIsSorted();
  const numeric = header.column.columnDef.meta?.numeric ?? false;
  return (
    <th scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" className="th-btn" onClick={header.column.getToggleSortingHandler()}>
        {flexRender(header.column.columnDef.header, header.getContext())}
        <span aria-hidden="true" className="th-btn__arrow">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

/** Every position, sortable by any column, virtualised: only the rows in view are in the DOM. */
export function PositionsTable() {
  const report = useAppStore((s) => s.report);
  const data = useMemo(() => flattenReport(report), [report]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    // first click sorts ascending on every column (lowest liquidation price / distance first)
    defaultColumn: { sortDescFirst: false },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.key,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  if (!report) return null;
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const colCount = columns.length;
  return (
    <section className="positions" aria-labelledby="positions-heading">
      <div className="section-head">
        <h2 id="positions-heading">Positions</h2>
        <span className="hint">{rows.length.toLocaleString('en-US')} rows · click a header to sort</span>
      </div>
      <div
        ref={scrollRef}
        className="table-scroll"
        style={{ maxHeight: MAX_BODY_HEIGHT }}
        tabIndex={0}
        role="region"
        aria-label="Positions table, scrollable"
      >
        <table className="grid" aria-rowcount={rows.length + 1} style={{ width: table.getTotalSize() }}>
          <colgroup>
            {table.getVisibleLeafColumns().map((c) => (
              <col key={c.id} style={{ width: c.getSize() }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id} aria-rowindex={1}>
                {g.headers.map((h) => (
                  <HeaderCell key={h.id} header={h} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 ? <tr aria-hidden="true" style={{ height: padTop }}><td colSpan={colCount} /></tr> : null}
            {items.map((vi) => {
              const row = rows[vi.index];
              if (!row) return null;
              return (
                <tr key={row.id} aria-rowindex={vi.index + 2} className={`row row--${row.original.status}`} style={{ height: ROW_HEIGHT }}>
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
