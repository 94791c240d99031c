import { expect, test } from './test';
import { DashboardPage, fixture } from './pages/dashboard';

test.describe('venues side by side', () => {
  test('an exchange JSON file and a CSV export, margined under every venue with the reasons', async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto();

    // Binance's positionRisk response as it comes
    await dashboard.portfolioInput.setInputFiles(fixture('binance-positionRisk-v2.json'));
    await expect(dashboard.loadedFile).toContainText('binance-positionRisk-v2.json');
    await page.getByRole('tab', { name: 'Venues' }).click();
    const view = page.getByTestId('venues-view');
    const positions = view.getByRole('table', { name: /Liquidation price of each position/ });
    await expect(positions.getByRole('rowheader', { name: /ETHUSDT/ })).toBeVisible();
    // the file's own liquidation price is set beside ours
    await expect(positions).toContainText('2,019.47');

    // a CSV export: the short crosses Binance's bracket on its way up
    await dashboard.portfolioInput.setInputFiles(fixture('venues-compare.csv'));
    await expect(dashboard.loadedFile).toContainText('venues-compare.csv');
    const units = view.getByRole('table', { name: /Health factor of each unit/ });
    await expect(units.getByText('most conservative').first()).toBeVisible();
    // long 1 BTC from 50,000 on 10,000 USDT under Bybit: 10,000 + (P - 50,000) = 250 -> 40,250
    const long = positions.getByRole('row').filter({ hasText: 'main · BTCUSDT' });
    await expect(long.locator('td[data-venue="bybit"]')).toContainText('40,250.00');
    const hedge = positions.getByRole('row').filter({ hasText: 'hedge · BTCUSDT' });
    await hedge.getByText(/Why the venues differ/).click();
    await expect(hedge).toContainText('tier at the liquidation price');
    await expect(positions).toContainText('fee term');
    await page.screenshot({ path: 'test-results/venues-tab.png', fullPage: true });
  });
});
