/**
 * Work that must follow a slider step but must not hold up its paint. Both helpers coalesce: calls
 * made while a run is pending are folded into that run, which reads the state it needs when it runs.
 */

/**
 * Runs `task` once, after the browser has painted what is pending now. Without frames (a background
 * tab, where alerts matter most) it runs after `latestMs` instead.
 */
export function afterPaint(task: () => void, latestMs = 250): () => void {
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!pending) return;
    pending = false;
    clearTimeout(timer);
    task();
  };
  return () => {
    if (pending) return;
    pending = true;
    timer = setTimeout(run, latestMs);
    // a frame callback runs before that frame's paint; the task queued from it runs after
    requestAnimationFrame(() => setTimeout(run, 0));
  };
}

/**
 * Runs `task` once the calls have rested for `ms` (each call restarts the wait), so a slider drag
 * runs it once, at its last position; `flush()` runs a pending one now, `cancel()` forgets it, and
 * `pending()` says whether one is waiting.
 */
export function debounced(task: () => void, ms: number): { call: () => void; flush: () => void; cancel: () => void; pending: () => boolean } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const flush = () => {
    if (timer === undefined) return;
    cancel();
    task();
  };
  return {
    call: () => {
      clearTimeout(timer);
      timer = setTimeout(flush, ms);
    },
    flush,
    cancel,
    pending: () => timer !== undefined,
  };
}

/**
 * Runs `task` when asked, one run at a time (requests to a worker): asks made while a run is out
 * fold into one more run after it, which reads the state of its own moment. `overtaken()` tells a
 * run that a newer ask is waiting, so its answer is stale; `drop()` forgets a waiting ask.
 */
export function latestWins(task: (overtaken: () => boolean) => Promise<void>): { request: () => void; drop: () => void } {
  let inFlight = false;
  let pending = false;
  const overtaken = () => pending;
  const pump = async (): Promise<void> => {
    if (inFlight || !pending) return;
    pending = false;
    inFlight = true;
    try {
      await task(overtaken);
    } finally {
      inFlight = false;
      void pump();
    }
  };
  return {
    request: () => {
      pending = true;
      void pump();
    },
    drop: () => {
      pending = false;
    },
  };
}
