import { describe, expect, it } from 'vitest';
import { EMPTY_SCENARIO } from '../../engine/types';
import { collateralOf, describeScenario, fractionToPercent, percentInRange, percentToFraction, shockOf, withAll, withCollateral, withShock } from './edit';

describe('what-if helpers', () => {
  it('converts percentages and fractions exactly', () => {
    expect(percentToFraction('-20')).toBe('-0.2');
    expect(percentToFraction('0.5')).toBe('0.005');
    expect(percentToFraction('33.3')).toBe('0.333');
    expect(percentToFraction('-0')).toBe('0');
    expect(percentToFraction('')).toBeNull();
    expect(percentToFraction('1e3')).toBeNull();
    expect(fractionToPercent('-0.2')).toBe('-20');
    expect(fractionToPercent('0.005')).toBe('0.5');
    expect(percentInRange('-95', -95, 300)).toBe(true);
    expect(percentInRange('-95.5', -95, 300)).toBe(false);
    expect(percentInRange('-', -95, 300)).toBe(false);
  });

  it('edits shocks and collateral, removing zero moves', () => {
    let s = withShock(EMPTY_SCENARIO, 'btc', '-0.2');
    expect(s.shocks).toEqual([['BTC', '-0.2']]);
    expect(shockOf(s, 'BTC')).toBe('-0.2');
    s = withShock(s, 'BTC', '0');
    expect(s.shocks).toEqual([]);
    s = withCollateral(withAll(s, '-0.05'), 'alpha', '5000');
    expect(collateralOf(s, 'alpha')).toBe('5000');
    expect(collateralOf(s, '__proto__')).toBe('0');
    expect(withCollateral(s, 'alpha', '0').addCollateral).toEqual([]);
    expect(EMPTY_SCENARIO.shocks).toEqual([]); // not mutated
  });

  it('describes an active scenario in words', () => {
    const s = withCollateral(withAll(withShock(EMPTY_SCENARIO, 'BTC', '-0.2'), '-0.05'), 'alpha', '5000');
    expect(describeScenario(s)).toEqual(['BTC \u221220%', 'all \u22125%', '+5,000 USD to alpha']);
    expect(describeScenario(withCollateral(withShock(EMPTY_SCENARIO, 'USDT', '0.025'), 'beta', '-1234.5'))).toEqual(['USDT +2.5%', '\u22121,234.5 USD from beta']);
    expect(describeScenario(EMPTY_SCENARIO)).toEqual([]);
  });
});
