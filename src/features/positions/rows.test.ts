import { getCoreRowModel, getSortedRowModel, createTable, type SortingState } from '@tanstack/table-core';
import { describe, expect, it } from 'vitest';
import type { PositionReport, Report } from '../../engine/types';
import { columns } from './columns';
import { flattenReport, type PositionRow } from './rows';

function position(line: number, liquidationPrice: string | null): PositionReport {
  return {
    line, symbol: `S${line}`, type: 'perp', underlying: `U${line}`, side: 'long', qty: '1', contractSize: '1', entryPrice: '1',
    markPrice: '1', notional: '1', unrealizedPnl: '0', value: null, initialMargin: '0', maintenanceMargin: '0', mmr: '0.005',
    maintenanceAmount: '0', imr: '0.1', bracket: null, haircut: null, liquidationPrice, distanceToLiquidation: null, note: null,
  };
}

function report(prices: Array<string | null>): Report {
  const base = { collateral: '0', debt: '0', unrealizedPnl: '0', marginBalance: '1', initialMargin: '0', maintenanceMargin: '0',
    healthFactor: null, marginRatio: null, availableMargin: '0', marginBuffer: '0', status: 'ok' as const, liquidationShock: { down: null, up: null }, remediation: null };
  return {
    schema: 'margin-radar/report@1', asOf: '2026-01-01T00:00:00Z', source: 't.csv', warnings: [],
    scenario: { shocks: {}, all: '0', volShock: '0', days: '0', addCollateral: {}, targetHF: '1.5', marginCallHF: '1.25' },
    accounts: [{ account: 'a', venue: 'generic', units: [{ ...base, unit: 'cross', marginMode: 'cross', positions: prices.map((p, i) => position(i + 2, p)) }] }],
  };
}

function sortedLiq(data: PositionRow[], sorting: SortingState): Array<string | null> {
  const table = createTable<PositionRow>({
    data, columns, state: { sorting, columnPinning: {}, columnVisibility: {}, columnOrder: [] }, onStateChange: () => {}, renderFallbackValue: null,
    getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel(),
  });
  return table.getRowModel().rows.map((r) => r.original.p.liquidationPrice);
}

describe('positions sorting', () => {
  // text order would put "10000" before "9.5" and "-3"; numeric order does not
  const data = flattenReport(report(['10000', null, '9.5', '123456789012345678901.5', '-3', '123456789012345678901.25']));

  it('sorts decimal strings numerically and exactly, nulls last (ascending)', () => {
    expect(sortedLiq(data, [{ id: 'liq', desc: false }])).toEqual(['-3', '9.5', '10000', '123456789012345678901.25', '123456789012345678901.5', null]);
  });

  it('keeps nulls last when descending', () => {
    expect(sortedLiq(data, [{ id: 'liq', desc: true }])).toEqual(['123456789012345678901.5', '123456789012345678901.25', '10000', '9.5', '-3', null]);
  });
});
