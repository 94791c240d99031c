import { useRef } from 'react';
import { useAppStore, type AppState } from './index';

/**
 * The store's value while `live`; while not, the value it had under the same portfolio (layout)
 * when it stopped being live: scenario steps pass a paused view by, a new portfolio does not. A
 * paused view does not even re-render: its selector keeps returning the held value, which the store
 * sees as no change.
 */
export function useStoreWhile<T>(live: boolean, select: (s: AppState) => T): T {
  const held = useRef<{ layout: AppState['layout']; value: T } | null>(null);
  return useAppStore((s) => {
    if (live || !held.current || held.current.layout !== s.layout) held.current = { layout: s.layout, value: select(s) };
    return held.current.value;
  });
}
