import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatHealthFactor,
  formatMoney,
  formatPercent,
  formatPrice,
  formatQty,
  formatShock,
  formatTier,
  groupThousands,
} from './format';

describe('format', () => {
  it('groups thousands without touching the fraction', () => {
    expect(groupThousands('1234567.891234')).toBe('1,234,567.891234');
    expect(groupThousands('-1000')).toBe('-1,000');
    expect(groupThousands('999')).toBe('999');
  });

  it('formats money with 2 decimals, half-even, and no "-0.00"', () => {
    expect(formatMoney('26408')).toBe('26,408.00');
    expect(formatMoney('-1234.565')).toBe('-1,234.56'); // half-even: ...6|5 -> 6 stays even
    expect(formatMoney('0.125')).toBe('0.12');
    expect(formatMoney('-0.001')).toBe('0.00');
    expect(formatMoney('1408', { signed: true })).toBe('+1,408.00');
    expect(formatMoney(null)).toBe('—');
  });

  it('keeps money exact beyond float precision', () => {
    expect(formatMoney('12345678901234567.895')).toBe('12,345,678,901,234,567.90');
  });

  it('formats prices with sensible significant digits', () => {
    // (1000 - 10000) / (0.005 - 1) = 9045.2261306... (hand arithmetic)
    expect(formatPrice('9045.226130653266331658291457286432160804')).toBe('9,045.23');
    expect(formatPrice('63010')).toBe('63,010.00');
    expect(formatPrice('139.8')).toBe('139.80');
    expect(formatPrice('0.000012345678')).toBe('0.0000123457');
    expect(formatPrice('1')).toBe('1.00');
    expect(formatPrice(null)).toBe('—');
  });

  it('formats percentages and shocks', () => {
    expect(formatPercent('0.005')).toBe('0.50%');
    expect(formatPercent('0.0765432')).toBe('7.65%');
    expect(formatShock('-0.4123')).toBe('-41.23%');
    expect(formatShock('0.25')).toBe('+25.00%');
    expect(formatShock(null)).toBe('none');
  });

  it('rounds the health factor down and shows infinity for no exposure', () => {
    expect(formatHealthFactor('1.2499999')).toBe('1.24');
    expect(formatHealthFactor('1.5')).toBe('1.50');
    expect(formatHealthFactor('20')).toBe('20.00');
    expect(formatHealthFactor('12345.678')).toBe('12,345.67');
    expect(formatHealthFactor(null)).toBe('∞ (no exposure)');
  });

  it('formats quantities, amounts and tiers', () => {
    expect(formatQty('0.80')).toBe('0.8');
    expect(formatQty('-25000')).toBe('-25,000');
    expect(formatAmount('50')).toBe('50');
    expect(formatAmount('1250.567')).toBe('1,250.57');
    expect(formatTier(2, '0.005', '50')).toBe('2 · 0.50% − 50');
    expect(formatTier(null, '0.01', '0')).toBe('1.00% − 0');
    expect(formatTier(null, null, null)).toBe('—');
  });
});
