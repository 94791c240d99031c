import { fixture } from './pages/dashboard';
import { expect, test } from './test';

test.describe('Venue parameters kept with the workspace', () => {
  test('loaded tier brackets still margin the book after a reload', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    const row = dashboard.positions.getByRole('row').filter({ hasText: 'alpha' }).filter({ has: page.getByRole('cell', { name: 'BTCUSDT', exact: true }) });
    // demo alpha: 0.8 BTCUSDT at 63010 = 50,408 notional; the loaded table puts it in bracket 1: mmr 1%, cum 0
    await expect(row).toBeVisible();
    await expect(row).not.toContainText('1 · 1.00% − 0');
    await dashboard.bracketsInput.setInputFiles(fixture('brackets-btcusdt.json'));
    await expect(page.getByRole('status').filter({ hasText: 'Binance leverage brackets from brackets-btcusdt.json' })).toContainText('1 symbol replaced (BTCUSDT)');
    await expect(row).toContainText('1 · 1.00% − 0');

    // as the other persistence specs do: reload once the page says the workspace is saved
    await expect(page.getByTestId('saved-state')).toHaveText('Saved in this browser.');
    await page.reload();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(page.getByRole('status').filter({ hasText: 'Binance leverage brackets from brackets-btcusdt.json' })).toContainText('kept with the workspace');
    await expect(row).toContainText('1 · 1.00% − 0');
  });

  test('OKX tiers without their instruments file are refused, naming what to add', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.bracketsInput.setInputFiles(fixture('okx-position-tiers-ada.json'));
    const alert = page.getByRole('alert').filter({ hasText: 'Venue parameters refused: okx-position-tiers-ada.json' });
    await expect(alert).toContainText('contract value (ctVal) unknown');
    await expect(alert).toContainText('GET /api/v5/public/instruments');
    // both files picked together are read as one batch
    await dashboard.bracketsInput.setInputFiles([fixture('okx-position-tiers-ada.json'), fixture('okx-instruments-ada.json')]);
    await expect(page.getByRole('status').filter({ hasText: 'OKX position tiers from okx-position-tiers-ada.json' })).toContainText('1 symbol replaced (ADA-USDT)');
  });
});
