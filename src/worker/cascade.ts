import { prepareCascadeBook, runCascade, type CascadeBook, type CascadeParams, type CascadeResult } from '../engine/cascade';
import type { Portfolio, Scenario } from '../engine/types';
import type { TierTable } from '../engine/venues/tiers';

export interface CascadeArgs {
  scenario: Scenario;
  params: CascadeParams;
}

export type CascadeReply = { ok: true; result: CascadeResult } | { ok: false; error: string };

/**
 * The cascade behind the worker's `cascade` handler. The prepared book costs more than a run on a
 * large portfolio, so it is kept until the portfolio or a tier table changes.
 */
export function createCascadeRunner(): (portfolio: Portfolio, tiers: ReadonlyMap<string, TierTable>, args: CascadeArgs) => CascadeReply {
  let cached: { portfolio: Portfolio; tables: TierTable[]; book: CascadeBook } | null = null;
  return (portfolio, tiers, args) => {
    if (portfolio.rows.length === 0) return { ok: false, error: 'load a portfolio first' };
    const tables = [...tiers.values()];
    const same = cached && cached.portfolio === portfolio && cached.tables.length === tables.length && cached.tables.every((t, i) => t === tables[i]);
    if (!same) cached = { portfolio, tables, book: prepareCascadeBook(portfolio, tiers) };
    const outcome = runCascade({ book: cached!.book, scenario: args.scenario, params: args.params });
    return outcome.ok ? { ok: true, result: outcome.result } : outcome;
  };
}
