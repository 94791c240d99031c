import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/decimal';
import { EMPTY_SCENARIO, type PortfolioRow } from '../../../src/engine/types';
import { evaluate, positionOf, row, spot, unitOf } from '../helpers';
import { expiryIn, optionRow } from './book';

/** HF of the unit when the underlying is at `price` (every row of it moves by the same ratio). */
function hfAt(rows: PortfolioRow[], underlying: string, S: string, price: string): Dec {
  const shock = new Dec(price).div(S).minus(1).toFixed();
  const report = evaluate(rows, { scenario: { ...EMPTY_SCENARIO, shocks: [[underlying, shock]] } });
  return new Dec(unitOf(report).healthFactor!);
}

const expiry = expiryIn(0.25);

describe('liquidation prices of units with options', () => {
  it('a short straddle has two: one below and one above, the nearer is the liquidation price', () => {
    // short 1 call + 1 put at 60,000 (about 7,200 each at 60% vol, 3 months): MB = 40,000 - 14,400 > MM today
    const rows = [
      spot('USDT', '40000', '1'),
      optionRow({ qty: '-1', type: 'call', strike: '60000', mark: '7200', S: '60000', iv: '0.6', expiry }),
      optionRow({ qty: '-1', type: 'put', strike: '60000', mark: '7200', S: '60000', iv: '0.6', expiry }),
    ];
    const report = evaluate(rows);
    const call = positionOf(report, rows[1]!.symbol);
    expect(new Dec(unitOf(report).healthFactor!).gt(1)).toBe(true);
    expect(call.liquidationPrices).toHaveLength(2);
    const [down, up] = call.liquidationPrices!.map((p) => new Dec(p));
    expect(down!.lt(60000) && up!.gt(60000)).toBe(true);
    const nearer = down!.minus(60000).abs().lt(up!.minus(60000).abs()) ? down! : up!;
    expect(call.liquidationPrice).toBe(nearer.toFixed());
    for (const p of [down!, up!]) expect(hfAt(rows, 'BTC', '60000', p.toFixed()).minus(1).abs().toNumber()).toBeLessThan(1e-9);
  });

  it('"none" where no price qualifies: long options alone need no margin', () => {
    const rows = [spot('USDT', '1000', '1'), optionRow({ qty: '1', type: 'call', strike: '70000', mark: '900', S: '60000', iv: '0.6', expiry })];
    const p = positionOf(evaluate(rows), rows[1]!.symbol);
    expect(p.liquidationPrice).toBeNull();
    expect(p.liquidationPrices).toEqual([]);
  });

  it('a covered call is safe upwards: the long perp pays for the short call', () => {
    const rows = [
      spot('USDT', '3000', '1'),
      row({ symbol: 'BTCUSDT', qty: '1', markPrice: '60000', entryPrice: '60000' }),
      optionRow({ qty: '-1', type: 'call', strike: '70000', mark: '2500', S: '60000', iv: '0.6', expiry }),
    ];
    const p = positionOf(evaluate(rows), rows[2]!.symbol);
    expect(p.liquidationPrices!.every((x) => new Dec(x).lt(60000))).toBe(true);
  });

  const optionArb = fc.record({
    qty: fc.integer({ min: -300, max: 300 }).filter((n) => n !== 0).map((n) => (n / 100).toString()),
    type: fc.constantFrom('call' as const, 'put' as const),
    strike: fc.integer({ min: 40, max: 90 }).map((k) => String(k * 1000)),
    iv: fc.integer({ min: 30, max: 120 }).map((v) => String(v / 100)),
    markFactor: fc.integer({ min: 80, max: 120 }),
  });

  it('property: HF = 1 at every liquidation price found (relative error < 1e-9)', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60000 }), fc.array(optionArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: -100, max: 100 }), (usdt, options, perp) => {
        const rows: PortfolioRow[] = [spot('USDT', String(usdt), '1')];
        if (perp !== 0) rows.push(row({ symbol: 'BTCUSDT', qty: String(perp / 100), markPrice: '60000', entryPrice: '59000' }));
        for (const o of options) {
          // a mark near the model's: intrinsic value plus time value 0.1 * S * iv * sqrt(T), scaled by 0.8-1.2
          const intrinsic = Math.max(0, o.type === 'call' ? 60000 - Number(o.strike) : Number(o.strike) - 60000);
          const mark = ((intrinsic + 0.2 * 60000 * Number(o.iv) * 0.5) * o.markFactor) / 100;
          rows.push(optionRow({ qty: o.qty, type: o.type, strike: o.strike, mark: mark.toFixed(2), S: '60000', iv: o.iv, expiry }));
        }
        const report = evaluate(rows);
        const prices = positionOf(report, rows[rows.length - 1]!.symbol).liquidationPrices ?? [];
        found += prices.length;
        for (const price of prices) {
          const hf = hfAt(rows, 'BTC', '60000', price);
          if (hf.minus(1).abs().gt('1e-9')) return false;
        }
        return true;
      }),
      { numRuns: 20, seed: 4 },
    );
    expect(found).toBeGreaterThan(5); // the books do reach HF = 1 somewhere
  });
});
