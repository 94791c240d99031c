import { ONE, ZERO, readDecimalText, type Dec } from './decimal';
import { isLinear, pnlAt, type PreparedRow } from './rows';
import type { PreparedUnit } from './units';

/**
 * The apply-cut what-if: close a fraction of positions at the scenario's prices.
 *
 * Keys name what is cut, unambiguously, whatever the account is called:
 * - `cross:ACCOUNT` every perp and future of the account's cross unit (everything after the first
 *   colon is the account name, so names with colons are fine);
 * - `line:N` the position on file line N (lines are unique in a file): one position of a cross
 *   unit, or an isolated unit's only position.
 * Only perps and futures are cut (what the remediation suggests); spot collateral and options stay.
 * Cuts on the same row compound: the row keeps (1 - f1)(1 - f2) of its size.
 *
 * Closing realises the closed part's PnL into the unit's balance, so the margin balance is unchanged
 * at the scenario's prices and only the notional-driven figures (IM, MM, notional) fall.
 */
export const CROSS_CUT = 'cross:';
export const LINE_CUT = 'line:';

export function crossCutKey(account: string): string {
  return `${CROSS_CUT}${account}`;
}

export function lineCutKey(line: number): string {
  return `${LINE_CUT}${line}`;
}

export type CutTarget = { kind: 'cross'; account: string } | { kind: 'line'; line: number };

/** Reads a cut key; null when it is neither form. */
export function readCutKey(key: string): CutTarget | null {
  if (key.startsWith(CROSS_CUT) && key.length > CROSS_CUT.length) return { kind: 'cross', account: key.slice(CROSS_CUT.length) };
  if (key.startsWith(LINE_CUT)) {
    const digits = key.slice(LINE_CUT.length);
    if (/^[1-9]\d{0,9}$/.test(digits)) return { kind: 'line', line: Number(digits) };
  }
  return null;
}

/** The size each cut leaves, by target: remaining fractions, compounded. */
export interface PreparedCuts {
  cross: Map<string, Dec>;
  lines: Map<number, Dec>;
}

export const NO_CUTS: PreparedCuts = { cross: new Map(), lines: new Map() };

/** Checks and compounds the scenario's cuts; throws RangeError with the offending pair. */
export function prepareCuts(cuts: ReadonlyArray<[string, string]>): PreparedCuts {
  const out: PreparedCuts = { cross: new Map(), lines: new Map() };
  for (const [key, text] of cuts) {
    const target = readCutKey(key);
    if (!target) throw new RangeError(`cut "${key}": expected cross:ACCOUNT or line:N`);
    const f = readDecimalText(text);
    if (!f || f.lt(0) || f.gt(1)) throw new RangeError(`cut ${key}: expected a fraction from 0 to 1, found "${text}"`);
    const keep = ONE.minus(f);
    if (target.kind === 'cross') out.cross.set(target.account, (out.cross.get(target.account) ?? ONE).times(keep));
    else out.lines.set(target.line, (out.lines.get(target.line) ?? ONE).times(keep));
  }
  return out;
}

/** The share of a row's size the scenario keeps (1 when nothing cuts it). */
export function keptShare(cuts: PreparedCuts, unit: PreparedUnit, row: PreparedRow): Dec {
  if (!isLinear(row)) return ONE;
  let keep = cuts.lines.get(row.src.line) ?? ONE;
  if (unit.mode === 'cross') keep = keep.times(cuts.cross.get(unit.account) ?? ONE);
  return keep;
}

/**
 * The unit as it stands after the cuts, at the given marks: cut rows keep their share of the size,
 * and the PnL of the closed part is added to the unit's balance.
 */
export function withCuts(unit: PreparedUnit, marks: readonly Dec[], cuts: PreparedCuts): PreparedUnit {
  if (cuts.cross.size === 0 && cuts.lines.size === 0) return unit;
  let realised = ZERO;
  let changed = false;
  const rows = unit.rows.map((row, i) => {
    const keep = keptShare(cuts, unit, row);
    if (keep.eq(ONE)) return row;
    changed = true;
    realised = realised.plus(pnlAt(row, marks[i] ?? row.mark).times(ONE.minus(keep)));
    return { ...row, q: row.q.times(keep), absQ: row.absQ.times(keep) };
  });
  return changed ? { ...unit, rows, baseBalance: unit.baseBalance.plus(realised) } : unit;
}

/** Cut keys that name nothing the scenario can cut in this portfolio (for the report's warnings). */
export function unusedCuts(cuts: PreparedCuts, units: readonly PreparedUnit[]): string[] {
  const crossAccounts = new Set<string>();
  const linearLines = new Set<number>();
  for (const unit of units) {
    if (unit.mode === 'cross') crossAccounts.add(unit.account);
    for (const row of unit.rows) if (isLinear(row)) linearLines.add(row.src.line);
  }
  const out: string[] = [];
  for (const account of cuts.cross.keys()) if (!crossAccounts.has(account)) out.push(crossCutKey(account));
  for (const line of cuts.lines.keys()) if (!linearLines.has(line)) out.push(lineCutKey(line));
  return out;
}
