import fs from 'node:fs';
import path from 'node:path';
import { generatePortfolioCsv } from '../bench/generate';
import { expect, test } from './test';

test('remediation: "Try it" on the cut brings beta to its target HF, and the bar names the cut', async ({ dashboard }) => {
  const { page } = dashboard;
  await dashboard.goto();
  // demo.csv, beta (cross): MB 1,161.4625, MM 893.15 => HF 1.30; cutting every perp to MM = MB / 1.5 gives HF 1.50
  const beta = dashboard.unitCard('beta', 'Cross');
  await expect(dashboard.healthFactor(beta)).toHaveText('1.30');
  await beta.getByRole('button', { name: 'Try it: close part of every position' }).click();
  await expect(dashboard.healthFactor(beta)).toHaveText('1.50');
  await expect(beta.getByRole('region', { name: /back to HF/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Scenario active' })).toContainText("of beta's cross positions");
  await expect(page).toHaveURL(/#k=cross%3Abeta:0\.\d+/);
  await page.reload();
  await expect(dashboard.healthFactor(dashboard.unitCard('beta', 'Cross'))).toHaveText('1.50');
  await page.getByRole('button', { name: 'Reset to today' }).click();
  await expect(dashboard.healthFactor(dashboard.unitCard('beta', 'Cross'))).toHaveText('1.30');
});

test('on a 10k-row generated book, a slider moves the lowest HF and the table follows; screenshot', async ({ dashboard }, testInfo) => {
  const { page } = dashboard;
  await dashboard.goto();
  await expect(dashboard.loadedFile).toHaveText('demo.csv');
  await dashboard.portfolioInput.setInputFiles({ name: 'gen10k.csv', mimeType: 'text/csv', buffer: Buffer.from(generatePortfolioCsv(10_000, 1_000)) });
  await expect(dashboard.loadedFile).toHaveText('gen10k.csv', { timeout: 30_000 });
  const lowest = page.getByTestId('lowest-hf');
  await expect(lowest).toHaveText(/\d/, { timeout: 30_000 });
  const firstPnl = dashboard.positions.locator('tbody tr.row').filter({ has: page.getByRole('cell', { name: 'perp', exact: true }) }).first().locator('td.col-pnl');
  await expect(firstPnl).toHaveText(/\d/);
  const hfToday = await lowest.innerText();
  const pnlToday = await firstPnl.innerText();
  await page.getByRole('spinbutton', { name: 'All non-stable assets, %' }).fill('-30');
  await expect(lowest).not.toHaveText(hfToday);
  await expect(firstPnl).not.toHaveText(pnlToday);
  const file = path.join('e2e', 'artifacts', 'fastpath-10k.png');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const png = await page.screenshot({ path: file });
  await testInfo.attach('10k', { body: png, contentType: 'image/png' });
});
