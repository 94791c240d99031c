import type { Report } from '../engine/types';
import { toCsv, type CsvCell } from '../lib/csvWrite';

const UNIT_FIELDS = [
  'collateral', 'debt', 'unrealizedPnl', 'marginBalance', 'initialMargin', 'maintenanceMargin', 'healthFactor',
  'marginRatio', 'availableMargin', 'marginBuffer', 'status',
] as const;

const POSITION_FIELDS = [
  'line', 'symbol', 'type', 'underlying', 'side', 'qty', 'contractSize', 'entryPrice', 'markPrice', 'notional',
  'unrealizedPnl', 'value', 'initialMargin', 'maintenanceMargin', 'mmr', 'maintenanceAmount', 'imr', 'bracket',
  'haircut', 'liquidationPrice', 'distanceToLiquidation', 'note',
] as const;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One row per position; its account's and unit's figures repeated on each (unit fields prefixed `unit`). */
export function reportToCsv(report: Report): string {
  const header = [
    'account', 'venue', 'unit', 'marginMode',
    ...UNIT_FIELDS.map((f) => `unit${cap(f)}`), 'unitLiquidationShockDown', 'unitLiquidationShockUp',
    'unitRemediationAddCollateral', 'unitRemediationReduceFraction',
    ...POSITION_FIELDS,
  ];
  const rows: CsvCell[][] = [];
  for (const account of report.accounts) {
    for (const unit of account.units) {
      const unitCells: CsvCell[] = [
        account.account, account.venue, unit.unit, unit.marginMode,
        ...UNIT_FIELDS.map((f) => unit[f]), unit.liquidationShock.down, unit.liquidationShock.up,
        unit.remediation?.addCollateral, unit.remediation?.reduceFraction,
      ];
      for (const position of unit.positions) rows.push([...unitCells, ...POSITION_FIELDS.map((f) => position[f])]);
    }
  }
  return toCsv(header, rows);
}
