import { Dec, ONE, ZERO } from '../decimal';
import type { ImpactModel } from './types';

/**
 * Market impact of forced flow on one underlying. Q is the cumulative net notional sold by the
 * cascade so far (negative: bought), measured at today's marks so that it counts quantity, and D
 * the depth. The price is the shocked price times a factor that depends on Q alone (a book that
 * does not refill during the cascade; docs/cascade.md):
 *
 *   linear:  I(Q) = 0.01 * Q / D                      (selling D moves the price 1%)
 *   sqrt:    I(Q) = sign(Q) * k * sqrt(|Q| / D)       (the square-root law; selling D moves it k)
 *   price factor  f(Q) = 1 - I(Q), kept within [MIN_FACTOR, MAX_FACTOR]
 *
 * Every forced trade of a round in that underlying fills at one price: the average of the price
 * along the path from Q_a (before the round) to Q_b (after), i.e. 1 - (1/(Q_b - Q_a)) * integral I:
 *
 *   linear:  avg I = 0.01 * (Q_a + Q_b) / (2 D)
 *   sqrt:    avg I = k / sqrt(D) * (2/3) * (|Q_b|^1.5 - |Q_a|^1.5) / (Q_b - Q_a)
 *
 * (the antiderivative of sign(q) * sqrt|q| is (2/3) |q|^1.5, valid across zero).
 * Results are rounded to RATIO_DP decimals, a price tick of 1e-12 of today's mark, so that every
 * product the accounting needs stays exact at the engine's 40 significant digits.
 */
export const RATIO_DP = 12;
export const MIN_FACTOR = new Dec('0.01');
export const MAX_FACTOR = new Dec(11);
const ONE_PERCENT = new Dec('0.01');
const TWO_THIRDS = new Dec(2).div(3);

export interface PreparedImpact {
  model: ImpactModel;
  depth: Dec;
  coefficient: Dec;
}

function clamp(f: Dec): Dec {
  return f.lt(MIN_FACTOR) ? MIN_FACTOR : f.gt(MAX_FACTOR) ? MAX_FACTOR : f;
}

function impactAt(spec: PreparedImpact, q: Dec): Dec {
  if (q.isZero()) return ZERO;
  if (spec.model === 'linear') return ONE_PERCENT.times(q).div(spec.depth);
  const size = q.abs().div(spec.depth).sqrt().times(spec.coefficient);
  return q.lt(0) ? size.neg() : size;
}

/** f(Q): the price factor after a cumulative net sale Q. */
export function priceFactor(spec: PreparedImpact | undefined, q: Dec): Dec {
  if (!spec) return ONE;
  return clamp(ONE.minus(impactAt(spec, q))).toDecimalPlaces(RATIO_DP);
}

/** The fill factor of a round that takes the cumulative sale from `from` to `to`. */
export function fillFactor(spec: PreparedImpact | undefined, from: Dec, to: Dec): Dec {
  if (!spec) return ONE;
  if (from.equals(to)) return priceFactor(spec, from);
  let average: Dec;
  if (spec.model === 'linear') {
    average = ONE_PERCENT.times(from.plus(to)).div(spec.depth.times(2));
  } else {
    const pow = (q: Dec) => q.abs().pow(1.5);
    average = spec.coefficient.div(spec.depth.sqrt()).times(TWO_THIRDS).times(pow(to).minus(pow(from))).div(to.minus(from));
  }
  return clamp(ONE.minus(average)).toDecimalPlaces(RATIO_DP);
}
