import { describe, expect, it } from 'vitest';
import { stepAlerts, type AlertRule } from '../../src/engine/alerts';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO } from '../../src/engine/types';
import { toAlertUnits } from '../../src/features/alerts/fastUnits';
import { createEngineService } from '../../src/worker/service';

/**
 * The "distance to liquidation below Y%" alert on every unit, not only the riskiest ones that get
 * exact figures: the unit nearest liquidation here has the HIGHEST health factor of the book.
 *
 * Generic venue, fixed rates (mmr from the file), every account one BTC perp long of 1 BTC at
 * 50,000 (notional N = 50,000) with USDT collateral C, entry = mark.
 * - "safe" accounts: mmr 5%, C = 15,000: HF = 15000 / 2500 = 6. Liquidation shock down d:
 *   15000 - 50000 d = 0.05 * 50000 (1 - d)  =>  12500 = 47500 d  =>  d = 0.263157...;
 * - "near": mmr 0.4%, C = 3,000: HF = 3000 / 200 = 15, yet
 *   3000 - 50000 d = 0.004 * 50000 (1 - d)  =>  2800 = 49800 d  =>  d = 0.056224... (5.62%).
 * 25 safe accounts rank before "near" by HF, so "near" is not among the 24 riskiest.
 */
function book(): string {
  const lines = ['account,symbol,qty,entry_price,mark_price,mmr'];
  for (let i = 0; i < 25; i++) lines.push(`safe${i},USDT,15000,,1,`, `safe${i},BTCUSDT,1,50000,50000,0.05`);
  lines.push('near,USDT,3000,,1,', 'near,BTCUSDT,1,50000,50000,0.004');
  return `${lines.join('\n')}\n`;
}

describe('liquidation-within alert from the fast path, every unit', () => {
  const service = createEngineService();
  const loaded = service.load({ fileName: 'alerts.csv', content: book() });
  if (!loaded.ok) throw new Error('load failed');
  const args = { scenario: EMPTY_SCENARIO, thresholds: DEFAULT_THRESHOLDS };
  const layout = service.layout({})!;
  const fast = service.evaluateFast(args);
  const shocks = service.unitLiquidation(args);
  if (!fast.ok || !shocks.ok) throw new Error('engine failed');
  const within10: AlertRule = { id: 'w', kind: 'liquidation-within', value: '0.1', scope: null };

  it('the worker gives every unit its liquidation shock', () => {
    const near = layout.account.indexOf('near');
    expect(shocks.down[near]).toBeCloseTo(-2800 / 49800, 12);
    expect(shocks.down[layout.account.indexOf('safe3')]).toBeCloseTo(-12500 / 47500, 12);
    expect(Number.isNaN(shocks.up[near]!)).toBe(true);
  });

  it('fires for the unit 5.62% from liquidation though it is not among the 24 riskiest by HF', () => {
    const units = toAlertUnits(layout, fast.units, new Map(), { down: shocks.down, up: shocks.up });
    expect(units).toHaveLength(26);
    const { fired } = stepAlerts({ active: new Set(), rules: [within10], units, context: 'today' });
    expect(fired.map((f) => f.account)).toEqual(['near']);
    expect(Number(fired[0]!.figure)).toBeCloseTo(2800 / 49800, 9);
    // without the fast shocks (the old way: only exact units carry one) nothing fires
    expect(stepAlerts({ active: new Set(), rules: [within10], units: toAlertUnits(layout, fast.units, new Map(), null), context: 'today' }).fired).toEqual([]);
  });

  it('a 30% rule catches every unit; the shock follows the scenario (BTC -3% brings "near" to 2.7%)', () => {
    const all = stepAlerts({ active: new Set(), rules: [{ ...within10, value: '0.3' }], units: toAlertUnits(layout, fast.units, new Map(), shocks), context: 'today' });
    expect(all.fired).toHaveLength(26);
    // at BTC 48,500 (x = 0.97): MB = 3000 - 1500 = 1500, the shock from there solves
    // 1500 - 48500 s' = 0.004 * 48500 (1 - s')  =>  1306 = 48306 s'  =>  s' = 0.027036...
    const shocked = { scenario: { ...EMPTY_SCENARIO, shocks: [['BTC', '-0.03']] as Array<[string, string]> }, thresholds: DEFAULT_THRESHOLDS };
    const moved = service.unitLiquidation(shocked);
    if (!moved.ok) throw new Error(moved.error);
    expect(moved.down[layout.account.indexOf('near')]).toBeCloseTo(-1306 / 48306, 12);
  });
});
