import { UsageError } from '../args';
import { InputError, loadEngine } from '../common';
import { last, readFlags, SCENARIO_FLAGS } from '../args';
import { numberFlag, STRESS_USAGE, whatIfFlags } from '../riskArgs';

/** `stress FILE --preset NAME [what-if]`: every unit along a historical crash path, as JSON. */
export function stressCommand(argv: readonly string[]): string {
  const { file, flags } = readFlags(argv, ['--preset', '--margin-call-hf', '--brackets', '--venue-params', ...SCENARIO_FLAGS], STRESS_USAGE);
  const marginCallHF = numberFlag(flags, '--margin-call-hf', '1.25');
  const whatIf = whatIfFlags(flags, marginCallHF);
  const name = last(flags, '--preset');
  const { engine, warnings } = loadEngine(file, { brackets: flags.get('--brackets') ?? [] });
  const { presets } = engine.riskSetup({});
  const key = name?.trim().toLowerCase() ?? '';
  const preset = presets.find((p) => p.id === key || p.name.toLowerCase() === key);
  if (!preset) throw new UsageError(`--preset: ${name === null ? 'missing' : `no preset "${name}"`}; presets: ${presets.map((p) => p.id).join(', ')}\n${STRESS_USAGE}`);
  const outcome = engine.stress({ preset, marginCallHF, ...(whatIf ? { whatIf } : {}) });
  if (!outcome.ok) throw new InputError([`preset:0:-: ${outcome.error}`]);
  // the per-step series (hours, paths, hf) are for the chart; the JSON keeps the per-unit summary
  const { units, warnings: stressWarnings } = outcome.result;
  const json = {
    schema: 'margin-radar/stress@1',
    preset: { id: preset.id, name: preset.name, date: preset.date, start: preset.start, stepHours: preset.stepHours, hours: preset.hours, sources: preset.sources, notes: preset.notes },
    from: whatIf ?? 'today',
    units,
    warnings: [...warnings, ...stressWarnings],
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
