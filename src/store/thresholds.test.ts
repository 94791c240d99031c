import { describe, expect, it } from 'vitest';
import { validateThresholds } from './thresholds';

describe('validateThresholds', () => {
  it('accepts the defaults and normalises the text', () => {
    expect(validateThresholds({ targetHF: '1.5', marginCallHF: '1.25' })).toEqual({ ok: true, thresholds: { targetHF: '1.5', marginCallHF: '1.25' } });
    expect(validateThresholds({ targetHF: ' 1.50 ', marginCallHF: '1' })).toEqual({ ok: true, thresholds: { targetHF: '1.5', marginCallHF: '1' } });
  });

  it('requires margin-call >= 1', () => {
    expect(validateThresholds({ targetHF: '1.5', marginCallHF: '0.99' })).toMatchObject({ ok: false, field: 'marginCallHF' });
  });

  it('requires target >= margin-call (equal is allowed)', () => {
    expect(validateThresholds({ targetHF: '1.2', marginCallHF: '1.25' })).toMatchObject({ ok: false, field: 'targetHF' });
    expect(validateThresholds({ targetHF: '1.25', marginCallHF: '1.25' }).ok).toBe(true);
  });

  it('refuses text that is not a plain number', () => {
    for (const bad of ['', 'abc', '1,5', '-1', 'Infinity', 'NaN', '1e2']) {
      expect(validateThresholds({ targetHF: '2', marginCallHF: bad }).ok, bad).toBe(false);
    }
  });
});
