/**
 * Alert rules over unit figures, and the state machine that fires each alert once per crossing.
 * Pure: the page calls `stepAlerts` on every recompute with the units it has; only the units'
 * health factor, status and liquidation shock are read (never the positions). The page takes every
 * unit's liquidation shock from the fast path (fastLiquidationShock) when a rule needs it.
 */
import { Dec, readDecimalText } from './decimal';
import type { Report, UnitReport, UnitStatus } from './types';

export type AlertKind = 'hf-below' | 'liquidation-within' | 'margin-call';

/** A unit by account and unit label; null in a rule means every unit. */
export interface UnitRef {
  account: string;
  unit: string;
}

export interface AlertRule {
  id: string;
  kind: AlertKind;
  /** hf-below: the HF level (e.g. "1.3"); liquidation-within: a fraction of price (e.g. "0.1" = 10%); unused for margin-call */
  value: string;
  scope: UnitRef | null;
}

/** today: no scenario; scenario: the what-if on screen */
export type AlertContext = 'today' | 'scenario';

export interface UnitFigures extends UnitRef {
  healthFactor: string | null;
  status: UnitStatus;
  liquidationShock: UnitReport['liquidationShock'];
}

export interface AlertEvent extends UnitRef {
  /** stable key of the (context, rule, unit) condition */
  key: string;
  ruleId: string;
  kind: AlertKind;
  context: AlertContext;
  /** the rule's level */
  level: string;
  /** the figure that crossed it: HF, distance as a fraction, or the status */
  figure: string;
}

export function unitFigures(report: Report): UnitFigures[] {
  return report.accounts.flatMap((a) =>
    a.units.map((u) => ({ account: a.account, unit: u.unit, healthFactor: u.healthFactor, status: u.status, liquidationShock: u.liquidationShock })),
  );
}

/** The smaller of the two liquidation shocks in size (margin-model.md: down in (-1, 0), up in (0, 10]); null when neither exists. */
export function liquidationDistance(shock: UnitReport['liquidationShock']): string | null {
  const sizes = [shock.down, shock.up].flatMap((s) => {
    const d = s === null ? null : readDecimalText(s);
    return d ? [d.abs()] : [];
  });
  if (sizes.length === 0) return null;
  return Dec.min(...sizes).toFixed();
}

/** Whether any rule needs units' liquidation shocks (the engine computes them only when asked). */
export function needsLiquidation(rules: readonly AlertRule[]): boolean {
  return rules.some((r) => r.kind === 'liquidation-within');
}

/**
 * A unit's liquidation shock from the fast path's float64 moves (engine/fast/liquidation.ts; NaN:
 * none) as the report's decimal text. Ten significant digits: what the float64 solve vouches for
 * (reconciled with the report to half a hundredth of a percent).
 */
export function fastLiquidationShock(down: number, up: number): UnitReport['liquidationShock'] {
  // ten significant digits as plain text; String() of a float is plain from 1e-6 up (and 0)
  const text = (x: number) => {
    if (!Number.isFinite(x)) return null;
    const rounded = Number(x.toPrecision(10));
    return rounded === 0 || Math.abs(rounded) >= 1e-6 ? String(rounded) : new Dec(x.toPrecision(10)).toFixed();
  };
  return { down: text(down), up: text(up) };
}

const STATUS_RANK: Record<UnitStatus, number> = { ok: 0, warning: 1, margin_call: 2, liquidation: 3 };

/**
 * Which side of a level a decimal figure is on: -1 below, +1 above, 0 equal. A slider step checks
 * every unit of a large book, so the float64 readings decide whenever they are clearly apart
 * (decimal text to float64 is correctly rounded, so a relative gap over 1e-12 cannot be a rounding
 * artefact); only a figure within that of the level is compared in decimal.
 */
function sideOf(figure: string, figureNum: number, level: Dec, levelNum: number): number {
  const gap = figureNum - levelNum;
  if (Math.abs(gap) > 1e-12 * Math.max(Math.abs(figureNum), Math.abs(levelNum))) return gap < 0 ? -1 : 1;
  const exact = readDecimalText(figure);
  return exact ? exact.comparedTo(level) : 1;
}

