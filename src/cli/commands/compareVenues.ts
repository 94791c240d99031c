import { UsageError } from '../args';
import { InputError, loadEngine } from '../common';

export const COMPARE_USAGE = 'usage: cli compare-venues PORTFOLIO.csv|POSITIONS.json [--brackets PARAMS.json]... [--as-of ISO-8601]';

function parse(argv: readonly string[]): { file: string; brackets: string[]; asOf: string | null } {
  let file: string | null = null;
  const brackets: string[] = [];
  let asOf: string | null = null;
  const args = [...argv];
  while (args.length > 0) {
    const raw = args.shift()!;
    const [flag, inline] = raw.startsWith('--') && raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = () => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${flag}: expected a value`);
      return v;
    };
    if (flag === '--brackets' || flag === '--venue-params') brackets.push(value());
    else if (flag === '--as-of') asOf = value();
    else if (flag === '--debug') continue;
    else if (flag.startsWith('--')) throw new UsageError(`unknown option ${flag}\n${COMPARE_USAGE}`);
    else if (file === null) file = flag;
    else throw new UsageError(`one file expected, found "${file}" and "${flag}"\n${COMPARE_USAGE}`);
  }
  if (!file) throw new UsageError(COMPARE_USAGE);
  if (asOf !== null && Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of: expected an ISO 8601 date or date-time, found "${asOf}"`);
  return { file, brackets, asOf };
}

/** `compare-venues FILE`: the book margined under every venue at once, as JSON. */
export function compareVenuesCommand(argv: readonly string[]): string {
  const options = parse(argv);
  const { engine, asOf, warnings } = loadEngine(options.file, options);
  const compared = engine.compareVenues({ asOf });
  if (!compared.ok) throw new InputError([`${options.file}:0:-: ${compared.error}`]);
  return `${JSON.stringify({ ...compared.comparison, warnings }, null, 2)}\n`;
}
