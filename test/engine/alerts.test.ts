import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/engine/decimal';
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

describe('alert conditions decided in float64 where clear, in decimal where close', () => {
  // the decimal definition (margin-model.md levels): HF below the level; nearest liquidation move below the level
  const reference = (rule: AlertRule, u: UnitFigures): string | null => {
    if (rule.kind === 'hf-below') return u.healthFactor !== null && new Dec(u.healthFactor).lt(rule.value) ? u.healthFactor : null;
    const d = liquidationDistance(u.liquidationShock);
    return d !== null && new Dec(d).lt(rule.value) ? d : null;
  };
  // figures at, just off (beyond float64's 17 digits) and clearly off the level
  const near = (level: string) =>
    fc.constantFrom('0', '1e-25', '-1e-25', '1e-15', '-1e-15', '0.01', '-0.01', '0.000000000001').map((d) => new Dec(level).plus(d).toFixed());
  const level = fc.constantFrom('1.3', '0.1', '1.25', '0.05');

  it('hf-below: the same answer as comparing decimals, for figures a hair either side of the level', () => {
    fc.assert(
      fc.property(level.chain((l) => fc.tuple(fc.constant(l), near(l))), ([l, hf]) => {
        const rule: AlertRule = { id: 'r', kind: 'hf-below', value: l, scope: null };
        expect(conditionFigure(rule, unit(hf))).toBe(reference(rule, unit(hf)));
      }),
    );
  });

  it('liquidation-within: the same answer and figure as comparing decimals, for moves a hair either side', () => {
    fc.assert(
      fc.property(level.chain((l) => fc.tuple(fc.constant(l), near(l), near(l), fc.boolean())), ([l, a, b, upToo]) => {
        const rule: AlertRule = { id: 'r', kind: 'liquidation-within', value: l, scope: null };
        const u = unit('1.1', { liquidationShock: { down: `-${a}`.replace('--', ''), up: upToo ? b : null } });
        expect(conditionFigure(rule, u)).toBe(reference(rule, u));
      }),
    );
  });

  it('stepAlerts lists every condition that holds, and fires the new ones only', () => {
    const rules: AlertRule[] = [hfBelow];
    const first = stepAlerts({ active: new Set(), rules, units: [unit('1.2')], context: 'today' });
    expect(first.holding.map((e) => e.figure)).toEqual(['1.2']);
    expect(first.fired).toEqual(first.holding);
    const again = stepAlerts({ active: first.active, rules, units: [unit('1.1')], context: 'today' });
    expect(again.holding.map((e) => e.figure)).toEqual(['1.1']);
    expect(again.fired).toEqual([]);
  });
});
