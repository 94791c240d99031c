import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/decimal';
import { bsPrice } from '../../../src/engine/options/blackScholes';
import { DERIBIT_VOL_SCALING, deribitGrid, rectangularGrid, scenarioSigma, volMoveScale } from '../../../src/engine/options/riskGrid';
import { compileBook, riskMatrix } from '../../../src/engine/options/riskMatrix';
import { EMPTY_SCENARIO, type PortfolioRow, type Scenario } from '../../../src/engine/types';
import { AS_OF, evaluate, row, spot, unitOf } from '../helpers';
import { expiryIn, optionRow } from './book';

const DAY = 1 / 365;

describe('Deribit-style vol moves scaled by time to expiry', () => {
  it("follows Deribit's published rule: (30 / days)^0.30 under 30 days, ^0.13 beyond", () => {
    // deribit.com portfolio margin page: "options expiring in 15 days: IV change of maximum
    // (30/15)^0.30*38.00%": 2^0.3 = e^(0.3 * 0.693147) = e^0.207944 = 1.231144; 38% * 1.231144 = 46.78%
    expect(volMoveScale(DERIBIT_VOL_SCALING, 15 * DAY)).toBeCloseTo(1.231144, 6);
    expect(0.38 * volMoveScale(DERIBIT_VOL_SCALING, 15 * DAY)).toBeCloseTo(0.467835, 6);
    // at 30 days the grid's own move; beyond, the long-term power 0.13 (pme/simulate's long_term_vega_power):
    // (30/120)^0.13 = e^(0.13 * -1.386294) = e^-0.180218 = 0.835088
    expect(volMoveScale(DERIBIT_VOL_SCALING, 30 * DAY)).toBeCloseTo(1, 12);
    expect(volMoveScale(DERIBIT_VOL_SCALING, 120 * DAY)).toBeCloseTo(0.835088, 6);
    // no scaling, or an expired option: the move as given
    expect(volMoveScale(undefined, 15 * DAY)).toBe(1);
    expect(volMoveScale(DERIBIT_VOL_SCALING, 0)).toBe(1);
  });

  it('vol up 0.5 and down 0.25 (btc_usd), floored at min_volatility_for_shock_up 0.5 when up', () => {
    // 15 days, iv 60%: up 0.6 * (1 + 0.5 * 1.231144) = 0.6 * 1.615572 = 0.969343
    expect(scenarioSigma(0.6, 0.5, 15 * DAY, DERIBIT_VOL_SCALING)).toBeCloseTo(0.969343, 6);
    //                down 0.6 * (1 - 0.25 * 1.231144) = 0.6 * 0.692214 = 0.415328
    expect(scenarioSigma(0.6, -0.25, 15 * DAY, DERIBIT_VOL_SCALING)).toBeCloseTo(0.415328, 6);
    expect(scenarioSigma(0.6, 0, 15 * DAY, DERIBIT_VOL_SCALING)).toBe(0.6);
    // 120 days, iv 30%: up 0.3 * (1 + 0.5 * 0.835088) = 0.425263, below the 0.5 floor: 0.5
    expect(scenarioSigma(0.3, 0.5, 120 * DAY, DERIBIT_VOL_SCALING)).toBe(0.5);
    // a few hours to expiry: (30 / 0.25)^0.3 = 120^0.3 = 4.2004 > 4, so vol down would go below 0: floored at 0
    expect(scenarioSigma(0.6, -0.25, 0.25 * DAY, DERIBIT_VOL_SCALING)).toBe(0);
    // unscaled grids: iv * (1 + move)
    expect(scenarioSigma(0.6, 0.5, 15 * DAY, undefined)).toBeCloseTo(0.9, 15);
  });

  it('a short call 15 days out loses more on vol up than the flat grid says, and the Deribit grid carries the rule', () => {
    const grid = deribitGrid();
    expect(grid.volScaling).toEqual(DERIBIT_VOL_SCALING);
    expect(deribitGrid(0.16, 0.5, 0.25, null).volScaling).toBeUndefined();
    const rows = [optionRow({ qty: '-1', type: 'call', strike: '60000', mark: '3000', S: '60000', iv: '0.6', expiry: expiryIn(0, 15) })];
    const pnlAt = (g: typeof grid, index: number) => {
      const out = riskMatrix({ portfolio: { source: 't', rows }, asOf: AS_OF, grid: g });
      if (!out.ok) throw new Error(out.error);
      return out.result.units[0]!.pnl[index]!;
    };
    // scenario 12: price 0 (bucket 5 of 9), vol up. The short call loses BS(sigma up) - BS(0.6),
    // with sigma up = 0.969343 by hand above (0.9 on the flat grid); Black-Scholes itself is tested on Hull's examples
    const T = 15 * DAY;
    const today = bsPrice('call', 60000, 60000, T, 0, 0.6);
    expect(grid.scenarios[12]!.label).toBe('price 0%, vol up');
    expect(pnlAt(grid, 12)).toBeCloseTo(-(bsPrice('call', 60000, 60000, T, 0, 0.969343) - today), 1);
    expect(pnlAt(deribitGrid(0.16, 0.5, 0.25, null), 12)).toBeCloseTo(-(bsPrice('call', 60000, 60000, T, 0, 0.9) - today), 4);
    expect(pnlAt(grid, 12)).toBeLessThan(pnlAt(deribitGrid(0.16, 0.5, 0.25, null), 12));
  });
});

