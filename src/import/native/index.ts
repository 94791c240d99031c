import { BINANCE_POSITIONS } from './binance';
import { BYBIT_POSITIONS } from './bybit';
import { IBKR_FLEX_POSITIONS } from './ibkr';
import { OKX_POSITIONS } from './okx';
import { squash, type NativeProfile } from './types';

export type { NativeProfile, NativeTable, TransformResult } from './types';
export { squash } from './types';

/** Venue export layouts, most specific first (Bybit's Contracts + Qty before anything with a Qty). */
export const NATIVE_PROFILES: readonly NativeProfile[] = [IBKR_FLEX_POSITIONS, BYBIT_POSITIONS, BINANCE_POSITIONS, OKX_POSITIONS];

/** The layout whose fingerprint headers are all in the file, or null for a file of our own spelling. */
export function detectProfile(header: readonly string[]): NativeProfile | null {
  const present = new Set(header.map(squash));
  return NATIVE_PROFILES.find((p) => p.fingerprint.every((h) => present.has(h))) ?? null;
}
