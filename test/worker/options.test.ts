import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPTY_SCENARIO } from '../../src/engine/types';
import { createEngineService } from '../../src/worker/service';
import { transferablesOf } from '../../src/worker/transfer';

const AS_OF = '2026-11-20T08:00:00Z';

function loaded() {
  const engine = createEngineService();
  const outcome = engine.load({ fileName: 'options.csv', content: readFileSync('public/samples/options.csv', 'utf8') });
  if (!outcome.ok) throw new Error('sample refused');
  return engine;
}

describe('option handlers of the worker protocol', () => {
  it('riskMatrix: the 21 x 11 heatmap as Float64Arrays, centred on the what-if', () => {
    const engine = loaded();
    const out = engine.riskMatrix({ scenario: EMPTY_SCENARIO, grid: 'heatmap', asOf: AS_OF });
    if (!out.ok) throw new Error(out.error);
    expect(out.grid.axes?.prices).toHaveLength(21);
    expect(out.grid.axes?.vols).toHaveLength(11);
    expect(out.total).toBeInstanceOf(Float64Array);
    expect(out.total).toHaveLength(231);
    // the centre cell (no price move, no vol move) is the what-if itself: PnL 0
    expect(out.total[10 * 11 + 5]).toBe(0);
    expect(out.units.map((u) => u.unit)).toEqual(['cross', 'cross']);
    expect(transferablesOf(out)).toHaveLength(3);
  });

  it('riskMatrix: a bad grid file is an error, not an exception', () => {
    const out = loaded().riskMatrix({ scenario: EMPTY_SCENARIO, grid: { fileName: 'g.json', text: '{' }, asOf: AS_OF });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatch(/^g\.json: expected JSON/);
  });

  it('greeks: per underlying, as decimal strings', () => {
    const out = loaded().greeks({ scenario: EMPTY_SCENARIO, asOf: AS_OF });
    if (!out.ok) throw new Error(out.error);
    expect(out.underlyings.map((u) => [u.underlying, u.options])).toEqual([['BTC', 3], ['ETH', 1]]);
    const btc = out.underlyings[0]!;
    // short straddle and covered call: short gamma, short vega, earning theta
    expect(Number(btc.gamma)).toBeLessThan(0);
    expect(Number(btc.vega)).toBeLessThan(0);
    expect(Number(btc.theta)).toBeGreaterThan(0);
  });
});
