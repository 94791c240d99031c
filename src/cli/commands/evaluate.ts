import { parseEvaluateArgs } from '../args';
import { InputError, loadEngine } from '../common';
import { reportToCsv } from '../reportCsv';

/** `evaluate FILE [options]`: the report of cli-and-report.md, JSON or CSV. */
export function evaluateCommand(argv: readonly string[]): string {
  const options = parseEvaluateArgs(argv);
  const { engine, asOf, warnings } = loadEngine(options.file, options);
  const evaluated = engine.evaluate({ scenario: options.scenario, thresholds: options.thresholds, asOf });
  if (!evaluated.ok) throw new InputError([`scenario:0:-: ${evaluated.error}`]);
  const report = { ...evaluated.report, warnings: [...warnings, ...evaluated.report.warnings] };
  return options.format === 'csv' ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
}
