import { chartData, prepareCharts, type PreparedCharts } from '../engine/curves';
import type { FastBook } from '../engine/fast';
import type { FastSession } from './fastSession';
import type { ChartsArgs, ChartsOutcome } from './protocol';

/**
 * The `charts` handler, on the fast session the worker already holds: its fast book (laid out once
 * per portfolio and tier tables) and its per-scenario cache of fast figures and liquidation prices.
 * The chart-only sums are made once per book; a scenario change then costs the fast path, the
 * liquidation search and one unit's decimal curve.
 */
export function createChartsHandler(session: () => FastSession | null): (args: ChartsArgs) => ChartsOutcome {
  let cache: { book: FastBook; prepared: PreparedCharts } | null = null;
  return ({ scenario, thresholds, unit, ladderSize }) => {
    const s = session();
    if (!s) return { ok: false, error: 'no portfolio loaded' };
    try {
      if (!cache || cache.book !== s.book) cache = { book: s.book, prepared: prepareCharts(s.book) };
      const fast = s.liquidation({ scenario, thresholds });
      return { ok: true, charts: chartData(cache.prepared, { scenario: fast.scenario, unit, fast, ...(ladderSize ? { ladderSize } : {}) }) };
    } catch (e) {
      // a bad scenario (RangeError from the session) is the user's to fix: say what it is
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
}
