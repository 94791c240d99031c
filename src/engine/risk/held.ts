import type { ExposureModel } from './exposure';

/**
 * Option rows in risk runs: a priced option (strike, iv, expiry, underlying price) is repriced on
 * every path step by Black-Scholes (repriced.ts); an option row without those terms cannot be
 * priced and is held at its mark, as the decimal engine holds it. This is the one note that says so.
 */
export const HELD_NOTE = 'options without model terms (strike, iv, expiry) are held at their mark in stress tests and VaR; priced options are repriced by Black-Scholes';

/** The warning of a model that holds option rows at their mark, or null. */
export function heldNote(model: ExposureModel): string | null {
  return model.heldOptions > 0 ? `${model.heldOptions} option row(s): ${HELD_NOTE}` : null;
}
