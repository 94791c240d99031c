import { cascadeBookOf, prepareCascadeBook, runCascade, servesCascade, type CascadeBook, type CascadeParams, type CascadeResult } from '../engine/cascade';
import type { FastBook } from '../engine/fast';
import type { Portfolio, Scenario } from '../engine/types';
import type { TierTable } from '../engine/venues/tiers';

export interface CascadeArgs {
  scenario: Scenario;
  params: CascadeParams;
}

export type CascadeReply = { ok: true; result: CascadeResult } | { ok: false; error: string };

/**
 * The cascade behind the worker's `cascade` handler. The prepared book costs more than a run on a
 * large portfolio, so it is kept until the portfolio or a tier table changes. When the what-if fast
 * path has laid out the same portfolio already (`fast`, its layout read-only), the book is built on
 * it: no second decimal preparation of every row. A layout with options priced by a model cannot
 * serve (the cascade holds options at their mark): then the book is prepared on its own.
 */
export function createCascadeRunner(): (portfolio: Portfolio, tiers: ReadonlyMap<string, TierTable>, args: CascadeArgs, fast?: FastBook | null) => CascadeReply {
  let cached: { portfolio: Portfolio; tables: TierTable[]; book: CascadeBook } | null = null;
  return (portfolio, tiers, args, fast = null) => {
    if (portfolio.rows.length === 0) return { ok: false, error: 'load a portfolio first' };
    const tables = [...tiers.values()];
    const same = cached && cached.portfolio === portfolio && cached.tables.length === tables.length && cached.tables.every((t, i) => t === tables[i]);
    if (!same) cached = { portfolio, tables, book: fast && servesCascade(fast) ? cascadeBookOf(fast) : prepareCascadeBook(portfolio, tiers) };
    const outcome = runCascade({ book: cached!.book, scenario: args.scenario, params: args.params });
    return outcome.ok ? { ok: true, result: outcome.result } : outcome;
  };
}
