import { readDecimalText } from '../engine/decimal';
import { prepareScenario } from '../engine/scenario';
import type { Scenario } from '../engine/types';
import { last, scenarioFromFlags, UsageError } from './args';
import { InputError } from './common';

/** From a what-if instead of today's prices: the paths start at its prices, with its collateral, vol and time. */
const WHAT_IF_USAGE = '[--shock UNDERLYING=FRACTION]... [--vol-shock FRACTION] [--days N] [--add-collateral ACCOUNT=AMOUNT]...';
export const STRESS_USAGE = `usage: cli stress PORTFOLIO.csv --preset NAME|all [--margin-call-hf N] [--brackets PARAMS.json]...
  ${WHAT_IF_USAGE}`;
export const VAR_USAGE = `usage: cli var PORTFOLIO.csv [--horizon-days N] [--confidence C]... [--paths N] [--seed S]
  [--steps-per-day N] [--returns lognormal|normal] [--history RETURNS.csv] [--margin-call-hf N] [--brackets PARAMS.json]...
  ${WHAT_IF_USAGE}`;

export function numberFlag(flags: Map<string, string[]>, flag: string, fallback: string): string {
  const text = last(flags, flag) ?? fallback;
  if (!readDecimalText(text)) throw new UsageError(`${flag}: expected a number, found "${text}"`);
  return text;
}

export function integerFlag(flags: Map<string, string[]>, flag: string, fallback: number, min: number, max: number): number {
  const text = last(flags, flag);
  if (text === null) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, found "${text}"`);
  return value;
}

/** The what-if flags' scenario (null: none given), refused as evaluate refuses it (`scenario:0:-: …`). */
export function whatIfFlags(flags: Map<string, string[]>, marginCallHF: string): Scenario | null {
  const scenario = scenarioFromFlags(flags);
  if (!scenario) return null;
  const checked = prepareScenario(scenario, { targetHF: marginCallHF, marginCallHF });
  if (!checked.ok) throw new InputError([`scenario:0:-: ${checked.error}`]);
  return scenario;
}
