import type { Page } from '@playwright/test';
import { expect, test } from './test';

const btcField = (page: Page) => page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true });
const log = (page: Page) => page.getByRole('list', { name: 'Alert log' }).getByRole('listitem');

test('an HF rule fires once when a what-if crosses it, and again after a recovery', async ({ dashboard }) => {
  const { page } = dashboard;
  // the screen floors HF to 2 decimals: today's HF is at or above the shown value, so not below it
  const { alphaHF, today } = await dashboard.openDemoAlpha();

  await page.getByRole('tab', { name: 'Alerts' }).click();
  await page.getByLabel('Alert when').selectOption({ label: 'HF below' });
  await page.getByLabel('HF level').fill(today);
  await page.getByLabel('For unit').selectOption({ label: 'alpha · Cross' });
  await page.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByRole('list', { name: 'Alert rules' })).toContainText(`HF below ${today} — alpha · Cross`);
  await expect(log(page).filter({ hasText: 'alpha · Cross: HF' })).toHaveCount(0);

  // alpha is long BTC: a fall lowers its HF below today's
  await btcField(page).fill('-20');
  await expect(log(page).filter({ hasText: 'alpha · Cross: HF' })).toHaveCount(1);
  await expect(log(page).first()).toContainText('under the scenario');
  await btcField(page).fill('-25');
  await expect(alphaHF).not.toHaveText(today);
  await btcField(page).press('Tab');
  await expect(page.getByRole('list', { name: 'Active alerts' })).toContainText(`alpha · Cross: HF`);
  await expect(log(page).filter({ hasText: 'alpha · Cross: HF' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Reset to today' }).click();
  await expect(alphaHF).toHaveText(today);
  // alerts judge a scenario once it rests (a quarter of a second): the recovery clears the alert
  await expect(page.getByRole('list', { name: 'Active alerts' })).not.toContainText('alpha · Cross: HF');
  await btcField(page).fill('-20');
  await expect(log(page).filter({ hasText: 'alpha · Cross: HF' })).toHaveCount(2);
  await expect(page.getByRole('status', { name: 'Alerts' })).toContainText('alert');
});
