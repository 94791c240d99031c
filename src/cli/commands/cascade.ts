import { readDecimalText } from '../../engine/decimal';
import { DEFAULT_CASCADE_PARAMS, LIQUIDATION_KINDS, type CascadeParams, type CascadeResult } from '../../engine/cascade';
import { EMPTY_SCENARIO, type Scenario } from '../../engine/types';
import { last, readFlags, UsageError } from '../args';
import { InputError, loadEngine } from '../common';

export const CASCADE_USAGE = `usage: cli cascade PORTFOLIO.csv --shock UNDERLYING=FRACTION... --depth UNDERLYING=AMOUNT...
  [--fund AMOUNT] [--impact linear|sqrt] [--coefficient K] [--fee F] [--rounds N] [--partial TARGET_HF]
  [--brackets PARAMS.json]... [--as-of ISO-8601]`;


interface CascadeOptions {
  file: string;
  brackets: string[];
  asOf: string | null;
  scenario: Scenario;
  params: CascadeParams;
}

function number(flag: string, text: string): string {
  if (!readDecimalText(text)) throw new UsageError(`${flag}: expected a number, found "${text}"`, CASCADE_USAGE);
  return text;
}

function pair(flag: string, text: string): [string, string] {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new UsageError(`${flag}: expected NAME=NUMBER, found "${text}"`, CASCADE_USAGE);
  return [text.slice(0, at).toUpperCase(), number(flag, text.slice(at + 1))];
}

const FLAGS = ['--shock', '--depth', '--impact', '--coefficient', '--fund', '--fee', '--rounds', '--partial', '--brackets', '--venue-params', '--as-of'];

function parse(argv: readonly string[]): CascadeOptions {
  const { file, flags } = readFlags(argv, FLAGS, CASCADE_USAGE);
  const shocks: Array<[string, string]> = [];
  let all = '0';
  for (const text of flags.get('--shock') ?? []) {
    const [name, fraction] = pair('--shock', text);
    if (name === 'ALL') all = fraction;
    else shocks.push([name, fraction]);
  }
  const depths = (flags.get('--depth') ?? []).map((text) => pair('--depth', text));
  const model = last(flags, '--impact') ?? 'linear';
  if (model !== 'linear' && model !== 'sqrt') throw new UsageError(`--impact: expected linear or sqrt, found "${model}"`, CASCADE_USAGE);
  const coefficientText = last(flags, '--coefficient');
  const coefficient = coefficientText === null ? undefined : number('--coefficient', coefficientText);
  const params: CascadeParams = { ...DEFAULT_CASCADE_PARAMS };
  const fund = last(flags, '--fund');
  if (fund !== null) params.fund = number('--fund', fund);
  const fee = last(flags, '--fee');
  if (fee !== null) params.feeRate = number('--fee', fee);
  const rounds = last(flags, '--rounds');
  if (rounds !== null) {
    if (!/^\d+$/.test(rounds)) throw new UsageError(`--rounds: expected a whole number, found "${rounds}"`, CASCADE_USAGE);
    params.maxRounds = Number(rounds);
  }
  const partial = last(flags, '--partial');
  if (partial !== null) params.partial = { kind: 'to-target', targetHF: number('--partial', partial) };
  params.impact = depths.map(([underlying, depth]) => ({ underlying, model, depth, ...(coefficient ? { coefficient } : {}) }));
  return { file, brackets: flags.get('--brackets') ?? [], asOf: last(flags, '--as-of'), scenario: { ...EMPTY_SCENARIO, shocks, all }, params };
}

/** The JSON the command prints: exact strings; the per-event columns as one object per liquidation. */
function toJson(result: CascadeResult): unknown {
  const l = result.liquidations;
  return {
    schema: 'margin-radar/cascade@1',
    stop: result.stop,
    units: result.units,
    startRatios: Object.fromEntries(result.startRatios),
    referencePrices: Object.fromEntries(result.referencePrices),
    fundStart: result.fundStart,
    fundEnd: result.fundEnd,
    rounds: result.rounds.map((r) => ({ ...r, flows: Object.fromEntries(r.flows), ratios: Object.fromEntries(r.ratios) })),
    accounting: result.accounting,
    // display figures (float64 copies); the rounds carry the exact totals
    liquidations: Array.from(l.round, (round, i) => ({
      round,
      unit: result.names[l.unit[i]!],
      kind: LIQUIDATION_KINDS[l.kind[i]!],
      hfBefore: Number.isFinite(l.hfBefore[i]!) ? l.hfBefore[i] : null,
      notional: l.notional[i],
      collateralSold: l.collateralSold[i],
      fee: l.fee[i],
      slippage: l.slippage[i],
      deficit: l.deficit[i],
      fundPaid: l.fundPaid[i],
      adlPaid: l.adlPaid[i],
    })),
    adl: Array.from(result.adl.unit, (u, i) => ({ round: result.adl.round[i], unit: result.names[u], amount: result.adl.amount[i] })),
  };
}

/** `cascade FILE [options]`: the rounds of a liquidation cascade as JSON (docs/cascade.md). */
export function cascadeCommand(argv: readonly string[]): string {
  const options = parse(argv);
  const { engine } = loadEngine(options.file, options);
  const outcome = engine.cascade({ scenario: options.scenario, params: options.params });
  if (!outcome.ok) throw new InputError([`cascade:0:-: ${outcome.error}`]);
  return `${JSON.stringify(toJson(outcome.result), null, 2)}\n`;
}
