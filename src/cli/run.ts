import { USAGE, UsageError } from './args';
import { COMMANDS } from './commands';
import { InputError } from './common';

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** The whole command line as a function: tests call it directly, main.ts wires it to the process. */
export function runCli(argv: readonly string[]): CliResult {
  const [command, ...rest] = argv;
  const debug = rest.includes('--debug');
  try {
    if (command === undefined || command === '--help' || command === 'help') return { code: command ? 0 : 1, stdout: command ? `${USAGE}\n` : '', stderr: command ? '' : `${USAGE}\n` };
    const run = COMMANDS.get(command);
    if (!run) throw new UsageError(`unknown command "${command}"; commands: ${[...COMMANDS.keys()].join(', ')}`);
    return { code: 0, stdout: run(rest), stderr: '' };
  } catch (e) {
    if (e instanceof InputError) return { code: 2, stdout: '', stderr: `${e.lines.join('\n')}\n` };
    const message = e instanceof Error ? e.message : String(e);
    const detail = debug && e instanceof Error && e.stack ? `\n${e.stack}` : '';
    const usage = e instanceof UsageError ? `\n${e.usage ?? USAGE}` : '';
    return { code: 1, stdout: '', stderr: `error: ${message}${usage}${detail}\n` };
  }
}
