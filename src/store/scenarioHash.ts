/**
 * The scenario and the thresholds in the URL hash, so a link reproduces a what-if:
 * `#s=BTC:-0.2,all:-0.05&c=alpha:5000&k=cross%3Aalpha:0.25,line%3A12:0.5&v=0.4&d=7&t=1.5&m=1.25`
 * (`k`: the apply-cut what-if, cut key -> fraction closed; see engine/cuts.ts for the keys;
 * `v`: the relative volatility shock, iv' = iv * (1 + v); `d`: the time shift in days, options only).
 *
 * Privacy choice: the hash carries only what the user typed into the what-if panel and the two
 * HF levels. No portfolio data (positions, quantities, prices, balances) is ever written; the
 * only portfolio-derived text is the name of an account that has a collateral what-if, because
 * the what-if means nothing without it; a cut names an account or a file line number, for the same
 * reason. Underlyings and account names are URL-encoded.
 * A vol shock must stay above -1 (-100%, no volatility left) and a time shift within 0..3650 days,
 * the range the panel's days field accepts; anything else in a hand-edited link is ignored.
 *
 * Pure functions only; decoding never throws and skips every part it does not understand.
 */
import { readCutKey } from '../engine/cuts';
import { Dec } from '../engine/decimal';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type Scenario, type Thresholds } from '../engine/types';
import { validateThresholds } from './thresholds';

/** A plain decimal as the panel stores it: no exponent, no spaces, at most 30 digits. */
const PLAIN = /^[+-]?(\d{1,20}(\.\d{0,20})?|\.\d{1,20})$/;
const MAX_ITEMS = 200;
const MAX_NAME = 100;
/** the key of the shock on every non-stable underlying; named shocks are written in upper case */
const ALL = 'all';
/** the longest time shift the what-if panel accepts (VolTimeControls) */
export const MAX_DAYS_SHIFT = 3650;

export interface HashState {
  scenario: Scenario;
  /** null: the link does not set them (or sets them wrongly) */
  thresholds: Thresholds | null;
}

function plain(text: string): string | null {
  if (!PLAIN.test(text)) return null;
  const d = new Dec(text);
  const s = d.toFixed();
  return s === '-0' ? '0' : s;
}

function decodeName(raw: string): string | null {
  try {
    const name = decodeURIComponent(raw).trim();
    return name.length > 0 && name.length <= MAX_NAME ? name : null;
  } catch {
    return null;
  }
}

/** `name:value,name:value` -> pairs; a bad item is skipped. */
function pairs(value: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const item of value.split(',').slice(0, MAX_ITEMS)) {
    const colon = item.lastIndexOf(':');
    if (colon <= 0) continue;
    const name = decodeName(item.slice(0, colon));
    const amount = plain(item.slice(colon + 1));
    if (name !== null && amount !== null) out.push([name, amount]);
  }
  return out;
}

/** Replaces an earlier pair with the same key (later wins), keeping first-seen order. */
function upsert(list: Array<[string, string]>, key: string, value: string): void {
  const at = list.findIndex(([k]) => k === key);
  if (at >= 0) list[at] = [key, value];
  else list.push([key, value]);
}

function isZero(value: string): boolean {
  return new Dec(value).isZero();
}

export function isScenarioEmpty(s: Scenario): boolean {
  return isZero(s.all) && isZero(s.volShock) && isZero(s.days) && s.shocks.every(([, v]) => isZero(v)) && s.addCollateral.every(([, v]) => isZero(v)) && (s.cuts ?? []).every(([, v]) => isZero(v));
}

function sameThresholds(a: Thresholds, b: Thresholds): boolean {
  return new Dec(a.targetHF).eq(b.targetHF) && new Dec(a.marginCallHF).eq(b.marginCallHF);
}

/**
 * The hash without its `#`; '' for today's figures with the default thresholds (a clean URL).
 * `thresholds` null (the inputs are invalid right now): they are left out.
 */
