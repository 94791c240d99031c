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
