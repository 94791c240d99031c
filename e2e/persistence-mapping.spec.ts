import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { fixture } from './pages/dashboard';
import { expect, test } from './test';

/** The step for odd-headers.csv: "Fair" is the one required column the importer cannot guess. */
async function mapOddHeaders(page: Page): Promise<void> {
  const step = page.getByRole('region', { name: 'Map the columns of odd-headers.csv' });
  await expect(step).toBeVisible();
  await step.getByLabel(/^mark_price/).selectOption('Fair');
  await expect(step.getByRole('status')).toContainText('3 holdings in 1 account would load');
  await step.getByRole('button', { name: 'Load' }).click();
  await expect(step).toHaveCount(0);
}

/** A reload that cannot lean on the mapping remembered in localStorage: only IndexedDB is left. */
async function reloadWithoutRememberedMappings(page: Page): Promise<void> {
  await expect(page.getByTestId('saved-state')).toHaveText('Saved in this browser.');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
}

test.describe('Persistence of mapped and multi-file portfolios', () => {
  test('a file loaded through the mapping step comes back with its mapping after a reload', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.drop('odd-headers.csv');
    await mapOddHeaders(page);
    await expect(dashboard.loadedFile).toHaveText('odd-headers.csv');

    await reloadWithoutRememberedMappings(page);
    await expect(dashboard.loadedFile).toHaveText('odd-headers.csv');
    await expect(dashboard.refused).toHaveCount(0);
    await expect(page.getByRole('region', { name: /Map the columns/ })).toHaveCount(0);
    // 0.5 x (63,010 - 61,250) = +880.00; short 4 x (3,420 - 3,390.5) = +118.00
    expect(await dashboard.cellText('BTCUSDT', 'PnL')).toContain('880.00');
    expect(await dashboard.cellText('ETHUSDT', 'PnL')).toContain('118.00');
  });

  test('files loaded together come back together after a reload, and travel in the workspace file', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.drop('binance-positionRisk-v2.json', 'odd-headers.csv');
    await mapOddHeaders(page);
    const both = 'binance-positionRisk-v2.json + odd-headers.csv';
    await expect(dashboard.loadedFile).toHaveText(both);

    await reloadWithoutRememberedMappings(page);
    await expect(dashboard.loadedFile).toHaveText(both);
    await expect(dashboard.refused).toHaveCount(0);
    // the mapped CSV: 0.5 x (63,010 - 61,250) = +880.00 (the JSON's BTCUSDT is flat)
    expect(await dashboard.cellText('BTCUSDT', 'PnL')).toContain('880.00');
    // the JSON: 20 ETHUSDT x (6,679.50671178 - 6,563.665) = +2,316.83
    await expect(dashboard.positions.getByRole('row').filter({ hasText: '2,316.83' })).toHaveCount(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export workspace' }).click();
    const file = await (await download).path();
    type Part = { fileName: string; base64: string; mapping?: Record<string, string> };
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; workspace: { portfolio: { fileName: string; parts: Part[] } } };
    expect(saved.version).toBe(3);
    expect(saved.workspace.portfolio.fileName).toBe(both);
    const [json, csv] = saved.workspace.portfolio.parts;
    expect(json?.fileName).toBe('binance-positionRisk-v2.json');
    expect(json?.mapping).toBeUndefined();
    expect(csv?.fileName).toBe('odd-headers.csv');
    expect(csv?.mapping?.mark_price).toBe('Fair');
    expect(Buffer.from(csv!.base64, 'base64').toString('utf8')).toBe(fs.readFileSync(fixture('odd-headers.csv'), 'utf8'));

    // imported back as a new workspace: the same two files load as one portfolio
    await page.getByLabel('Import workspace (JSON)').setInputFiles(file);
    await expect(page.getByLabel('Current workspace').locator('option:checked')).toHaveText('Workspace 1 (2)');
    await expect(dashboard.loadedFile).toHaveText(both);
    // the same name was on screen before the import: wait on the rows themselves (the table redraws)
    await expect(dashboard.positionRow('BTCUSDT')).toContainText('880.00');
    await expect(dashboard.positions.getByRole('row').filter({ hasText: '2,316.83' })).toHaveCount(1);
    await expect(dashboard.refused).toHaveCount(0);
  });
});
