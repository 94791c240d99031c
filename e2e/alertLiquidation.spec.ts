import type { Page } from '@playwright/test';
import { expect, test } from './test';

const log = (page: Page) => page.getByRole('list', { name: 'Alert log' }).getByRole('listitem');

test('a distance-to-liquidation rule for every unit fires from the fast liquidation figures, today and under a shock', async ({ dashboard }) => {
  const { page } = dashboard;
  await dashboard.goto();
  await expect(dashboard.loadedFile).toHaveText('demo.csv');

  await page.getByRole('tab', { name: 'Alerts' }).click();
  await page.getByLabel('Alert when').selectOption({ label: 'Liquidation within (%)' });
  // 100%: every unit with a liquidation shock at all (a fall of at most 100%, a rise up to +1000%) within reach
  await page.getByLabel('Distance, %').fill('100');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByRole('list', { name: 'Alert rules' })).toContainText('Liquidation within 100.00% — every unit');
  await expect(log(page).filter({ hasText: /: liquidation \d+\.\d\d% away/ }).first()).toBeVisible();
  const today = await log(page).filter({ hasText: 'today' }).count();
  expect(today).toBeGreaterThan(0);

  // a shock is a new scenario: its units are checked too
  await page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true }).fill('-20');
  await expect(log(page).filter({ hasText: 'under the scenario' }).first()).toBeVisible();
});
