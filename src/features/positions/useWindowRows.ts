import { useEffect, useRef, useState } from 'react';
import { fetchPositionRows, fetchRowOrder } from '../../store/engineSync';
import type { ExactPositionRow, SortColumn } from '../../worker';

/** Waits this long after the last scroll or scenario step before asking for exact rows. */
const ROWS_DELAY_MS = 60;
const CACHE_LIMIT = 2_000;

/**
 * The table's data under the current scenario (`key`): the row order for the sort, computed in the
 * worker and returned as a permutation, and the exact decimal rows of the visible window, fetched by
 * index. Rows fetched under an earlier scenario are kept (marked stale) until their fresh ones land.
 */
export function useWindowRows(key: string | null, positions: readonly number[], sort: { column: SortColumn; desc: boolean } | null) {
  const [order, setOrder] = useState<{ key: string; sort: string; order: Int32Array } | null>(null);
  const [sortError, setSortError] = useState<string | null>(null);
  const cache = useRef(new Map<number, { key: string; row: ExactPositionRow }>());
  const [version, setVersion] = useState(0);
  const sortId = sort ? `${sort.column}:${sort.desc}` : '';

  useEffect(() => {
    if (!key || !sort) return;
    let live = true;
    const timer = setTimeout(() => {
      void fetchRowOrder(sort.column, sort.desc).then((r) => {
        if (!live || !r) return;
        if ('error' in r) setSortError(r.error);
        else if (r.key === key) {
          setSortError(null);
          setOrder({ key: r.key, sort: sortId, order: r.order });
        }
      });
    }, ROWS_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // sort is read through sortId: a new object with the same column and direction is the same sort
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, sortId]);

  const current = sort && order && order.sort === sortId ? order.order : null;
  /** table position -> row index; identity until a sort's first order has arrived */
  const indices = positions.map((position) => (current ? (current[position] ?? position) : position));
  const wanted = indices.join(',');
  useEffect(() => {
    if (!key || indices.length === 0) return;
    const missing = indices.filter((i) => cache.current.get(i)?.key !== key);
    if (missing.length === 0) return;
    let live = true;
    const timer = setTimeout(() => {
      void fetchPositionRows(missing).then((r) => {
        if (!live || !r || r.key !== key) return;
        if (cache.current.size > CACHE_LIMIT) cache.current.clear();
        for (const row of r.rows) cache.current.set(row.index, { key: r.key, row });
        setVersion((v) => v + 1);
      });
    }, ROWS_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // the visible indices are compared by value through `wanted`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, wanted]);

  return {
    indices,
    sortPending: sort !== null && current === null && sortError === null,
    sortError: sort ? sortError : null,
    rowOf: (index: number) => cache.current.get(index),
    version,
  };
}
