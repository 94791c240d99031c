import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type Scenario } from '../../src/engine/types';
import { createEngineService } from '../../src/worker/service';

/**
 * The charts handler on the worker's fast session. Binance, 500 USDT and 0.04 BTC long at 50,000
 * (tier 1: mmr 0.4%, cum 0, notional 2,000x far below the 50,000 cap).
 * Today: MB = 500 + 0.04 (50000x - 50000) = 2000x - 1500, MM = 0.004 * 2000x = 8x: HF = 1 at x = 1500 / 1992.
 * Half of line 3 cut at the mark (nothing realised): MB = 500 + 0.02 (50000x - 50000) = 1000x - 500,
 * MM = 4x: HF = 1 at x = 500 / 996 (the Binance FAQ's 25,100.40).
 */
const csv = 'account,venue,symbol,qty,entry_price,mark_price\nmain,binance,USDT,500,,1\nmain,binance,BTCUSDT,0.04,50000,50000\n';

function service() {
  const s = createEngineService();
  const loaded = s.load({ fileName: 'faq.csv', content: csv });
  if (!loaded.ok) throw new Error('load failed');
  return s;
}

function btcMove(s: ReturnType<typeof service>, scenario: Scenario): number {
  const outcome = s.charts({ scenario, thresholds: DEFAULT_THRESHOLDS, unit: null });
  if (!outcome.ok) throw new Error(outcome.error);
  const i = outcome.charts.ladder.labels.findIndex((l) => l.includes('BTCUSDT'));
  return outcome.charts.ladder.move[i]!;
}

describe('charts handler on the fast session', () => {
  it('the ladder has the report liquidation price today and under a cut (cuts move it, as in the report)', () => {
    const s = service();
    expect(btcMove(s, EMPTY_SCENARIO)).toBeCloseTo(1500 / 1992 - 1, 12);
    const cut: Scenario = { ...EMPTY_SCENARIO, cuts: [['line:3', '0.5']] };
    expect(btcMove(s, cut)).toBeCloseTo(500 / 996 - 1, 12);
    const report = s.evaluate({ scenario: cut, thresholds: DEFAULT_THRESHOLDS });
    if (!report.ok) throw new Error(report.error);
    const lp = report.report.accounts[0]!.units[0]!.positions[1]!.liquidationPrice!;
    expect(new Dec(lp).minus(new Dec(500).div(996).times(50000)).abs().lt('1e-20')).toBe(true);
  });

  it('PnL by underlying and the picker come from the same scenario; a bad scenario is a message', () => {
    const s = service();
    const outcome = s.charts({ scenario: { ...EMPTY_SCENARIO, all: '-0.1' }, thresholds: DEFAULT_THRESHOLDS, unit: null });
    if (!outcome.ok) throw new Error(outcome.error);
    // 0.04 * (45000 - 50000) = -200; HF at x = 0.9: (1800 - 1500) / 7.2 = 41.666...
    expect(outcome.charts.pnl.find((p) => p.underlying === 'BTC')!.pnl).toBe('-200');
    expect(outcome.charts.units[0]!.hf).toBeCloseTo(300 / 7.2, 9);
    expect(outcome.charts.curve!.currentHF).toBe(new Dec(300).div('7.2').toFixed());
    const bad = s.charts({ scenario: { ...EMPTY_SCENARIO, all: '-1' }, thresholds: DEFAULT_THRESHOLDS, unit: null });
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('shock all') as unknown as string });
  });
});
