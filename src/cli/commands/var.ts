import { InputError, loadEngine, readFile } from '../common';
import { UsageError } from '../args';
import { last, readFlags, SCENARIO_FLAGS } from '../args';
import { integerFlag, numberFlag, VAR_USAGE, whatIfFlags } from '../riskArgs';
import type { VarStartArgs } from '../../worker/riskProtocol';
import { unitRows } from '../../engine/risk/montecarlo';

/** `var FILE [options] [what-if]`: Monte Carlo (or historical) VaR, ES and hit probabilities, as JSON. */
export function varCommand(argv: readonly string[]): string {
  const { file, flags } = readFlags(argv, ['--horizon-days', '--confidence', '--paths', '--seed', '--steps-per-day', '--returns', '--history', '--margin-call-hf', '--brackets', '--venue-params', ...SCENARIO_FLAGS], VAR_USAGE);
  const marginCallHF = numberFlag(flags, '--margin-call-hf', '1.25');
  const whatIf = whatIfFlags(flags, marginCallHF);
  const returns = last(flags, '--returns') ?? 'lognormal';
  if (returns !== 'lognormal' && returns !== 'normal') throw new UsageError(`--returns: expected lognormal or normal, found "${returns}"`);
  const confidences = (flags.get('--confidence') ?? ['0.99', '0.975']).flatMap((c) => c.split(',')).map((c) => c.trim());
  const { engine, warnings } = loadEngine(file, { brackets: flags.get('--brackets') ?? [] });
  const setup = engine.riskSetup({});
  const history = last(flags, '--history');
  const method: VarStartArgs['method'] = history
    ? { kind: 'historical', fileName: history, content: readFile(history).toString('utf8') }
    : {
        kind: 'monte-carlo',
        market: setup.market,
        paths: integerFlag(flags, '--paths', 10_000, 1, 1_000_000),
        seed: integerFlag(flags, '--seed', 1, 0, 2 ** 31 - 1),
        stepsPerDay: integerFlag(flags, '--steps-per-day', 1, 1, 24),
        returns,
      };
  const started = engine.varStart({ ...(whatIf ? { whatIf } : {}), horizonDays: numberFlag(flags, '--horizon-days', '1'), confidences, marginCallHF, method });
  if (!started.ok) throw new InputError(started.error.split('\n').map((line) => (/^[^:]+:\d+:/.test(line) ? line : `var:0:-: ${line}`)));
  engine.varStep({ runId: started.runId, count: started.paths });
  const finished = engine.varFinish({ runId: started.runId });
  if (!finished.ok) throw new InputError([`var:0:-: ${finished.error}`]);
  const { pnl, ...report } = unitRows(finished.figures, setup.units);
  let mean = 0;
  for (const v of pnl) mean += v / pnl.length;
  const json = { schema: 'margin-radar/var@1', from: whatIf ?? 'today', ...report, pnlMean: mean.toFixed(2), warnings: [...warnings, ...report.warnings] };
  return `${JSON.stringify(json, null, 2)}\n`;
}
