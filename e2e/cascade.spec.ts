import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './test';

test.describe('Liquidation cascade', () => {
  test('the 1,000-account book: a BTC and ETH fall starts a cascade with rounds and a table of liquidations', async ({ dashboard }, testInfo) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.sampleSelect.selectOption('cascade-1000.csv');
    await expect(dashboard.loadedFile).toHaveText('cascade-1000.csv');

    await page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true }).fill('-10');
    await page.getByRole('spinbutton', { name: 'ETH price move, %', exact: true }).fill('-10');

    await page.getByRole('tab', { name: 'Cascade' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Cascade' });
    await expect(panel.getByTestId('impact-formula')).toContainText('0.01·Q/D');
    await panel.getByLabel('Impact model').selectOption('sqrt');
    await expect(panel.getByTestId('impact-formula')).toContainText('k·√(Q/D)');
    await panel.getByLabel('Coefficient k').fill('0.02');
    await panel.getByLabel('BTC depth, USD').fill('2000000');
    await panel.getByLabel('ETH depth, USD').fill('1000000');
    await panel.getByLabel('Insurance fund, USD').fill('20000');
    await expect(panel.getByText(/^BTC -10(\.00)?%, ETH -10(\.00)?%$/)).toBeVisible();
    await panel.getByRole('button', { name: 'Run cascade' }).click();

    // a cascade: more than one round, each liquidating units
    await expect(panel.getByTestId('cascade-rounds')).toHaveText(/^\d+ rounds$/);
    const rounds = Number((await panel.getByTestId('cascade-rounds').innerText()).split(' ')[0]);
    expect(rounds).toBeGreaterThan(1);
    await expect(panel.getByText('Price by round, % from today\'s mark')).toBeVisible();
    await expect(panel.getByText('Health factor of units: at the shock vs after the cascade')).toBeVisible();
    const table = panel.getByRole('region', { name: 'Liquidations table, scrollable' }).getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Unit' })).toBeVisible();
    const first = table.getByRole('row').nth(1);
    await expect(first.getByRole('cell').nth(1)).toHaveText('1'); // round 1 first
    await expect(first.getByRole('cell').nth(2)).toHaveText(/^acct\d{4} · (cross|isolated \w+)$/);

    await panel.getByRole('heading', { name: 'Liquidated units, in order' }).scrollIntoViewIfNeeded();
    await page.getByRole('tab', { name: 'Cascade' }).scrollIntoViewIfNeeded();
    const file = path.join('e2e', 'artifacts', 'cascade.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const png = await panel.screenshot({ path: file });
    await testInfo.attach('cascade', { body: png, contentType: 'image/png' });
  });

  test('a bad parameter is refused with a message and nothing runs', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await page.getByRole('tab', { name: 'Cascade' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Cascade' });
    await panel.getByLabel('Insurance fund, USD').fill('-5');
    await panel.getByRole('button', { name: 'Run cascade' }).click();
    await expect(panel.getByRole('alert')).toHaveText('fund: expected an amount of 0 or more, found -5');
    await expect(panel.getByTestId('cascade-summary')).toHaveCount(0);
  });
});