export function encodeHash(scenario: Scenario, thresholds: Thresholds | null): string {
  const parts: string[] = [];
  const shocks = scenario.shocks.filter(([, v]) => !isZero(v)).map(([k, v]) => `${encodeURIComponent(k.toUpperCase())}:${v}`);
  if (!isZero(scenario.all)) shocks.push(`${ALL}:${scenario.all}`);
  if (shocks.length > 0) parts.push(`s=${shocks.join(',')}`);
  const collateral = scenario.addCollateral.filter(([, v]) => !isZero(v)).map(([k, v]) => `${encodeURIComponent(k)}:${v}`);
  if (collateral.length > 0) parts.push(`c=${collateral.join(',')}`);
  const cuts = (scenario.cuts ?? []).filter(([, v]) => !isZero(v)).map(([k, v]) => `${encodeURIComponent(k)}:${v}`);
  if (cuts.length > 0) parts.push(`k=${cuts.join(',')}`);
  if (!isZero(scenario.volShock)) parts.push(`v=${scenario.volShock}`);
  if (!isZero(scenario.days)) parts.push(`d=${scenario.days}`);
  const custom = thresholds !== null && !sameThresholds(thresholds, DEFAULT_THRESHOLDS);
  if (thresholds !== null && (parts.length > 0 || custom)) parts.push(`t=${thresholds.targetHF}`, `m=${thresholds.marginCallHF}`);
  return parts.join('&');
}

/** Reads a hash (with or without `#`). Anything unreadable is ignored: the result is always usable. */
export function decodeHash(hash: string): HashState {
  const shocks: Array<[string, string]> = [];
  const addCollateral: Array<[string, string]> = [];
  const cuts: Array<[string, string]> = [];
  let all = EMPTY_SCENARIO.all;
  let volShock = EMPTY_SCENARIO.volShock;
  let days = EMPTY_SCENARIO.days;
  let t: string | null = null;
  let m: string | null = null;
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&').slice(0, 10)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (key === 's') {
      for (const [name, fraction] of pairs(value)) {
        if (new Dec(fraction).lte(-1)) continue; // a price cannot fall 100% or more
        if (name === ALL) all = fraction;
        else upsert(shocks, name.toUpperCase(), fraction);
      }
    } else if (key === 'c') {
      for (const [account, amount] of pairs(value)) upsert(addCollateral, account, amount);
    } else if (key === 'k') {
      for (const [target, fraction] of pairs(value)) {
        const f = new Dec(fraction);
        if (readCutKey(target) && f.gte(0) && f.lte(1)) upsert(cuts, target, fraction);
      }
    } else if (key === 'v') {
      const fraction = plain(value);
      // above -1: iv * (1 + v) must leave some volatility
      if (fraction !== null && new Dec(fraction).gt(-1)) volShock = isZero(fraction) ? '0' : fraction;
    } else if (key === 'd') {
      const shift = plain(value);
      if (shift !== null && new Dec(shift).gte(0) && new Dec(shift).lte(MAX_DAYS_SHIFT)) days = isZero(shift) ? '0' : shift;
    } else if (key === 't') {
      t = plain(value);
    } else if (key === 'm') {
      m = plain(value);
    }
  }
  let thresholds: Thresholds | null = null;
  if (t !== null || m !== null) {
    const check = validateThresholds({ targetHF: t ?? DEFAULT_THRESHOLDS.targetHF, marginCallHF: m ?? DEFAULT_THRESHOLDS.marginCallHF });
    if (check.ok) thresholds = check.thresholds;
  }
  return {
    scenario: { ...EMPTY_SCENARIO, shocks: shocks.filter(([, v]) => !isZero(v)), all, volShock, days, addCollateral: addCollateral.filter(([, v]) => !isZero(v)), cuts: cuts.filter(([, v]) => !isZero(v)) },
    thresholds,
  };
}
