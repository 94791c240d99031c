import { expect, test } from './test';

test('an edited crash preset is saved with the workspace, survives a reload and still applies', async ({ dashboard }) => {
  const { page } = dashboard;
  await dashboard.goto();
  await expect(dashboard.loadedFile).toHaveText('demo.csv');
  await page.getByRole('tab', { name: 'Stress & VaR' }).click();
  const presetSelect = page.getByLabel('Preset', { exact: true });
  await presetSelect.selectOption({ label: 'Black Thursday (2020-03-12)' });

  await page.getByRole('button', { name: 'Edit a copy' }).click();
  await page.getByLabel('Name of your copy').fill('Slow bleed');
  // alpha holds 0.5 BTC spot and 0.8 BTC long: BTC −90% by hour 12 takes its cross unit down
  await page.getByLabel(/^Moves:/).fill('BTC: 0=0, 12=-90, 24=-90');
  await page.getByRole('button', { name: 'Save copy' }).click();
  await expect(presetSelect.locator('option:checked')).toHaveText('Slow bleed (2020-03-12) · yours');
  const table = page.getByRole('table', { name: 'Stress test: Slow bleed' });
  const alphaLiquidated = table.getByRole('row', { name: /^alpha · Cross/ }).getByRole('cell').nth(2);
  await expect(alphaLiquidated).toHaveText(/^yes, hour \d+/);
  const before = await alphaLiquidated.innerText();
  await expect(page.getByTestId('saved-state')).toHaveText('Saved in this browser.');

  await page.goto('/');
  await expect(dashboard.loadedFile).toHaveText('demo.csv');
  await page.getByRole('tab', { name: 'Stress & VaR' }).click();
  await presetSelect.selectOption({ label: 'Slow bleed (2020-03-12) · yours' });
  await expect(page.getByRole('table', { name: 'Stress test: Slow bleed' }).getByRole('row', { name: /^alpha · Cross/ }).getByRole('cell').nth(2)).toHaveText(before);
  await expect(page.getByRole('figure', { name: /Price path of Slow bleed/ })).toBeVisible();

  // editing your own preset saves in place; deleting it removes it from the list
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel(/^Moves:/).fill('BTC: 0=0, 24=-5');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('table', { name: 'Stress test: Slow bleed' }).getByRole('row', { name: /^alpha · Cross/ }).getByRole('cell').nth(2)).toHaveText('no');
  await page.getByRole('button', { name: 'Delete this preset' }).click();
  await expect(presetSelect.locator('option', { hasText: 'Slow bleed' })).toHaveCount(0);
});
