/**
 * The report as files: CSV of positions (the CLI's writer, one row per position with its unit's
 * figures), CSV of units, and the CLI's JSON. CSV is RFC 4180 with a UTF-8 BOM so spreadsheets read
 * non-ASCII names right; escaping (formula cells neutralised, numbers untouched) is src/lib/csvWrite.ts.
 */
import { reportToCsv } from '../cli/reportCsv';
import type { Report } from '../engine/types';
import { toCsv, type CsvCell } from '../lib/csvWrite';

export const UTF8_BOM = '\uFEFF';

const UNIT_FIELDS = [
  'collateral', 'debt', 'unrealizedPnl', 'marginBalance', 'initialMargin', 'maintenanceMargin', 'healthFactor',
  'marginRatio', 'availableMargin', 'marginBuffer', 'status',
] as const;

export function positionsCsv(report: Report): string {
  return UTF8_BOM + reportToCsv(report);
}

/** One row per margin unit: every unit figure, its liquidation shocks and remediation. */
export function unitsCsv(report: Report): string {
  const header = [
    'account', 'venue', 'unit', 'marginMode', ...UNIT_FIELDS, 'liquidationShockDown', 'liquidationShockUp',
    'remediationAddCollateral', 'remediationReduceFraction', 'remediationReduceSingleLine', 'remediationReduceSingleSymbol',
    'remediationReduceSingleFraction', 'positions',
  ];
  const rows: CsvCell[][] = report.accounts.flatMap((account) =>
    account.units.map((unit) => [
      account.account, account.venue, unit.unit, unit.marginMode, ...UNIT_FIELDS.map((f) => unit[f]),
      unit.liquidationShock.down, unit.liquidationShock.up, unit.remediation?.addCollateral, unit.remediation?.reduceFraction,
      unit.remediation?.reduceSingle?.line, unit.remediation?.reduceSingle?.symbol, unit.remediation?.reduceSingle?.fraction,
      unit.positions.length,
    ]),
  );
  return UTF8_BOM + toCsv(header, rows);
}

/** The CLI's JSON (cli-and-report.md): the import's warnings first, then the evaluation's. */
export function reportJson(report: Report, importWarnings: readonly string[]): string {
  return `${JSON.stringify({ ...report, warnings: [...importWarnings, ...report.warnings] }, null, 2)}\n`;
}
