import { UsageError } from '../args';
import { InputError, loadEngine } from '../common';
import { last, readFlags, SCENARIO_FLAGS } from '../args';
import { numberFlag, STRESS_USAGE, whatIfFlags } from '../riskArgs';
import type { StressPreset } from '../../engine/risk/stress';

/** What the JSON says of a preset: its dates, path steps and sources. */
function about(preset: StressPreset) {
  return { id: preset.id, name: preset.name, date: preset.date, start: preset.start, stepHours: preset.stepHours, hours: preset.hours, sources: preset.sources, notes: preset.notes };
}

/** `stress FILE --preset NAME|all [what-if]`: every unit along a historical crash path, as JSON. */
export function stressCommand(argv: readonly string[]): string {
  const { file, flags } = readFlags(argv, ['--preset', '--margin-call-hf', '--brackets', '--venue-params', ...SCENARIO_FLAGS], STRESS_USAGE);
  const marginCallHF = numberFlag(flags, '--margin-call-hf', '1.25');
  const whatIf = whatIfFlags(flags, marginCallHF);
  const name = last(flags, '--preset');
  const { engine, warnings } = loadEngine(file, { brackets: flags.get('--brackets') ?? [] });
  const { presets } = engine.riskSetup({});
  const key = name?.trim().toLowerCase() ?? '';
  const withWhatIf = whatIf ? { whatIf } : {};
  if (key === 'all') {
    const outcome = engine.stressAll({ presets, marginCallHF, ...withWhatIf });
    if (!outcome.ok) throw new InputError([`preset:0:-: ${outcome.error}`]);
    const json = {
      schema: 'margin-radar/stress-all@1',
      from: whatIf ?? 'today',
      presets: outcome.presets.map((summary, i) => ({ preset: about(presets[i]!), units: summary.units })),
      warnings: [...warnings, ...outcome.warnings],
    };
    return `${JSON.stringify(json, null, 2)}\n`;
  }
  const preset = presets.find((p) => p.id === key || p.name.toLowerCase() === key);
  if (!preset) throw new UsageError(`--preset: ${name === null ? 'missing' : `no preset "${name}"`}; presets: all, ${presets.map((p) => p.id).join(', ')}\n${STRESS_USAGE}`);
  const outcome = engine.stress({ preset, marginCallHF, ...withWhatIf });
  if (!outcome.ok) throw new InputError([`preset:0:-: ${outcome.error}`]);
  // the per-step series (hours, paths, hf) are for the chart; the JSON keeps the per-unit summary
  const { units, warnings: stressWarnings } = outcome.result;
  const json = {
    schema: 'margin-radar/stress@1',
    preset: about(preset),
    from: whatIf ?? 'today',
    units,
    warnings: [...warnings, ...stressWarnings],
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
