import { fixture } from './pages/dashboard';
import { expect, test } from './test';

test.describe('more ways in', () => {
  test('dropping a CSV on the page loads it', async ({ dashboard }) => {
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.drop(['good-portfolio.csv', 'dropped.csv']);
    await expect(dashboard.loadedFile).toHaveText('dropped.csv');
    expect(await dashboard.cellText('BTCUSDT', 'Liq. price')).toBe('9,045.23');
  });

  test('a shipped sample can be picked from the list', async ({ dashboard }) => {
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.sampleSelect.selectOption('binance-faq.csv');
    await expect(dashboard.loadedFile).toHaveText('binance-faq.csv');
    await expect(dashboard.page.getByTestId('health-factor').first()).toBeVisible();
  });

  test('venue parameters (Binance brackets JSON) replace the built-in tiers; a bad file is explained', async ({ dashboard }) => {
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.bracketsInput.setInputFiles(fixture('brackets-btcusdt.json'));
    await expect(dashboard.page.getByRole('status').filter({ hasText: 'Binance leverage brackets from brackets-btcusdt.json' })).toContainText('1 symbol replaced (BTCUSDT)');
    // demo alpha: 0.8 BTCUSDT at 63010 = 50,408 notional -> bracket 1 of the loaded table: mmr 1%, cum 0
    const row = dashboard.positions.getByRole('row').filter({ hasText: 'alpha' }).filter({ has: dashboard.page.getByRole('cell', { name: 'BTCUSDT', exact: true }) });
    await expect(row).toContainText('1 · 1.00% − 0');

    await dashboard.bracketsInput.setInputFiles(fixture('brackets-bad.json'));
    await expect(dashboard.page.getByRole('alert').filter({ hasText: 'Venue parameters refused: brackets-bad.json' })).toBeVisible();
  });
});
