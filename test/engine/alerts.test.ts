import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionFigure, liquidationDistance, stepAlerts, type AlertRule, type UnitFigures } from '../../src/engine/alerts';

const unit = (hf: string | null, extra: Partial<UnitFigures> = {}): UnitFigures => ({
  account: 'alpha',
  unit: 'Cross',
  healthFactor: hf,
  status: 'ok',
  liquidationShock: { down: null, up: null },
  ...extra,
});
const hfBelow: AlertRule = { id: 'r1', kind: 'hf-below', value: '1.3', scope: null };

describe('alert conditions', () => {
  it('HF below a level: strictly below, and no HF (no exposure) never alerts', () => {
    expect(conditionFigure(hfBelow, unit('1.29'))).toBe('1.29');
    expect(conditionFigure(hfBelow, unit('1.3'))).toBeNull();
    expect(conditionFigure(hfBelow, unit(null))).toBeNull();
  });

  it('distance to liquidation is the nearer of the two unit shocks', () => {
    // down -0.08 (8% fall) and up 0.25 (25% rise): the nearer is 8%
    expect(liquidationDistance({ down: '-0.08', up: '0.25' })).toBe('0.08');
    expect(liquidationDistance({ down: null, up: '0.3' })).toBe('0.3');
    expect(liquidationDistance({ down: null, up: null })).toBeNull();
    const within10: AlertRule = { id: 'r2', kind: 'liquidation-within', value: '0.1', scope: null };
    expect(conditionFigure(within10, unit('1.1', { liquidationShock: { down: '-0.08', up: null } }))).toBe('0.08');
    expect(conditionFigure(within10, unit('1.4', { liquidationShock: { down: '-0.12', up: null } }))).toBeNull();
  });

  it('margin call: the status reaches margin_call or liquidation', () => {
    const rule: AlertRule = { id: 'r3', kind: 'margin-call', value: '', scope: null };
    expect(conditionFigure(rule, unit('1.4', { status: 'warning' }))).toBeNull();
    expect(conditionFigure(rule, unit('1.2', { status: 'margin_call' }))).toBe('margin_call');
    expect(conditionFigure(rule, unit('0.9', { status: 'liquidation' }))).toBe('liquidation');
  });

  it('a scoped rule looks at its unit only', () => {
    const scoped: AlertRule = { ...hfBelow, scope: { account: 'beta', unit: 'Cross' } };
    expect(conditionFigure(scoped, unit('1.0'))).toBeNull();
    expect(conditionFigure(scoped, unit('1.0', { account: 'beta' }))).toBe('1.0');
  });
});

describe('alerts fire once per crossing', () => {
  it('fires on the crossing, stays quiet while below, fires again after recovering', () => {
    const hfs = ['1.5', '1.25', '1.2', '1.1', '1.4', '1.2'];
    let active: ReadonlySet<string> = new Set();
    const firedAt: number[] = [];
    hfs.forEach((hf, i) => {
      const step = stepAlerts({ active, rules: [hfBelow], units: [unit(hf)], context: 'scenario' });
      if (step.fired.length > 0) firedAt.push(i);
      active = step.active;
    });
    // below 1.3 at steps 1, 2, 3 (one crossing) and 5 (after 1.4 at step 4)
    expect(firedAt).toEqual([1, 5]);
  });

  it('today and the scenario are separate conditions', () => {
    const first = stepAlerts({ active: new Set(), rules: [hfBelow], units: [unit('1.2')], context: 'today' });
    expect(first.fired.map((f) => f.context)).toEqual(['today']);
    const second = stepAlerts({ active: first.active, rules: [hfBelow], units: [unit('1.1')], context: 'scenario' });
    expect(second.fired.map((f) => f.context)).toEqual(['scenario']);
    // the today condition is carried over, not cleared, by a scenario step
    const again = stepAlerts({ active: second.active, rules: [hfBelow], units: [unit('1.2')], context: 'today' });
    expect(again.fired).toEqual([]);
  });

  it('property: repeating the same recompute never fires twice', () => {
    const hf = fc.option(fc.integer({ min: 0, max: 400 }).map((n) => (n / 100).toString()), { nil: null });
    fc.assert(
      fc.property(fc.array(hf, { minLength: 1, maxLength: 8 }), (hfs) => {
        const units = hfs.map((h, i) => unit(h, { unit: `U${i}` }));
        const once = stepAlerts({ active: new Set(), rules: [hfBelow], units, context: 'today' });
        const twice = stepAlerts({ active: once.active, rules: [hfBelow], units, context: 'today' });
        expect(twice.fired).toEqual([]);
        expect(twice.active).toEqual(once.active);
      }),
    );
  });
});
