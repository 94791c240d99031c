import { describe, expect, it } from 'vitest';
import { EMPTY_SCENARIO, type Scenario } from '../engine/types';
import { decodeHash, encodeHash, isScenarioEmpty } from './scenarioHash';

const scenario: Scenario = {
  ...EMPTY_SCENARIO,
  shocks: [['BTC', '-0.2'], ['USDT', '-0.015']],
  all: '-0.05',
  addCollateral: [['alpha', '5000'], ['desk, one: α/β', '-250.75']],
};

describe('scenario hash', () => {
  it('writes the documented shape', () => {
    expect(encodeHash({ ...EMPTY_SCENARIO, shocks: [['BTC', '-0.2']], all: '-0.05', addCollateral: [['alpha', '5000']] }, { targetHF: '1.5', marginCallHF: '1.25' })).toBe(
      's=BTC:-0.2,all:-0.05&c=alpha:5000&t=1.5&m=1.25',
    );
  });

  it('round-trips a scenario and thresholds, names URL-encoded', () => {
    const thresholds = { targetHF: '1.8', marginCallHF: '1.1' };
    const hash = encodeHash(scenario, thresholds);
    expect(hash).not.toContain(' ');
    expect(hash).toContain('desk%2C%20one%3A%20%CE%B1%2F%CE%B2');
    expect(decodeHash(`#${hash}`)).toEqual({ scenario, thresholds });
  });

  it('today with default thresholds is an empty hash; custom thresholds alone are kept', () => {
    expect(encodeHash(EMPTY_SCENARIO, { targetHF: '1.5', marginCallHF: '1.25' })).toBe('');
    expect(encodeHash(EMPTY_SCENARIO, null)).toBe('');
    expect(encodeHash(EMPTY_SCENARIO, { targetHF: '2', marginCallHF: '1.25' })).toBe('t=2&m=1.25');
    expect(decodeHash('')).toEqual({ scenario: EMPTY_SCENARIO, thresholds: null });
  });

  it('drops zero moves, so a slider back at 0 leaves no trace', () => {
    expect(encodeHash({ ...EMPTY_SCENARIO, shocks: [['BTC', '0']], addCollateral: [['alpha', '0']] }, null)).toBe('');
    expect(isScenarioEmpty({ ...EMPTY_SCENARIO, shocks: [['BTC', '0']] })).toBe(true);
    expect(isScenarioEmpty(scenario)).toBe(false);
  });

  it('ignores a bad hash safely, keeping the parts it understands', () => {
    for (const bad of ['#garbage', '#s=', '#s=BTC', '#s=BTC:abc', '#s=%E0%A4%A:0.1', '#s=BTC:1e5', '#s=BTC:-1', '#s=BTC:-2.5', '#c=alpha:NaN', '#t=abc&m=0.5', '#=&&==', '#s=:0.1']) {
      expect(decodeHash(bad), bad).toEqual({ scenario: EMPTY_SCENARIO, thresholds: null });
    }
    const mixed = decodeHash('#s=BTC:-0.2,ETH:oops,all:-0.05&c=alpha:x,beta:100&t=1.2&m=1.5&zzz=1');
    expect(mixed.scenario.shocks).toEqual([['BTC', '-0.2']]);
    expect(mixed.scenario.all).toBe('-0.05');
    expect(mixed.scenario.addCollateral).toEqual([['beta', '100']]);
    expect(mixed.thresholds).toBeNull(); // target below margin call: the link's levels are refused
  });

  it('normalises numbers and lets a later duplicate win', () => {
    const { scenario: s } = decodeHash('#s=btc:-0.20,BTC:+0.1,all:.5&c=alpha:0100.50');
    expect(s.shocks).toEqual([['BTC', '0.1']]);
    expect(s.all).toBe('0.5');
    expect(s.addCollateral).toEqual([['alpha', '100.5']]);
  });

  it('treats __proto__ and other special names as plain text', () => {
    const { scenario: s } = decodeHash('#c=__proto__:100,constructor:5&s=__proto__:0.1');
    expect(s.addCollateral).toEqual([['__proto__', '100'], ['constructor', '5']]);
    expect(s.shocks).toEqual([['__PROTO__', '0.1']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(s.addCollateral)).toBe(Array.prototype);
    expect(decodeHash(`#${encodeHash(s, null)}`).scenario).toEqual(s);
  });

  it('round-trips cuts (apply-cut what-if), keys URL-encoded, bad keys and fractions skipped', () => {
    const withCuts: Scenario = { ...EMPTY_SCENARIO, cuts: [['cross:desk, one: α', '0.25'], ['line:12', '0.5']] };
    const hash = encodeHash(withCuts, null);
    expect(hash).toBe('k=cross%3Adesk%2C%20one%3A%20%CE%B1:0.25,line%3A12:0.5');
    expect(decodeHash(`#${hash}`).scenario).toEqual(withCuts);
    expect(isScenarioEmpty(withCuts)).toBe(false);
    const { scenario: s } = decodeHash('#k=line%3A0:0.5,line%3A7:1.5,nope:0.1,line%3A7:-0.1,cross%3Abeta:0.3,line%3A9:0');
    expect(s.cuts).toEqual([['cross:beta', '0.3']]);
  });

  it('round-trips a vol shock and a time shift (options what-if)', () => {
    const options: Scenario = { ...EMPTY_SCENARIO, all: '-0.1', volShock: '0.4', days: '7.5' };
    const hash = encodeHash(options, { targetHF: '1.5', marginCallHF: '1.25' });
    expect(hash).toBe('s=all:-0.1&v=0.4&d=7.5&t=1.5&m=1.25');
    expect(decodeHash(`#${hash}`)).toEqual({ scenario: options, thresholds: { targetHF: '1.5', marginCallHF: '1.25' } });
    // each alone is a what-if, and a fall in vol is written with its sign
    expect(encodeHash({ ...EMPTY_SCENARIO, volShock: '-0.3' }, null)).toBe('v=-0.3');
    expect(encodeHash({ ...EMPTY_SCENARIO, days: '30' }, null)).toBe('d=30');
    expect(decodeHash('#v=-0.3').scenario).toEqual({ ...EMPTY_SCENARIO, volShock: '-0.3' });
    expect(decodeHash('#d=30').scenario).toEqual({ ...EMPTY_SCENARIO, days: '30' });
    expect(isScenarioEmpty({ ...EMPTY_SCENARIO, volShock: '0.4' })).toBe(false);
    expect(isScenarioEmpty({ ...EMPTY_SCENARIO, days: '1' })).toBe(false);
    // back at zero: no trace in the link
    expect(encodeHash({ ...EMPTY_SCENARIO, volShock: '0', days: '0' }, null)).toBe('');
  });

  it('ignores a bad vol shock or time shift in a hand-edited hash, keeping the rest', () => {
    // -1 would leave no volatility (iv * 0); days must be a plain number in 0..3650, as the panel's field
    for (const bad of ['#v=-1', '#v=-1.5', '#v=abc', '#v=1e2', '#v=', '#d=-1', '#d=3650.5', '#d=99999', '#d=7days', '#d=NaN', '#d=1e3', '#v=0&d=0']) {
      expect(decodeHash(bad), bad).toEqual({ scenario: EMPTY_SCENARIO, thresholds: null });
    }
    const mixed = decodeHash('#s=BTC:-0.2&v=oops&d=3650&t=1.5&m=1.25');
    expect(mixed.scenario).toEqual({ ...EMPTY_SCENARIO, shocks: [['BTC', '-0.2']], days: '3650' });
    // numbers are normalised; a later duplicate wins, an invalid later one leaves the earlier value
    expect(decodeHash('#v=+0.50&d=07.0').scenario).toMatchObject({ volShock: '0.5', days: '7' });
    expect(decodeHash('#v=0.2&v=0.3&d=5&d=-2').scenario).toMatchObject({ volShock: '0.3', days: '5' });
  });
});
