import { expect, test } from './test';

test.describe('Views far off screen', () => {
  test('the positions table passes slider steps by while far off screen and shows the scenario once scrolled to', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    const alphaBtc = dashboard.positions.getByRole('row').filter({ hasText: 'alpha' }).filter({ has: page.getByRole('cell', { name: 'BTCUSDT', exact: true }) });
    // demo alpha: BTCUSDT marked at 63,010 today
    await expect(alphaBtc).toContainText('63,010.00');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true }).fill('-20');
    await expect(page.getByTestId('lowest-hf')).not.toHaveText('—');
    // what a trader does: scroll to the table; it then follows the scenario: 63,010 x 0.8 = 50,408
    await dashboard.positions.scrollIntoViewIfNeeded();
    await expect(alphaBtc).toContainText('50,408.00');
    await expect(alphaBtc).not.toHaveAttribute('aria-busy', 'true');
  });
});
