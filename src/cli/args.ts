import { readDecimalText } from '../engine/decimal';
import { readExpiry } from '../import/cells';
import type { Scenario, Thresholds } from '../engine/types';
import { DEFAULT_THRESHOLDS } from '../engine/types';

/** A wrong command line: exit 1 with the message and the usage of the command it was meant for (evaluate's by default). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** Flags spelled two ways: the second name is read as the first. */
const FLAG_ALIASES: Readonly<Record<string, string>> = { '--venue-params': '--brackets' };

/**
 * `FILE --flag value --flag=value ...` for commands whose flags all take a value: the file and
 * every flag's values in command-line order (aliases under their first name). `--debug` is run.ts's.
 */
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
      if (!known.includes(arg)) throw new UsageError(`unknown option ${arg}`, usage);
      const value = inline ?? args.shift();
      if (value === undefined) throw new UsageError(`${arg}: expected a value`, usage);
      const name = FLAG_ALIASES[arg] ?? arg;
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else {
      if (file !== null) throw new UsageError(`one portfolio file at a time; found "${file}" and "${arg}"`, usage);
      file = arg;
    }
  }
  if (file === null) throw new UsageError('missing PORTFOLIO.csv', usage);
  return { file, flags };
}

/** The last value given for a flag (a later one overrides), or null. */
export function last(flags: Map<string, string[]>, flag: string): string | null {
  return flags.get(flag)?.at(-1) ?? null;
}

export interface EvaluateOptions {
  file: string;
  /** venue parameter files (--brackets, repeatable) */
  brackets: string[];
  asOf: string | null;
  format: 'json' | 'csv';
  scenario: Scenario;
  thresholds: Thresholds;
  debug: boolean;
}

export const USAGE = `usage: cli evaluate PORTFOLIO.csv [--brackets PARAMS.json]... [--as-of ISO-8601]
  [--shock UNDERLYING=FRACTION]... [--vol-shock FRACTION] [--days N] [--add-collateral ACCOUNT=AMOUNT]...
  [--target-hf N] [--margin-call-hf N] [--format json|csv] [--debug]`;

function number(flag: string, text: string): string {
  if (!readDecimalText(text)) throw new UsageError(`${flag}: expected a number, found "${text}"`);
  return text;
}

function pair(flag: string, text: string): [string, string] {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new UsageError(`${flag}: expected NAME=NUMBER, found "${text}"`);
  return [text.slice(0, at), number(flag, text.slice(at + 1))];
}

/** The what-if flags evaluate, stress and var share. */
export const SCENARIO_FLAGS = ['--shock', '--vol-shock', '--days', '--add-collateral'] as const;

function addScenarioFlag(scenario: Scenario, flag: (typeof SCENARIO_FLAGS)[number], text: string): void {
  if (flag === '--vol-shock') scenario.volShock = number(flag, text);
  else if (flag === '--days') scenario.days = number(flag, text);
  else if (flag === '--add-collateral') scenario.addCollateral.push(pair(flag, text));
  else {
    const [name, fraction] = pair(flag, text);
    if (name.toLowerCase() === 'all') scenario.all = fraction;
    else scenario.shocks.push([name.toUpperCase(), fraction]);
  }
}

/** The what-if of `readFlags` flags, or null when none was given (today's prices). */
export function scenarioFromFlags(flags: Map<string, string[]>): Scenario | null {
  if (!SCENARIO_FLAGS.some((f) => flags.has(f))) return null;
  const scenario: Scenario = { shocks: [], all: '0', volShock: '0', days: '0', addCollateral: [] };
  for (const flag of SCENARIO_FLAGS) for (const text of flags.get(flag) ?? []) addScenarioFlag(scenario, flag, text);
  return scenario;
}

/** Reads `evaluate FILE [options]`; flags take `--flag value` or `--flag=value`. */
export function parseEvaluateArgs(argv: readonly string[]): EvaluateOptions {
  const scenario: Scenario = { shocks: [], all: '0', volShock: '0', days: '0', addCollateral: [] };
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS };
  let file: string | null = null;
  const brackets: string[] = [];
  let asOf: string | null = null;
  let format: 'json' | 'csv' = 'json';
  let debug = false;
  const args = [...argv];
  while (args.length > 0) {
    let arg = args.shift()!;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) [arg, inline] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${arg}: expected a value`);
      return v;
    };
    switch (arg) {
      case '--brackets':
      case '--venue-params': brackets.push(value()); break;
      case '--as-of': {
        const text = value();
        const read = readExpiry(text);
        if (!read.ok) throw new UsageError(`--as-of: expected an ISO 8601 date or date-time, found "${text}"`);
        asOf = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00:00.000Z` : read.value;
        break;
      }
      case '--shock':
      case '--vol-shock':
      case '--days':
      case '--add-collateral': addScenarioFlag(scenario, arg, value()); break;
      case '--target-hf': thresholds.targetHF = number(arg, value()); break;
      case '--margin-call-hf': thresholds.marginCallHF = number(arg, value()); break;
      case '--format': {
        const f = value();
        if (f !== 'json' && f !== 'csv') throw new UsageError(`--format: expected json or csv, found "${f}"`);
        format = f;
        break;
      }
      case '--debug': debug = true; break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        if (file !== null) throw new UsageError(`one portfolio file at a time; found "${file}" and "${arg}"`);
        file = arg;
    }
  }
  if (file === null) throw new UsageError('missing PORTFOLIO.csv');
  return { file, brackets, asOf, format, scenario, thresholds, debug };
}