/** a mixed book: options (calls, puts, long and short, one deep in the money), perps and stable collateral */
function book(): PortfolioRow[] {
  return [
    spot('USDT', '250000', '1'),
    row({ symbol: 'BTCUSDT', qty: '-1.5', markPrice: '60000', entryPrice: '58000' }),
    optionRow({ qty: '-3', type: 'call', strike: '65000', mark: '2400', S: '60000', iv: '0.55', expiry: expiryIn(0, 20) }),
    optionRow({ qty: '-3', type: 'put', strike: '55000', mark: '1900', S: '60000', iv: '0.6', expiry: expiryIn(0, 20) }),
    optionRow({ qty: '2', type: 'put', strike: '50000', mark: '2600', S: '60000', iv: '0.65', expiry: expiryIn(0, 90) }),
    // marked below its model value: the grid's clamp at 0 comes into play on big rallies
    optionRow({ qty: '-10', type: 'put', strike: '2500', mark: '20', S: '3000', iv: '0.7', expiry: expiryIn(0, 45), underlying: 'ETH', symbol: 'ETH-2500-P' }),
    optionRow({ qty: '4', type: 'call', strike: '2000', mark: '1010', S: '3000', iv: '0.7', expiry: expiryIn(0, 45), underlying: 'ETH', symbol: 'ETH-2000-C' }),
  ];
}

const compound = (a: string, b: number) => new Dec(a).plus(1).times(new Dec(String(b)).plus(1)).minus(1).toFixed();

describe('the float64 risk matrix reconciles with the decimal engine', () => {
  it('every heatmap cell is the change of the margin balance the exact engine computes, to a thousandth of a dollar', () => {
    const rows = book();
    const compiled = compileBook({ source: 't', rows });
    const grid = rectangularGrid();
    fc.assert(
      fc.property(
        fc.record({ all: fc.constantFrom('0', '-0.05', '0.08'), volShock: fc.constantFrom('0', '0.1', '-0.2'), days: fc.constantFrom('0', '3', '12.5') }),
        fc.nat({ max: grid.scenarios.length - 1 }),
        (base, j) => {
          const scenario: Scenario = { ...EMPTY_SCENARIO, ...base };
          const out = riskMatrix({ portfolio: compiled, asOf: AS_OF, scenario, grid });
          if (!out.ok) throw new Error(out.error);
          const cellScenario: Scenario = { ...scenario, all: compound(base.all, grid.scenarios[j]!.price), volShock: compound(base.volShock, grid.scenarios[j]!.vol) };
          const before = new Dec(unitOf(evaluate(rows, { scenario })).marginBalance);
          const after = new Dec(unitOf(evaluate(rows, { scenario: cellScenario })).marginBalance);
          // float64 statistics (and a table CDF within 2e-10): a thousandth of a dollar on a book of ~500k USD notional
          expect(Math.abs(out.result.units[0]!.pnl[j]! - after.minus(before).toNumber())).toBeLessThan(1e-3);
        },
      ),
      { numRuns: 30 },
    );
  });
});