/** A rule with its level read once, not once per unit. */
interface CompiledRule {
  rule: AlertRule;
  level: Dec | null;
  levelNum: number;
}

function compileRule(rule: AlertRule): CompiledRule {
  const level = rule.kind === 'margin-call' ? null : readDecimalText(rule.value);
  return { rule, level, levelNum: level ? level.toNumber() : NaN };
}

/** The smaller liquidation move in size, as float64 (NaN when neither exists) and as the report's text. */
function nearestMove(shock: UnitReport['liquidationShock']): { num: number; text: string } | null {
  let best: { num: number; text: string } | null = null;
  for (const side of [shock.down, shock.up]) {
    if (side === null) continue;
    const text = side.startsWith('-') ? side.slice(1) : side;
    const num = Number(text);
    if (!best || num < best.num || (num === best.num && text !== best.text && new Dec(text).lt(best.text))) best = { num, text };
  }
  return best;
}

function figureOf(c: CompiledRule, unit: UnitFigures): string | null {
  const { rule, level, levelNum } = c;
  if (rule.scope && (rule.scope.account !== unit.account || rule.scope.unit !== unit.unit)) return null;
  switch (rule.kind) {
    case 'hf-below': {
      // no HF means no exposure: nothing to alert about
      if (!level || unit.healthFactor === null) return null;
      return sideOf(unit.healthFactor, Number(unit.healthFactor), level, levelNum) < 0 ? unit.healthFactor : null;
    }
    case 'liquidation-within': {
      if (!level) return null;
      const move = nearestMove(unit.liquidationShock);
      if (!move || !(sideOf(move.text, move.num, level, levelNum) < 0)) return null;
      return liquidationDistance(unit.liquidationShock);
    }
    case 'margin-call':
      return STATUS_RANK[unit.status] >= STATUS_RANK.margin_call ? unit.status : null;
    default: {
      const never: never = rule.kind;
      return never;
    }
  }
}

/** The figure when the rule's condition holds for the unit, else null. */
export function conditionFigure(rule: AlertRule, unit: UnitFigures): string | null {
  return figureOf(compileRule(rule), unit);
}

export function alertKey(context: AlertContext, ruleId: string, unit: UnitRef): string {
  return JSON.stringify([context, ruleId, unit.account, unit.unit]);
}

/**
 * One recompute in one context: the conditions that hold now (`holding`), and the alerts that fire
 * because they did not hold before (`fired`). A condition that stays true fires nothing; one that clears and comes back
 * fires again. Keys of the other context are carried over untouched.
 */
export function stepAlerts(args: {
  active: ReadonlySet<string>;
  rules: readonly AlertRule[];
  units: readonly UnitFigures[];
  context: AlertContext;
}): { active: Set<string>; fired: AlertEvent[]; holding: AlertEvent[] } {
  const { units, context } = args;
  const prefix = JSON.stringify([context]).slice(0, -1);
  const active = new Set([...args.active].filter((k) => !k.startsWith(`${prefix},`)));
  const holding: AlertEvent[] = [];
  for (const compiled of args.rules.map(compileRule)) {
    const { rule } = compiled;
    for (const unit of units) {
      const figure = figureOf(compiled, unit);
      if (figure === null) continue;
      const key = alertKey(context, rule.id, unit);
      active.add(key);
      holding.push({ key, ruleId: rule.id, kind: rule.kind, context, level: rule.value, figure, account: unit.account, unit: unit.unit });
    }
  }
  return { active, fired: holding.filter((e) => !args.active.has(e.key)), holding };
}

/** Whether a report is today's (no move, no collateral added, no time): alerts for today then come from it. */
export function isTodayReport(report: Report): boolean {
  const s = report.scenario;
  const zero = (x: string) => readDecimalText(x)?.isZero() ?? false;
  return [s.all, s.volShock, s.days, ...Object.values(s.shocks), ...Object.values(s.addCollateral)].every(zero);
}
