import { chartData, prepareCharts, type PreparedCharts } from '../engine/curves';
import { prepareScenario } from '../engine/scenario';
import type { Portfolio } from '../engine/types';
import { prepareAccounts } from '../engine/units';
import type { TierTable } from '../engine/venues/tiers';
import type { ChartsArgs, ChartsOutcome } from './protocol';

/**
 * The `charts` handler. The per-unit pieces are built once per portfolio and tier tables (the
 * expensive, decimal part); each scenario then only evaluates them.
 */
export function createChartsHandler(current: () => { portfolio: Portfolio; tierTables: Map<string, TierTable> }): (args: ChartsArgs) => ChartsOutcome {
  let cache: { portfolio: Portfolio; tables: TierTable[]; prepared: PreparedCharts } | null = null;
  const prepared = (): PreparedCharts => {
    const { portfolio, tierTables } = current();
    const tables = [...tierTables.values()];
    const same = cache && cache.portfolio === portfolio && cache.tables.length === tables.length && cache.tables.every((t, i) => t === tables[i]);
    if (!cache || !same) cache = { portfolio, tables, prepared: prepareCharts(prepareAccounts(portfolio, tierTables, { asOf: new Date().toISOString(), volShock: 0, days: 0 })) };
    return cache.prepared;
  };
  return ({ scenario, thresholds, unit, ladderSize }) => {
    const checked = prepareScenario(scenario, thresholds);
    if (!checked.ok) return checked;
    return { ok: true, charts: chartData(prepared(), { scenario: checked.scenario, unit, ...(ladderSize ? { ladderSize } : {}) }) };
  };
}
