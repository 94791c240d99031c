/** Time to expiry: ACT/365 on the instant, T = (expiry - valuation time) / 365 days (margin-model.md). */
const MS_PER_YEAR = 365 * 24 * 60 * 60 * 1000;
const DAYS_PER_YEAR = 365;

/** Years from the valuation time to expiry, after a what-if time shift of `days`; never below 0. */
export function yearsToExpiry(expiryIso: string, asOfIso: string, days = 0): number {
  const ms = Date.parse(expiryIso) - Date.parse(asOfIso);
  if (!Number.isFinite(ms)) throw new RangeError(`cannot read expiry ${expiryIso} or valuation time ${asOfIso}`);
  return Math.max(0, ms / MS_PER_YEAR - days / DAYS_PER_YEAR);
}
