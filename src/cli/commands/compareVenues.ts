import { last, readFlags, UsageError } from '../args';
import { InputError, loadEngine } from '../common';

export const COMPARE_USAGE = 'usage: cli compare-venues PORTFOLIO.csv|POSITIONS.json [--brackets PARAMS.json]... [--as-of ISO-8601]';

function parse(argv: readonly string[]): { file: string; brackets: string[]; asOf: string | null } {
  const { file, flags } = readFlags(argv, ['--brackets', '--venue-params', '--as-of'], COMPARE_USAGE);
  const asOf = last(flags, '--as-of');
  if (asOf !== null && Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of: expected an ISO 8601 date or date-time, found "${asOf}"`, COMPARE_USAGE);
  return { file, brackets: flags.get('--brackets') ?? [], asOf };
}

/** `compare-venues FILE`: the book margined under every venue at once, as JSON. */
export function compareVenuesCommand(argv: readonly string[]): string {
  const options = parse(argv);
  const { engine, asOf, warnings } = loadEngine(options.file, options);
  const compared = engine.compareVenues({ asOf });
  if (!compared.ok) throw new InputError([`${options.file}:0:-: ${compared.error}`]);
  return `${JSON.stringify({ ...compared.comparison, warnings }, null, 2)}\n`;
}
