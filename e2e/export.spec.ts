import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

test('the report exports as CSV (positions, units) and JSON under the scenario on screen', async ({ dashboard }) => {
  const { page } = dashboard;
  await dashboard.goto();
  await expect(dashboard.loadedFile).toHaveText('demo.csv');
  await page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true }).fill('-10');

  const positions = await downloaded(page, 'Positions CSV');
  expect(positions.name).toMatch(/^margin-radar-demo-.*-positions\.csv$/);
  expect(positions.text.charCodeAt(0)).toBe(0xfeff);
  const lines = positions.text.slice(1).split('\r\n').filter(Boolean);
  // one CSV record per position, and demo.csv holds one position per data line
  expect(lines[0]).toMatch(/^account,venue,unit,marginMode,/);
  expect(lines.length - 1).toBe(fs.readFileSync('public/samples/demo.csv', 'utf8').trim().split('\n').length - 1);

  const units = await downloaded(page, 'Units CSV');
  expect(units.text.slice(1).split('\r\n')[0]).toMatch(/^account,venue,unit,marginMode,collateral,/);

  const json = JSON.parse((await downloaded(page, 'Report JSON')).text) as { schema: string; scenario: { shocks: Record<string, string> } };
  expect(json.schema).toBe('margin-radar/report@1');
  expect(json.scenario.shocks).toEqual({ BTC: '-0.1' });
});

test('the printed page is the risk report: summary and unit cards, no controls', async ({ dashboard }) => {
  const { page } = dashboard;
  await dashboard.goto();
  await expect(dashboard.loadedFile).toHaveText('demo.csv');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('Margin Radar risk report')).toBeVisible();
  await expect(dashboard.unitCard('alpha', 'Cross')).toBeVisible();
  await expect(dashboard.portfolioInput).toBeHidden();
  await expect(page.getByRole('button', { name: 'Positions CSV' })).toBeHidden();
});
