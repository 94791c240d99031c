import { useEffect, useState } from 'react';

/**
 * Whether an element is on screen or within one screen height of it, for views that are expensive
 * to follow (the positions table, the charts): they pause while far off screen, so a slider step
 * costs what the trader can see, and resume with the current scenario before a scroll brings them
 * into sight. Returns a callback ref for the element, and true until the first observation, while
 * no element is attached (a view that renders nothing must not stay paused), and where
 * IntersectionObserver is missing.
 */
export function useOnScreen<T extends Element>(): [(element: T | null) => void, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1];
        if (last) setOnScreen(last.isIntersecting);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, element === null || onScreen];
}
