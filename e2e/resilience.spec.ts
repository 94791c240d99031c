import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';

const btcSlider = (page: Page) => page.getByRole('slider', { name: 'BTC price move', exact: true });

/** Makes the engine worker die the way a crash does: an uncaught error inside it. Nothing in the app helps. */
async function crashEngineWorker(page: Page): Promise<void> {
  // two engine workers run (what-if and analysis); the drag is the what-if worker's ('margin-engine')
  const named = await Promise.all(page.workers().map(async (w) => ({ w, name: await w.evaluate(() => self.name) })));
  const worker = named.find((x) => x.name === 'margin-engine')?.w;
  expect(worker, 'the what-if engine worker').toBeTruthy();
  await worker!.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated engine crash');
    }, 0);
  });
}

test.describe('Resilience', () => {
  test('the engine worker crashes mid-drag: it restarts, the portfolio and the drag are kept', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.loadPortfolio('good-portfolio.csv');
    const solo = dashboard.healthFactor(dashboard.unitCard('solo', 'Isolated BTCUSDT'));
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');
    // solo: isolated long 1 BTCUSDT at 10,000, margin 1,000, mmr 0.005 (good-portfolio.csv)
    // today: HF = 1,000 / (10,000 x 0.005) = 20.00
    await expect(solo).toHaveText('20.00');
    // BTC -5%: mark 9,500, PnL -500; HF = (1,000 - 500) / (9,500 x 0.005) = 500 / 47.5 = 10.526... -> 10.52 (floored)
    const atMinus5 = '10.52';

    await btcSlider(page).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft'); // 0.5% a step
    await crashEngineWorker(page);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await expect(btcSlider(page)).toHaveValue('-5');

    await expect(page.getByRole('status', { name: 'Engine notice' })).toContainText('restarted');
    // the new worker was given good-portfolio.csv again, not the demo and not nothing
    await expect(solo).toHaveText(atMinus5);
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');
    // and it keeps working
    await page.getByRole('button', { name: 'Reset to today' }).click();
    await expect(solo).toHaveText('20.00');
  });

  test('a file over the size cap is refused before it is read', async ({ dashboard }, testInfo) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    const huge = testInfo.outputPath('huge.csv');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 65 * 1024 * 1024); // 65 MiB of zeros, over the 64 MiB cap; sparse on disk
    await dashboard.portfolioInput.setInputFiles(huge);
    await expect(dashboard.refused).toContainText('the file is 65.0 MB; the limit is 64.0 MB');
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(page.getByRole('region', { name: 'Import progress' })).toHaveCount(0);
  });

  test('a slow import shows its progress and can be cancelled; the portfolio on screen stays', async ({ dashboard }, testInfo) => {
    test.setTimeout(60_000);
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    // 200,000 valid rows (about 13 MB): long enough to check that the cancel lands while the engine works
    const big = testInfo.outputPath('big.csv');
    const header = 'account,venue,symbol,type,side,qty,entry_price,mark_price,margin_mode,leverage,mmr\n';
    const rows = Array.from({ length: 200_000 }, (_, i) => `acct${i % 500},generic,BTCUSDT,perp,long,1,10000,10000,cross,10,0.005\n`);
    fs.writeFileSync(big, header + rows.join(''));
    await dashboard.portfolioInput.setInputFiles(big);
    const progress = page.getByRole('region', { name: 'Import progress' });
    await expect(progress).toContainText('big.csv');
    await progress.getByRole('button', { name: 'Cancel import' }).click();
    await expect(dashboard.refused).toContainText('import cancelled; the portfolio on screen is unchanged');
    await expect(progress).toHaveCount(0);
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    // the engine (a new worker, given demo.csv again) still answers
    await page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true }).fill('-10');
    await expect(dashboard.healthFactor(dashboard.unitCard('alpha', 'Cross'))).toHaveText(/^\d/);
    await expect(page.getByRole('status', { name: 'Engine notice' })).toHaveCount(0);
  });
});
