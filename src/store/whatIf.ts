import { Dec } from '../engine/decimal';
import { useAppStore } from './index';

/** Adds an amount to the account's collateral what-if (summing with what is already there). */
export function applyCollateralWhatIf(account: string, amount: string): void {
  const { scenario, setScenario } = useAppStore.getState();
  const existing = scenario.addCollateral.find(([name]) => name === account)?.[1] ?? '0';
  const total = new Dec(existing).plus(amount).toFixed();
  const others = scenario.addCollateral.filter(([name]) => name !== account);
  setScenario({ ...scenario, addCollateral: [...others, [account, total]] });
}

/**
 * Closes a further fraction of what a cut key names (engine/cuts.ts), compounding with a cut
 * already there: the row keeps (1 - old)(1 - new). The suggested fraction is rounded up at 12
 * decimals, so the unit lands at its target HF or a hair above, never a hair below.
 */
export function applyCutWhatIf(key: string, fraction: string): void {
  const { scenario, setScenario } = useAppStore.getState();
  const cuts = scenario.cuts ?? [];
  const existing = cuts.find(([k]) => k === key)?.[1] ?? '0';
  const more = new Dec(fraction).toDecimalPlaces(12, Dec.ROUND_UP);
  const total = new Dec(1).minus(new Dec(1).minus(existing).times(new Dec(1).minus(more))).toFixed();
  setScenario({ ...scenario, cuts: [...cuts.filter(([k]) => k !== key), [key, total]] });
}
