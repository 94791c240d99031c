import type { Dec } from '../decimal';
import { toFloat } from './float';
import type { Plan } from './plan';
import { LIQUIDATION_KINDS, type CascadeResult, type HfHistogram } from './types';

/**
 * The event log of a run, kept as growable columns so that 100k liquidations cross the worker
 * boundary as a few typed arrays. Numbers here are for display (tables, charts): float64 copies of
 * decimal figures; the exact totals are the rounds' strings.
 */
export class Events {
  private round: number[] = [];
  private unit: number[] = [];
  private kind: number[] = [];
  private values: number[][] = [[], [], [], [], [], [], [], []];
  private adlUnit: number[] = [];
  private adlRound: number[] = [];
  private adlAmount: number[] = [];

  /** One liquidation; `slippage` is already a display figure (the round books it exactly, per price group). */
  liquidation(round: number, unit: number, plan: Plan, slippage: number, fee: Dec, deficit: Dec, fundPaid: Dec, adlPaid: Dec): void {
    this.round.push(round);
    this.unit.push(unit);
    this.kind.push(LIQUIDATION_KINDS.indexOf(plan.kind));
    const v = this.values;
    v[0]!.push(plan.hf);
    v[1]!.push(toFloat(plan.notional));
    v[2]!.push(toFloat(fee));
    v[3]!.push(slippage);
    v[4]!.push(toFloat(deficit));
    v[5]!.push(toFloat(fundPaid));
    v[6]!.push(toFloat(adlPaid));
    v[7]!.push(plan.collateral.isZero() ? 0 : toFloat(plan.collateral));
  }

  adl(unit: number, round: number, amount: Dec): void {
    this.adlUnit.push(unit);
    this.adlRound.push(round);
    this.adlAmount.push(toFloat(amount));
  }

  /** Unit indices are renumbered into a short `names` list of the units that appear. */
  columns(units: number, nameOf: (unit: number) => string): Pick<CascadeResult, 'names' | 'liquidations' | 'adl'> {
    const index = new Int32Array(units).fill(-1);
    const names: string[] = [];
    const local = (u: number) => {
      let i = index[u]!;
      if (i < 0) {
        i = names.length;
        index[u] = i;
        names.push(nameOf(u));
      }
      return i;
    };
    const v = this.values.map((col) => Float64Array.from(col));
    return {
      names,
      liquidations: {
        round: Int32Array.from(this.round),
        unit: Int32Array.from(this.unit, local),
        kind: Uint8Array.from(this.kind),
        hfBefore: v[0]!,
        notional: v[1]!,
        fee: v[2]!,
        slippage: v[3]!,
        deficit: v[4]!,
        fundPaid: v[5]!,
        adlPaid: v[6]!,
        collateralSold: v[7]!,
      },
      adl: { unit: Int32Array.from(this.adlUnit, local), round: Int32Array.from(this.adlRound), amount: Float64Array.from(this.adlAmount) },
    };
  }

  adlUnitsOfRound(round: number): number[] {
    return this.adlUnit.filter((_, i) => this.adlRound[i] === round);
  }
}

/** HF bins: fine around 1, where a cascade decides; the last bin is open above. */
export const HF_BINS = [0, 0.5, 0.8, 0.9, 1, 1.05, 1.1, 1.25, 1.5, 2, 3, 5];

/** Counts of units per HF bin before and after (float HF of the screen: a distribution). */
export function histogram(before: Float64Array, after: Float64Array): HfHistogram {
  const count = (hf: Float64Array) => {
    const bins = HF_BINS.map(() => 0);
    let none = 0;
    for (const h of hf) {
      if (Number.isNaN(h)) {
        none++;
        continue;
      }
      let i = HF_BINS.length - 1;
      while (i > 0 && h < HF_BINS[i]!) i--;
      bins[i]!++;
    }
    return { bins, none };
  };
  const b = count(before);
  const a = count(after);
  return { lo: HF_BINS.slice(), before: b.bins, after: a.bins, noneBefore: b.none, noneAfter: a.none };
}
