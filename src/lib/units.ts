import { Dec } from '../engine/decimal';
import type { AccountReport, UnitReport } from '../engine/types';

/** "cross" -> "Cross"; "isolated:ETHUSDT:4" -> "Isolated ETHUSDT". */
export function unitLabel(unit: string): string {
  if (unit === 'cross') return 'Cross';
  const [mode, symbol] = unit.split(':');
  return mode === 'isolated' && symbol ? `Isolated ${symbol}` : unit;
}

export interface UnitEntry {
  account: AccountReport;
  unit: UnitReport;
  key: string;
}

export function allUnits(accounts: AccountReport[]): UnitEntry[] {
  return accounts.flatMap((account) => account.units.map((unit) => ({ account, unit, key: `${account.account}\u0000${unit.unit}` })));
}

/** Ascending health factor, no-exposure (null) last. */
export function compareHealth(a: UnitReport, b: UnitReport): number {
  if (a.healthFactor === null) return b.healthFactor === null ? 0 : 1;
  if (b.healthFactor === null) return -1;
  return new Dec(a.healthFactor).comparedTo(new Dec(b.healthFactor));
}
