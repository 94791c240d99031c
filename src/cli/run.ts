import { readFileSync } from 'node:fs';
import { problemLine } from '../import';
import { createEngineService } from '../worker/service';
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

/**
 * The same handler map the worker serves (src/worker/service.ts), called in this process: the CLI's
 * figures and the page's come from one code path.
 */
function evaluateCommand(argv: readonly string[]): string {
  const options = parseEvaluateArgs(argv);
  const engine = createEngineService();
  if (options.brackets) {
    const loaded = engine.loadBrackets({ fileName: options.brackets, text: readFile(options.brackets).toString('utf8') });
    if (!loaded.ok) throw new InputError(loaded.errors.map((e) => `${options.brackets}:1:-: ${e.replace(`${options.brackets}: `, '')}`));
  }
  const asOf = (options.asOf ?? new Date().toISOString()).replace(/\.000Z$/, 'Z');
  const bytes = readFile(options.file);
  const content = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const loaded = engine.load({ fileName: options.file, content, asOf });
  if (!loaded.ok) throw new InputError(loaded.errors.map(problemLine));
  const evaluated = engine.evaluate({ scenario: options.scenario, thresholds: options.thresholds, asOf });
  if (!evaluated.ok) throw new InputError([`scenario:0:-: ${evaluated.error}`]);
  const report = { ...evaluated.report, warnings: [...loaded.warnings, ...evaluated.report.warnings] };
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
