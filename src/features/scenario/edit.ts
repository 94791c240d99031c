/**
 * Pure helpers of the what-if panel. The store holds fractions as decimal strings ("-0.2");
 * the panel shows percentages. Conversions go through decimal.js only.
 */
import { readCutKey } from '../../engine/cuts';
import { Dec, readDecimalText } from '../../engine/decimal';
import type { Scenario } from '../../engine/types';
import { groupThousands } from '../../lib/format';

/** A plain number as typed: no exponent, no grouping. */
const PLAIN = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function canonical(d: Dec): string {
  const s = d.toFixed();
  return s === '-0' ? '0' : s;
}

/** "-20" (a percentage as text) -> "-0.2"; null for text that is not a plain number. */
export function percentToFraction(percent: string): string | null {
  const t = percent.trim();
  if (!PLAIN.test(t)) return null;
  return canonical(new Dec(t).div(100));
}

/** "-0.2" -> "-20" */
export function fractionToPercent(fraction: string): string {
  return canonical(new Dec(fraction).times(100));
}

/** A typed amount -> canonical decimal string; null for text that is not a plain number. */
export function parseAmount(text: string): string | null {
  const t = text.trim();
  return PLAIN.test(t) ? canonical(new Dec(t)) : null;
}

/** Is a percentage (as text) inside [min, max]? */
export function percentInRange(percent: string, min: number, max: number): boolean {
  const t = percent.trim();
  if (!PLAIN.test(t)) return false;
  const d = new Dec(t);
  return d.gte(min) && d.lte(max);
}

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

export function shockOf(scenario: Scenario, underlying: string): string {
  return scenario.shocks.find(([name]) => same(name, underlying))?.[1] ?? '0';
}

/** Sets one underlying's move; a zero move removes the pair, so "today" stays an empty scenario. */
export function withShock(scenario: Scenario, underlying: string, fraction: string): Scenario {
  const rest = scenario.shocks.filter(([name]) => !same(name, underlying));
  const shocks: Scenario['shocks'] = new Dec(fraction).isZero() ? rest : [...rest, [underlying.toUpperCase(), fraction]];
  return { ...scenario, shocks };
}

export function withAll(scenario: Scenario, fraction: string): Scenario {
  return { ...scenario, all: new Dec(fraction).isZero() ? '0' : fraction };
}

/** The relative vol shock (options): "0.2" means iv * 1.2; zero is today's "0". */
export function withVolShock(scenario: Scenario, fraction: string): Scenario {
  return { ...scenario, volShock: new Dec(fraction).isZero() ? '0' : fraction };
}

/** The time shift in days (options); zero is today's "0". */
export function withDays(scenario: Scenario, days: string): Scenario {
  const d = new Dec(days);
  return { ...scenario, days: d.isZero() ? '0' : canonical(d) };
}

export function collateralOf(scenario: Scenario, account: string): string {
  return scenario.addCollateral.find(([name]) => name === account)?.[1] ?? '0';
}

export function withCollateral(scenario: Scenario, account: string, amount: string): Scenario {
  const rest = scenario.addCollateral.filter(([name]) => name !== account);
  const addCollateral: Scenario['addCollateral'] = new Dec(amount).isZero() ? rest : [...rest, [account, amount]];
  return { ...scenario, addCollateral };
}

const MINUS = '\u2212';

function signed(d: Dec, text: string): string {
  return d.gt(0) ? `+${text}` : d.lt(0) ? `${MINUS}${text}` : text;
}

/** "-0.2" -> "−20%", "0.025" -> "+2.5%" */
export function formatMove(fraction: string): string {
  const d = new Dec(fraction).times(100);
  return signed(d, `${groupThousands(d.abs().toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed())}%`);
}

/** No move, no shift, no collateral, no cut: the scenario is today. */
export function isToday(s: Scenario): boolean {
  const values = [s.all, s.volShock, s.days, ...s.shocks.map((x) => x[1]), ...s.addCollateral.map((x) => x[1]), ...(s.cuts ?? []).map((x) => x[1])];
  return values.every((v) => readDecimalText(v)?.isZero() ?? false);
}

/** The active what-ifs in words: ["BTC −20%", "all −5%", "+5,000 USD to alpha"]; [] for today. */

export function describeScenario(scenario: Scenario): string[] {
  const out: string[] = [];
  for (const [name, fraction] of scenario.shocks) if (!new Dec(fraction).isZero()) out.push(`${name} ${formatMove(fraction)}`);
  if (!new Dec(scenario.all).isZero()) out.push(`all ${formatMove(scenario.all)}`);
  if (!new Dec(scenario.volShock).isZero()) out.push(`vol ${formatMove(scenario.volShock)}`);
  if (!new Dec(scenario.days).isZero()) out.push(`+${scenario.days} days`);
  for (const [account, amount] of scenario.addCollateral) {
    const d = new Dec(amount);
    if (d.isZero()) continue;
    const money = groupThousands(d.abs().toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed());
    out.push(d.gt(0) ? `+${money} USD to ${account}` : `${MINUS}${money} USD from ${account}`);
  }
  out.push(...describeCuts(scenario));
  return out;
}

/** The apply-cut what-ifs in words: "close 25% of alpha's cross positions", "close 50% of line 12". */
export function describeCuts(scenario: Scenario): string[] {
  const out: string[] = [];
  for (const [key, fraction] of scenario.cuts ?? []) {
    const d = new Dec(fraction);
    if (d.isZero()) continue;
    const pct = `${groupThousands(d.times(100).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed())}%`;
    const target = readCutKey(key);
    if (!target) continue;
    out.push(target.kind === 'cross' ? `close ${pct} of ${target.account}'s cross positions` : `close ${pct} of line ${target.line}`);
  }
  return out;
}
