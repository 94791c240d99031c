import { readDecimalText } from '../engine/decimal';
import { last, UsageError } from './args';

export const STRESS_USAGE = 'usage: cli stress PORTFOLIO.csv --preset NAME [--margin-call-hf N] [--brackets PARAMS.json]...';
export const VAR_USAGE = `usage: cli var PORTFOLIO.csv [--horizon-days N] [--confidence C]... [--paths N] [--seed S]
  [--steps-per-day N] [--returns lognormal|normal] [--history RETURNS.csv] [--margin-call-hf N] [--brackets PARAMS.json]...`;

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
