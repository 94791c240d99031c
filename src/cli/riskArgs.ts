import { readDecimalText } from '../engine/decimal';
import { UsageError } from './args';

export const STRESS_USAGE = 'usage: cli stress PORTFOLIO.csv --preset NAME [--margin-call-hf N] [--brackets PARAMS.json]...';
export const VAR_USAGE = `usage: cli var PORTFOLIO.csv [--horizon-days N] [--confidence C]... [--paths N] [--seed S]
  [--steps-per-day N] [--returns lognormal|normal] [--history RETURNS.csv] [--margin-call-hf N] [--brackets PARAMS.json]...`;

/** `FILE --flag value --flag=value ...`: the file and every flag's values, in order. */
export function readFlags(argv: readonly string[], known: readonly string[], usage: string): { file: string; flags: Map<string, string[]> } {
  const flags = new Map<string, string[]>();
  let file: string | null = null;
  const args = [...argv];
  while (args.length > 0) {
    let arg = args.shift()!;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) [arg, inline] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
    if (arg === '--debug') continue;
    if (arg.startsWith('-')) {
      if (!known.includes(arg)) throw new UsageError(`unknown option ${arg}\n${usage}`);
      const value = inline ?? args.shift();
      if (value === undefined) throw new UsageError(`${arg}: expected a value\n${usage}`);
      flags.set(arg, [...(flags.get(arg) ?? []), value]);
    } else {
      if (file !== null) throw new UsageError(`one portfolio file at a time; found "${file}" and "${arg}"`);
      file = arg;
    }
  }
  if (file === null) throw new UsageError(`missing PORTFOLIO.csv\n${usage}`);
  return { file, flags };
}

export function last(flags: Map<string, string[]>, flag: string): string | null {
  return flags.get(flag)?.at(-1) ?? null;
}

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
