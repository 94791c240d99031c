import { Dec, ONE, readDecimalText } from '../decimal';
import type { PreparedImpact } from './impact';
import type { CascadeParams } from './types';

export interface PreparedParams {
  impact: Map<string, PreparedImpact>;
  feeRate: Dec;
  fund: Dec;
  partialTarget: Dec | null;
  maxRounds: number;
}

export const MAX_ROUNDS = 100;
const DEFAULT_SQRT_COEFFICIENT = new Dec('0.01');

function num(text: string, what: string): Dec {
  const value = readDecimalText(text);
  if (!value) throw new RangeError(`${what}: expected a number, found "${text}"`);
  return value;
}

/** Checks the cascade's parameters; a message that names the parameter otherwise. */
export function prepareParams(params: CascadeParams): { ok: true; params: PreparedParams } | { ok: false; error: string } {
  try {
    const impact = new Map<string, PreparedImpact>();
    for (const spec of params.impact) {
      const name = spec.underlying.trim().toUpperCase();
      const depth = num(spec.depth, `depth ${name}`);
      if (!depth.gt(0)) throw new RangeError(`depth ${name}: expected an amount above 0, found ${spec.depth}`);
      const coefficient = spec.coefficient === undefined ? DEFAULT_SQRT_COEFFICIENT : num(spec.coefficient, `impact coefficient ${name}`);
      if (!coefficient.gt(0)) throw new RangeError(`impact coefficient ${name}: expected a number above 0, found ${spec.coefficient ?? ''}`);
      if (spec.model !== 'linear' && spec.model !== 'sqrt') throw new RangeError(`impact model ${name}: expected linear or sqrt, found ${String(spec.model)}`);
      impact.set(name, { model: spec.model, depth, coefficient });
    }
    const feeRate = num(params.feeRate, 'fee');
    if (feeRate.lt(0) || feeRate.gte(ONE)) throw new RangeError(`fee: expected a fraction in [0, 1), found ${params.feeRate}`);
    const fund = num(params.fund, 'fund');
    if (fund.lt(0)) throw new RangeError(`fund: expected an amount of 0 or more, found ${params.fund}`);
    let partialTarget: Dec | null = null;
    if (params.partial.kind === 'to-target') {
      partialTarget = num(params.partial.targetHF, 'partial-liquidation target HF');
      if (!partialTarget.gt(ONE)) throw new RangeError(`partial-liquidation target HF: expected above 1, found ${params.partial.targetHF}`);
    }
    const maxRounds = params.maxRounds;
    if (!Number.isInteger(maxRounds) || maxRounds < 1 || maxRounds > MAX_ROUNDS) {
      throw new RangeError(`rounds: expected a whole number from 1 to ${MAX_ROUNDS}, found ${maxRounds}`);
    }
    return { ok: true, params: { impact, feeRate, fund, partialTarget, maxRounds } };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
