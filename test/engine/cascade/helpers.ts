import { Dec } from '../../../src/engine/decimal';
import { prepareCascadeBook, runCascade, settleUnits, type CascadeParams, type CascadeResult, type RunState } from '../../../src/engine/cascade';
import { EMPTY_SCENARIO, type PortfolioRow, type Scenario } from '../../../src/engine/types';

export function cascade(rows: PortfolioRow[], params: Partial<CascadeParams>, shocks: Array<[string, string]> = [], options: { screenEveryRound?: boolean } = {}): { result: CascadeResult; final: RunState } {
  const book = prepareCascadeBook({ source: 'test.csv', rows }, new Map());
  const scenario: Scenario = { ...EMPTY_SCENARIO, shocks };
  const outcome = runCascade({ book, scenario, params: { impact: [], feeRate: '0', fund: '0', partial: { kind: 'full' }, maxRounds: 10, ...params }, ...options });
  if (!outcome.ok) throw new Error(outcome.error);
  settleUnits(outcome.final);
  return outcome;
}

export const dec = (s: string) => new Dec(s);

/** The names of the units a cascade liquidated (result.names also names the units ADL touched). */
export function liquidatedNames(result: CascadeResult): Set<string> {
  return new Set(Array.from(result.liquidations.unit, (i) => result.names[i]!));
}
