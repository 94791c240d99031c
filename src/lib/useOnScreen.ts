import { useEffect, useState } from 'react';

/**
 * Whether an element is on screen or within one screen height of it, for views that are expensive
 * to follow (the positions table, the charts): they pause while far off screen, so a slider step
 * costs what the trader can see, and resume with the current scenario before a scroll brings them
 * into sight. Returns a callback ref for the element and true (near) / false (far) / null (not
 * known yet: no element attached, or the observer has not answered). Each caller decides what
 * "not known" means: the table renders (it must, to attach its element), the charts wait, so a
 * load does not compute and draw charts far below the fold. Without IntersectionObserver: true.
 */
export function useOnScreen<T extends Element>(): [(element: T | null) => void, boolean | null] {
  const [element, setElement] = useState<T | null>(null);
  const [seen, setSeen] = useState<{ element: T; near: boolean } | null>(null);
  const observable = typeof IntersectionObserver !== 'undefined';
  useEffect(() => {
    if (!element || !observable) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setSeen({ element, near: last.isIntersecting });
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, observable]);
  if (!observable) return [setElement, true];
  return [setElement, seen && seen.element === element ? seen.near : null];
}
