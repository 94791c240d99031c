import { readFileSync } from 'node:fs';
import { evaluatePortfolio } from '../engine/evaluate';
import { parseLeverageBrackets, type TierTable } from '../engine/venues/tiers';
import { importPortfolio, problemLine } from '../import';
import { USAGE, UsageError, parseEvaluateArgs } from './args';
import { reportToCsv } from './reportCsv';

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** A problem with the user's input: exit 2, one `FILE:LINE:COLUMN: message` line each. */
class InputError extends Error {
  constructor(
    readonly lines: string[],
    cause?: unknown,
  ) {
    super(lines.join('\n'), { cause });
  }
}

function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'read failed')}`, { cause: e });
  }
}

function loadBrackets(path: string): Map<string, TierTable> {
  const text = readFile(path).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError([`${path}:1:-: expected JSON in the shape of Binance's leverageBracket response (${e instanceof Error ? e.message : 'not JSON'})`], e);
  }
  const parsed = parseLeverageBrackets(json, path, new Date().toISOString());
  if (!parsed.ok) throw new InputError(parsed.errors.map((e) => `${path}:1:-: ${e}`));
  return parsed.tables;
}

function evaluateCommand(argv: readonly string[]): string {
  const options = parseEvaluateArgs(argv);
  const tierTables = options.brackets ? loadBrackets(options.brackets) : new Map<string, TierTable>();
  const asOf = (options.asOf ?? new Date().toISOString()).replace(/\.000Z$/, 'Z');
  const imported = importPortfolio({ fileName: options.file, content: readFile(options.file), asOf });
  if (!imported.ok) throw new InputError(imported.errors.map(problemLine));
  const evaluated = evaluatePortfolio({ portfolio: imported.portfolio, scenario: options.scenario, thresholds: options.thresholds, asOf, tierTables });
  if (!evaluated.ok) throw new InputError([`scenario:0:-: ${evaluated.error}`]);
  const report = { ...evaluated.report, warnings: [...imported.warnings, ...evaluated.report.warnings] };
  return options.format === 'csv' ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
}

/** The whole command line as a function: tests call it directly, main.ts wires it to the process. */
export function runCli(argv: readonly string[]): CliResult {
  const [command, ...rest] = argv;
  const debug = rest.includes('--debug');
  try {
    if (command === 'evaluate') return { code: 0, stdout: evaluateCommand(rest), stderr: '' };
    if (command === undefined || command === '--help' || command === 'help') return { code: command ? 0 : 1, stdout: command ? `${USAGE}\n` : '', stderr: command ? '' : `${USAGE}\n` };
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof InputError) return { code: 2, stdout: '', stderr: `${e.lines.join('\n')}\n` };
    const message = e instanceof Error ? e.message : String(e);
    const detail = debug && e instanceof Error && e.stack ? `\n${e.stack}` : '';
    const usage = e instanceof UsageError ? `\n${USAGE}` : '';
    return { code: 1, stdout: '', stderr: `error: ${message}${usage}${detail}\n` };
  }
}
