import { expect, test } from './test';

test.describe('imports as they come', () => {
  test("a venue's CSV export with its own headers loads directly", async ({ dashboard }) => {
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.drop('binance-positions.csv');
    await expect(dashboard.loadedFile).toHaveText('binance-positions.csv');
    await expect(dashboard.page.getByRole('region', { name: /Map the columns/ })).toHaveCount(0);
    // Size "-12.000 ETH", Entry "3,420.00", Mark "3,390.50": 12 x (3,420 - 3,390.5) = +354.00
    expect(await dashboard.cellText('ETHUSDT', 'PnL')).toContain('354.00');
    // 0.250 BTC x (63,010 - 61,250) = +440.00
    expect(await dashboard.cellText('BTCUSDT', 'PnL')).toContain('440.00');
  });

  test('a file with odd headers opens the mapping step; mapped, checked, it loads and is remembered', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.drop('odd-headers.csv');

    const step = page.getByRole('region', { name: 'Map the columns of odd-headers.csv' });
    await expect(step).toBeVisible();
    await expect(step.getByRole('table', { name: 'First rows of odd-headers.csv' })).toContainText('core long');
    // guessed by their words: Ticker Symbol, Units Held, Avg Cost; "Fair" is not a name we know
    await expect(step.getByLabel(/^symbol/)).toHaveValue('Ticker Symbol');
    await expect(step.getByLabel(/^qty/)).toHaveValue('Units Held');
    await expect(step.getByLabel(/^mark_price/)).toHaveValue('');
    // validation before anything loads: the importer's own FILE:LINE:COLUMN message, the demo still on screen
    await expect(step.getByRole('status', { name: 'Problems with this mapping' })).toContainText('odd-headers.csv:1:mark_price: missing required column "mark_price"');
    await expect(step.getByRole('button', { name: 'Load' })).toBeDisabled();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');

    await step.getByLabel(/^mark_price/).selectOption('Fair');
    await expect(step.getByRole('status')).toContainText('3 holdings in 1 account would load');
    await expect(step.getByRole('status')).toContainText('columns kept but not used: Desk Note');
    await step.screenshot({ path: 'test-results/mapping-step.png' });
    await step.getByRole('button', { name: 'Load' }).click();

    await expect(dashboard.loadedFile).toHaveText('odd-headers.csv');
    await expect(step).toHaveCount(0);
    // 0.5 x (63,010 - 61,250) = +880.00; short 4 x (3,420 - 3,390.5) = +118.00
    expect(await dashboard.cellText('BTCUSDT', 'PnL')).toContain('880.00');
    expect(await dashboard.cellText('ETHUSDT', 'PnL')).toContain('118.00');

    // the same headers next time: the remembered mapping applies without the step
    await dashboard.sampleSelect.selectOption('demo.csv');
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.drop(['odd-headers.csv', 'odd-headers-next-day.csv']);
    await expect(dashboard.loadedFile).toHaveText('odd-headers-next-day.csv');
    await expect(page.getByText('loaded with the column mapping remembered for these headers')).toBeVisible();
  });

  test('several files dropped together: the one with odd headers goes through the mapping step, then all load as one', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.drop('binance-positionRisk-v2.json', 'odd-headers.csv');

    const step = page.getByRole('region', { name: 'Map the columns of odd-headers.csv' });
    await expect(step).toBeVisible();
    await expect(step.getByRole('note')).toContainText('File 2 of 2 dropped together; it loads with binance-positionRisk-v2.json');
    // nothing loads while a file waits for its mapping
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(step.getByRole('button', { name: 'Load' })).toBeDisabled();

    await step.getByLabel(/^mark_price/).selectOption('Fair');
    await expect(step.getByRole('status')).toContainText('3 holdings in 1 account would load');
    await step.getByRole('button', { name: 'Load' }).click();

    await expect(dashboard.loadedFile).toHaveText('binance-positionRisk-v2.json + odd-headers.csv');
    await expect(step).toHaveCount(0);
    // BTCUSDT only in the mapped CSV (the JSON's BTCUSDT is flat): 0.5 x (63,010 - 61,250) = +880.00
    expect(await dashboard.cellText('BTCUSDT', 'PnL')).toContain('880.00');
  });
});
