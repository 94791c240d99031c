import { Dec, ZERO } from '../decimal';
import type { OptionType } from '../types';

/**
 * Deribit's standard margin for options (margin-model.md, Venues), written in Deribit's units of the
 * underlying per contract of 1 underlying unit:
 *   short call  IM = max(0.15 - OTM / S, 0.10) + mark          MM = 0.075 + mark
 *   short put   IM = max(max(0.15 - OTM / S, 0.10) + mark, MM) MM = max(0.075, 0.075 * mark) + mark
 *   long        none (the premium is paid)
 * with OTM = max(K - S, 0) for a call and max(S - K, 0) for a put and the mark in units of the
 * underlying. Source: Deribit's "Margin requirements" for inverse options, as reproduced in TSLab's
 * "Deribit Margin Requirements Calculation" page (with Deribit's worked spreadsheet); Aevo's
 * "Standard Margin" documents the same shape. Here every price is in the quote currency, so both
 * sides are multiplied by S: IM = max(0.15 S - OTM, 0.10 S) + M and MM = 0.075 S + M (call),
 * MM = max(0.075 S, 0.075 M) + M (put), per unit of underlying, times |q| * contract size.
 */
const IM_BASE = new Dec('0.15');
const IM_FLOOR = new Dec('0.10');
const MM_BASE = new Dec('0.075');

export interface DeribitOptionInput {
  type: OptionType;
  /** signed quantity times contract size, in units of the underlying */
  size: Dec;
  /** underlying price S and option mark M, quote currency per unit of underlying */
  underlyingPrice: Dec;
  strike: Dec;
  mark: Dec;
}

export function deribitOptionMargin({ type, size, underlyingPrice: S, strike: K, mark: M }: DeribitOptionInput): { im: Dec; mm: Dec } {
  if (!size.lt(0)) return { im: ZERO, mm: ZERO };
  const units = size.abs();
  const otm = Dec.max(type === 'call' ? K.minus(S) : S.minus(K), ZERO);
  const im = Dec.max(IM_BASE.times(S).minus(otm), IM_FLOOR.times(S)).plus(M);
  if (type === 'call') return { im: im.times(units), mm: MM_BASE.times(S).plus(M).times(units) };
  const mm = Dec.max(MM_BASE.times(S), MM_BASE.times(M)).plus(M);
  return { im: Dec.max(im, mm).times(units), mm: mm.times(units) };
}
