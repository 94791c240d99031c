import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepAlerts, type AlertRule } from '../../engine/alerts';
import type { FastUnitArrays, TableLayout } from '../../worker';
import { toAlertUnits } from './fastUnits';

/**
 * Leaving out the units no rule could hold for changes nothing the alert machine decides: the same
 * conditions hold (same keys, figures and events) as when every unit is stepped. Figures are drawn
 * on and right around the rule levels, where the float64 pre-check and the decimal decision meet.
 */
const LEVELS = ['1', '1.25', '1.3', '1.5', '0.05', '0.1', '0.2'];
const near = (level: string) => fc.oneof(fc.constant(Number(level)), fc.double({ min: Number(level) * 0.999999, max: Number(level) * 1.000001, noNaN: true }));
const figure = fc.oneof(...LEVELS.map(near), fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(Infinity), fc.constant(NaN));

const unit = fc.record({ hf: figure, status: fc.integer({ min: 0, max: 3 }), present: fc.boolean(), down: figure, up: figure, account: fc.constantFrom('a', 'b', 'c') });
const rule = fc.record({
  kind: fc.constantFrom<AlertRule['kind']>('hf-below', 'liquidation-within', 'margin-call'),
  value: fc.constantFrom(...LEVELS, 'not a number'),
  scoped: fc.boolean(),
});

describe('toAlertUnits with rules', () => {
  it('steps to the same conditions as every unit does', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 30 }), fc.array(rule, { minLength: 1, maxLength: 4 }), fc.boolean(), (drawn, drawnRules, withShocks) => {
        const layout = { account: drawn.map((u) => u.account), unit: drawn.map((_, i) => `isolated:X:${i}`) } as unknown as TableLayout;
        const units = {
          healthFactor: Float64Array.from(drawn, (u) => u.hf),
          status: Uint8Array.from(drawn, (u) => u.status),
          present: Uint8Array.from(drawn, (u) => (u.present ? 1 : 0)),
        } as unknown as FastUnitArrays;
        const shocks = withShocks ? { down: Float64Array.from(drawn, (u) => -Math.abs(u.down)), up: Float64Array.from(drawn, (u) => Math.abs(u.up)) } : null;
        const rules: AlertRule[] = drawnRules.map((r, n) => ({ id: `r${n}`, kind: r.kind, value: r.value, scope: r.scoped ? { account: 'b', unit: 'isolated:X:1' } : null }));
        const step = (list: ReturnType<typeof toAlertUnits>) => stepAlerts({ active: new Set(), rules, units: list, context: 'scenario' }).holding;
        expect(step(toAlertUnits(layout, units, new Map(), shocks, rules))).toEqual(step(toAlertUnits(layout, units, new Map(), shocks)));
      }),
      { numRuns: 500 },
    );
  });
});
