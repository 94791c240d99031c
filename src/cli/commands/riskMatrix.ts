import { modelStr } from '../../engine/options/report';
import { UsageError, parseEvaluateArgs } from '../args';
import { InputError, loadEngine, readFile } from '../common';
import type { GridChoice } from '../../worker/protocol';

export const RISK_MATRIX_USAGE = `usage: cli risk-matrix PORTFOLIO.csv [--grid span|deribit|FILE.json] [--as-of ISO-8601]
  [--shock UNDERLYING=FRACTION]... [--vol-shock FRACTION] [--days N] [--brackets PARAMS.json]...`;

/** Takes `--grid` out of the arguments; the rest are evaluate's (the what-if the matrix is centred on). */
function splitGrid(argv: readonly string[]): { grid: string; rest: string[] } {
  let grid = 'span';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--grid') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`--grid: expected span, deribit or a FILE.json\n${RISK_MATRIX_USAGE}`);
      grid = value;
    } else if (arg.startsWith('--grid=')) grid = arg.slice('--grid='.length);
    else if (arg === '--format') throw new UsageError(`risk-matrix prints JSON only\n${RISK_MATRIX_USAGE}`);
    else rest.push(arg);
  }
  return { grid, rest };
}

/**
 * `risk-matrix FILE [--grid span|deribit|FILE.json]`: every margin unit's PnL over the grid's
 * scenarios (every non-stable underlying moving together, around the what-if given by the usual
 * flags) and its requirement, the worst weighted loss, beside its standard maintenance margin.
 * Float64 statistics: figures are strings to 12 significant digits.
 */
export function riskMatrixCommand(argv: readonly string[]): string {
  const { grid, rest } = splitGrid(argv);
  const options = parseEvaluateArgs(rest);
  const choice: GridChoice = grid === 'span' || grid === 'deribit' ? grid : { fileName: grid, text: readFile(grid).toString('utf8') };
  const { engine, asOf, warnings } = loadEngine(options.file, options);
  const matrix = engine.riskMatrix({ scenario: options.scenario, grid: choice, asOf });
  if (!matrix.ok) {
    const file = typeof choice === 'string' ? 'scenario' : choice.fileName;
    throw new InputError(matrix.error.split('\n').map((e) => `${file}:1:-: ${e.replace(`${file}: `, '')}`));
  }
  const evaluated = engine.evaluate({ scenario: options.scenario, thresholds: options.thresholds, asOf });
  if (!evaluated.ok) throw new InputError([`scenario:0:-: ${evaluated.error}`]);
  const standard = new Map(evaluated.report.accounts.flatMap((a) => a.units.map((u) => [`${a.account}\u0000${u.unit}`, u.maintenanceMargin] as const)));
  const out = {
    schema: 'margin-radar/risk-matrix@1',
    asOf,
    source: options.file,
    grid: { id: matrix.grid.id, title: matrix.grid.title, scenarios: matrix.grid.scenarios },
    units: matrix.units.map((u) => ({
      account: u.account,
      unit: u.unit,
      venue: u.venue,
      requirement: u.requirement,
      worstScenario: u.worst >= 0 ? u.worst : null,
      maintenanceMargin: standard.get(`${u.account}\u0000${u.unit}`) ?? null,
      pnl: [...u.pnl].map(modelStr),
    })),
    total: [...matrix.total].map(modelStr),
    warnings: [...warnings, ...evaluated.report.warnings],
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
