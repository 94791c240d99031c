import { readDecimalText } from '../../engine/decimal';
import { DEFAULT_CASCADE_PARAMS, LIQUIDATION_KINDS, type CascadeParams, type CascadeResult, type ImpactModel } from '../../engine/cascade';
import { EMPTY_SCENARIO, type Scenario } from '../../engine/types';
import { InputError, loadEngine } from '../common';

export const CASCADE_USAGE = `usage: cli cascade PORTFOLIO.csv --shock UNDERLYING=FRACTION... --depth UNDERLYING=AMOUNT...
  [--fund AMOUNT] [--impact linear|sqrt] [--coefficient K] [--fee F] [--rounds N] [--partial TARGET_HF]
  [--brackets PARAMS.json]... [--as-of ISO-8601]`;

/** A wrong command line: exit 1 with this command's own usage (run.ts would append evaluate's to a UsageError). */
class UsageError extends Error {}

interface CascadeOptions {
  file: string;
  brackets: string[];
  asOf: string | null;
  scenario: Scenario;
  params: CascadeParams;
}

function number(flag: string, text: string): string {
  if (!readDecimalText(text)) throw new UsageError(`${flag}: expected a number, found "${text}"\n${CASCADE_USAGE}`);
  return text;
}

function pair(flag: string, text: string): [string, string] {
  const at = text.lastIndexOf('=');
  if (at <= 0) throw new UsageError(`${flag}: expected NAME=NUMBER, found "${text}"\n${CASCADE_USAGE}`);
  return [text.slice(0, at).toUpperCase(), number(flag, text.slice(at + 1))];
}

function parse(argv: readonly string[]): CascadeOptions {
  const shocks: Array<[string, string]> = [];
  let all = '0';
  const depths: Array<[string, string]> = [];
  let model: ImpactModel = 'linear';
  let coefficient: string | undefined;
  const params: CascadeParams = { ...DEFAULT_CASCADE_PARAMS };
  let file: string | null = null;
  const brackets: string[] = [];
  let asOf: string | null = null;
  const args = [...argv];
  while (args.length > 0) {
    let arg = args.shift()!;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.includes('=')) [arg, inline] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${arg}: expected a value\n${CASCADE_USAGE}`);
      return v;
    };
    switch (arg) {
      case '--shock': {
        const [name, fraction] = pair(arg, value());
        if (name === 'ALL') all = fraction;
        else shocks.push([name, fraction]);
        break;
      }
      case '--depth': depths.push(pair(arg, value())); break;
      case '--impact': {
        const m = value();
        if (m !== 'linear' && m !== 'sqrt') throw new UsageError(`--impact: expected linear or sqrt, found "${m}"\n${CASCADE_USAGE}`);
        model = m;
        break;
      }
      case '--coefficient': coefficient = number(arg, value()); break;
      case '--fund': params.fund = number(arg, value()); break;
      case '--fee': params.feeRate = number(arg, value()); break;
      case '--rounds': {
        const n = value();
        if (!/^\d+$/.test(n)) throw new UsageError(`--rounds: expected a whole number, found "${n}"\n${CASCADE_USAGE}`);
        params.maxRounds = Number(n);
        break;
      }
      case '--partial': params.partial = { kind: 'to-target', targetHF: number(arg, value()) }; break;
      case '--brackets':
      case '--venue-params': brackets.push(value()); break;
      case '--as-of': asOf = value(); break;
      case '--debug': break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}\n${CASCADE_USAGE}`);
        if (file !== null) throw new UsageError(`one portfolio file at a time; found "${file}" and "${arg}"`);
        file = arg;
    }
  }
  if (file === null) throw new UsageError(`missing PORTFOLIO.csv\n${CASCADE_USAGE}`);
  params.impact = depths.map(([underlying, depth]) => ({ underlying, model, depth, ...(coefficient ? { coefficient } : {}) }));
  return { file, brackets, asOf, scenario: { ...EMPTY_SCENARIO, shocks, all }, params };
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
