import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/decimal';
import { bsPrice } from '../../../src/engine/options/blackScholes';
import { GENERIC_OPTION_GRID } from '../../../src/engine/options/optionMargin';
import { EMPTY_SCENARIO } from '../../../src/engine/types';
import { evaluate, positionOf, spot, unitOf } from '../helpers';
import { expiryIn, optionRow } from './book';

describe('options in the decimal engine', () => {
  it('with no shock an option keeps its mark; a long option needs no margin', () => {
    const call = optionRow({ qty: '2', type: 'call', strike: '70000', mark: '1500', S: '60000', iv: '0.6', expiry: expiryIn(0.25) });
    const report = evaluate([spot('USDT', '10000', '1'), call]);
    const p = positionOf(report, call.symbol);
    expect(p.markPrice).toBe('1500');
    expect(p.value).toBe('3000'); // 2 * 1500
    expect(p.maintenanceMargin).toBe('0');
    expect(p.initialMargin).toBe('0');
    expect(p.notional).toBe('120000'); // |q| * cs * S
    expect(unitOf(report).marginBalance).toBe('13000');
    expect(report.warnings).toEqual([]);
  });

  it("reprices under a scenario: Hull's chapter-19 option after -2% price, -20% vol, 10 days", () => {
    // today S = 50, iv = 25%, T = 20 weeks + 10 days; the what-if lands on Hull's example
    // (S 49, K 50, r 5%, sigma 20%, T 20/52): price 2.40, delta 0.522, gamma 0.066, vega 12.1, theta -4.31, rho 8.91
    const call = optionRow({ qty: '1', type: 'call', strike: '50', mark: '3.1', S: '50', iv: '0.25', rate: '0.05', expiry: expiryIn(20 / 52, 10), underlying: 'XYZ' });
    const today = positionOf(evaluate([spot('USDT', '100', '1'), call]), call.symbol);
    const scenario = { ...EMPTY_SCENARIO, shocks: [['XYZ', '-0.02']] as Array<[string, string]>, volShock: '-0.2', days: '10' };
    const moved = positionOf(evaluate([spot('USDT', '100', '1'), call], { scenario }), call.symbol);
    expect(Number(moved.theoreticalPrice)).toBeCloseTo(2.4, 2);
    expect(Number(moved.delta)).toBeCloseTo(0.522, 3);
    expect(Number(moved.gamma)).toBeCloseTo(0.066, 3);
    expect(Number(moved.vega)).toBeCloseTo(12.1, 1);
    expect(Number(moved.theta)).toBeCloseTo(-4.31, 2);
    expect(Number(moved.rho)).toBeCloseTo(8.91, 2);
    // margin-model.md: M' = M + BS(S', iv', T') - BS(S, iv, T)
    const expected = new Dec('3.1').plus(new Dec(moved.theoreticalPrice!)).minus(new Dec(today.theoreticalPrice!));
    expect(new Dec(moved.markPrice).minus(expected).abs().toNumber()).toBeLessThan(1e-9);
  });

  it('floors the repriced mark at 0', () => {
    // the market marks the call at 0.05 while the model says about 2.3 (0.4 * S * sigma * sqrt T); a 30% fall takes the model near 0,
    // so M + change is negative and the mark is 0
    const call = optionRow({ qty: '-1', type: 'call', strike: '100', mark: '0.05', S: '100', iv: '0.2', expiry: expiryIn(30 / 365) });
    const report = evaluate([spot('USDT', '1000', '1'), call], { scenario: { ...EMPTY_SCENARIO, all: '-0.3' } });
    expect(positionOf(report, call.symbol).markPrice).toBe('0');
  });

  it('generic: a short option is margined as its worst loss over the SPAN grid', () => {
    const S = 60000;
    const T = 0.25;
    const call = optionRow({ qty: '-0.5', type: 'call', strike: '66000', mark: '4000', S: String(S), iv: '0.6', expiry: expiryIn(T) });
    const p = positionOf(evaluate([spot('USDT', '50000', '1'), call]), call.symbol);
    // the grid's worst loss, from the formula M_s = max(0, M + BS(S(1+p), iv(1+v), T) - BS(S, iv, T))
    const today = bsPrice('call', S, 66000, T, 0, 0.6);
    const worst = Math.max(...GENERIC_OPTION_GRID.scenarios.map((s) => s.weight * (Math.max(0, 4000 + bsPrice('call', S * (1 + s.price), 66000, T, 0, 0.6 * (1 + s.vol)) - today) - 4000)));
    expect(worst).toBeGreaterThan(0);
    expect(Number(p.maintenanceMargin)).toBeCloseTo(0.5 * worst, 6);
    expect(p.initialMargin).toBe(p.maintenanceMargin);
  });

  it("deribit: a short call's margin follows Deribit's formulas (worked case 1)", () => {
    const call = optionRow({ qty: '-1', type: 'call', strike: '70000', mark: '1200', S: '60000', iv: '0.5', expiry: expiryIn(0.1), venue: 'deribit' });
    const p = positionOf(evaluate([spot('USDT', '20000', '1', { venue: 'deribit' }), call]), call.symbol);
    expect(p.initialMargin).toBe('7200'); // max(0.15 * 60000 - 10000, 0.10 * 60000) + 1200
    expect(p.maintenanceMargin).toBe('5700'); // 0.075 * 60000 + 1200
  });

  it('lists an expired option apart: a note and a warning, valued at its mark', () => {
    const put = optionRow({ qty: '1', type: 'put', strike: '50000', mark: '100', S: '60000', iv: '0.5', expiry: '2025-12-26T08:00:00.000Z' });
    const report = evaluate([spot('USDT', '100', '1'), put]);
    expect(positionOf(report, put.symbol).note).toMatch(/expired/);
    expect(report.warnings.join(' ')).toMatch(/1 expired option/);
  });
});
