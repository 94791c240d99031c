import { Dec } from '../engine/decimal';
import type { Thresholds } from '../engine/types';
import type { ThresholdInputs } from './scenarioSlice';

export type ThresholdCheck =
  | { ok: true; thresholds: Thresholds }
  | { ok: false; field: keyof ThresholdInputs; message: string };

function parse(text: string): InstanceType<typeof Dec> | null {
  const t = text.trim();
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  return new Dec(t);
}

/** margin-call >= 1 and target >= margin-call; only then do the thresholds reach the engine. */
export function validateThresholds(inputs: ThresholdInputs): ThresholdCheck {
  const marginCall = parse(inputs.marginCallHF);
  if (!marginCall) return { ok: false, field: 'marginCallHF', message: 'Margin-call level must be a number, e.g. 1.25.' };
  if (marginCall.lt(1)) return { ok: false, field: 'marginCallHF', message: 'Margin-call level must be at least 1 (HF 1 is liquidation).' };
  const target = parse(inputs.targetHF);
  if (!target) return { ok: false, field: 'targetHF', message: 'Target health factor must be a number, e.g. 1.5.' };
  if (target.lt(marginCall)) {
    return { ok: false, field: 'targetHF', message: 'Target health factor must be at least the margin-call level.' };
  }
  return { ok: true, thresholds: { targetHF: target.toFixed(), marginCallHF: marginCall.toFixed() } };
}
