/**
 * Display formatting of decimal strings. Figures arrive as full-precision strings and are rounded
 * here with decimal.js only: never parseFloat on money.
 */
import { Dec } from '../engine/decimal';

/** Shown where a figure does not exist. Negative numbers use ASCII '-' so copied figures paste into spreadsheets. */
const NONE = '—';
type Rounding = Parameters<Dec['toFixed']>[1];

function parse(value: string | null | undefined): Dec | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    const d = new Dec(value);
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

/** "1234567.891" -> "1,234,567.891" (the fraction part is left alone). */
export function groupThousands(plain: string): string {
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const [int = '0', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Fixed decimals, half-even, grouped; "-0.00" becomes "0.00". */
function fixed(d: Dec, decimals: number, rounding: Rounding = Dec.ROUND_HALF_EVEN): string {
  let s = d.toFixed(decimals, rounding);
  if (/^-0(\.0*)?$/.test(s)) s = s.slice(1);
  return groupThousands(s);
}

/** Money: 2 decimals, thousands separators. */
export function formatMoney(value: string | null | undefined, opts: { signed?: boolean } = {}): string {
  const d = parse(value);
  if (!d) return NONE;
  const s = fixed(d, 2);
  return opts.signed && d.gt(0) && s !== '0.00' ? `+${s}` : s;
}

/**
 * Prices: 2 decimals from 1,000 up; below that 6 significant digits (at least 2 decimals), so
 * 63010 -> "63,010.00", 139.8 -> "139.80", 0.000012345678 -> "0.0000123457".
 */
export function formatPrice(value: string | null | undefined): string {
  const d = parse(value);
  if (!d) return NONE;
  if (d.abs().gte(1000)) return fixed(d, 2);
  if (d.isZero()) return '0.00';
  const sig = d.toSignificantDigits(6, Dec.ROUND_HALF_EVEN);
  return fixed(sig, Math.min(12, Math.max(2, sig.decimalPlaces())));
}

/** Quantities: as precise as given (trailing zeros trimmed), grouped. */
export function formatQty(value: string | null | undefined): string {
  const d = parse(value);
  if (!d) return NONE;
  return groupThousands(d.toSignificantDigits(12, Dec.ROUND_HALF_EVEN).toFixed());
}

/** A plain amount without forced decimals: "50" -> "50", "1250.5" -> "1,250.5". */
export function formatAmount(value: string | null | undefined): string {
  const d = parse(value);
  if (!d) return NONE;
  return groupThousands(d.toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed());
}

/** A fraction as a percentage: "0.005" -> "0.50%". */
export function formatPercent(value: string | null | undefined, opts: { signed?: boolean; decimals?: number } = {}): string {
  const d = parse(value);
  if (!d) return NONE;
  const s = `${fixed(d.times(100), opts.decimals ?? 2)}%`;
  return opts.signed && d.gt(0) && !/^0\.0*%$/.test(s) ? `+${s}` : s;
}

/** Health factor: 2 decimals rounded DOWN, so the screen never shows a unit safer than it is. */
export function formatHealthFactor(value: string | null | undefined): string {
  if (value === null || value === undefined) return '∞ (no exposure)';
  const d = parse(value);
  if (!d) return NONE;
  return fixed(d, 2, Dec.ROUND_FLOOR);
}

/** A uniform move of all underlyings that liquidates: "-0.4123" -> "-41.23%", null -> "none". */
export function formatShock(value: string | null | undefined): string {
  if (value === null || value === undefined) return 'none';
  return formatPercent(value, { signed: true });
}

/** Tier: "2 · 0.50% − 50" (bracket, mmr, maintenance amount). */
export function formatTier(bracket: number | null, mmr: string | null, maintenanceAmount: string | null): string {
  if (mmr === null) return NONE;
  const head = bracket === null ? '' : `${bracket} · `;
  return `${head}${formatPercent(mmr)} − ${formatAmount(maintenanceAmount ?? '0')}`;
}

/** Sign of a decimal string for colouring: -1, 0, 1; 0 for null. */
export function signOf(value: string | null | undefined): -1 | 0 | 1 {
  const d = parse(value);
  if (!d || d.isZero()) return 0;
  return d.gt(0) ? 1 : -1;
}

export { NONE as EMPTY_FIGURE };
