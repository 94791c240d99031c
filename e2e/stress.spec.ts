import { expect, test } from './test';

/** The Stress & VaR tab as a trader uses it on the demo book. */
test.describe('Stress & VaR', () => {
  test.beforeEach(async ({ dashboard }) => {
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.page.getByRole('tab', { name: 'Stress & VaR' }).click();
  });

  test('applying a preset shows every unit with its lowest HF and liquidation moment', async ({ dashboard }) => {
    const { page } = dashboard;
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Black Thursday (2020-03-12)' });
    const table = page.getByRole('table', { name: 'Stress test: Black Thursday' });
    await expect(table.getByRole('row')).not.toHaveCount(1);
    const alpha = table.getByRole('row', { name: /^alpha · Cross/ });
    await expect(alpha.getByRole('cell').nth(2)).toHaveText('no');
    // beta is the demo's unit near its margin call: BTC −22% in the first hour liquidates it
    await expect(table.getByRole('row', { name: /^beta · Cross/ }).getByRole('cell').nth(2)).toHaveText(/^yes, hour 1/);
    await expect(page.getByRole('figure', { name: /Price path of Black Thursday/ })).toBeVisible();

    // a saved copy becomes a preset of its own
    await page.getByRole('button', { name: 'Edit a copy' }).click();
    await page.getByLabel(/^Moves:/).fill('BTC: 0=0, 24=-1');
    await page.getByRole('button', { name: 'Save copy' }).click();
    await expect(page.getByLabel('Preset', { exact: true })).toHaveValue(/^user-/);
    await expect(page.getByRole('table', { name: 'Stress test: Black Thursday (my copy)' })).toBeVisible();
  });

  test('every preset at a glance: the worst units first, liquidations with their hour; a column opens its preset', async ({ dashboard }) => {
    const { page } = dashboard;
    const matrix = page.getByRole('table', { name: 'Stress test: every preset' });
    const beta = matrix.getByRole('row', { name: /^beta · Cross/ });
    // the same walk as the detail below: Black Thursday liquidates beta in hour 1
    await expect(beta.getByRole('cell').nth(0)).toHaveText('liq. h1');
    await expect(matrix.getByRole('row', { name: /^Units liquidated/ }).getByRole('cell').nth(0)).toHaveText(/^[1-9]\d* of 7$/);
    await matrix.getByRole('button', { name: 'FTX collapse' }).click();
    await expect(page.getByLabel('Preset', { exact: true })).toHaveValue('ftx-2022-11');
    await expect(page.getByRole('table', { name: 'Stress test: FTX collapse' })).toBeVisible();

    // +50,000 USD to beta: Black Thursday no longer liquidates it. Its lowest HF is at hour 16 (BTC −46.6%,
    // ETH −54%: 33,647.34 and 1,559.63). MB = 56,000 + 1.5 × 1,559.63 × 0.95 (Binance's 5% ETH haircut)
    // + 40 × (1,559.63 − 3,569.5) + (60,500 − 33,647.34) = 4,680.33; MM (Binance brackets) = 62,385.2 × 0.5%
    // − 50 + 33,647.34 × 0.4% = 396.52; HF = 11.80
    await page.getByRole('spinbutton', { name: 'beta: add (+) / withdraw (−) collateral, USD' }).fill('50000');
    await expect(beta.getByRole('cell').nth(0)).toHaveText('11.80');
  });

  test('a preset starts from the what-if: collateral added to beta carries it through Black Thursday', async ({ dashboard }) => {
    const { page } = dashboard;
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Black Thursday (2020-03-12)' });
    const beta = page.getByRole('table', { name: 'Stress test: Black Thursday' }).getByRole('row', { name: /^beta · Cross/ });
    await expect(beta.getByRole('cell').nth(2)).toHaveText(/^yes, hour 1/);
    await expect(page.getByTestId('stress-basis')).toHaveText("From today's prices");

    // MB 1,161.46 (today's card) + 50,000; the lowest HF is 11.80 at hour 16 (worked in the test above)
    await page.getByRole('spinbutton', { name: 'beta: add (+) / withdraw (−) collateral, USD' }).fill('50000');
    await expect(page.getByTestId('stress-basis')).toHaveText('From the what-if: +50,000 USD to beta');
    await expect(beta.getByRole('cell').nth(0)).toHaveText('51,161.46');
    await expect(beta.getByRole('cell').nth(2)).toHaveText('no');

    await page.getByLabel(/^Start from the what-if: the crash/).uncheck();
    await expect(page.getByTestId('stress-basis')).toHaveText("From today's prices");
    await expect(beta.getByRole('cell').nth(2)).toHaveText(/^yes, hour 1/);
  });

  test('funding drift follows the what-if: a BTC move changes the funding, added collateral the days to the margin call', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.sampleSelect.selectOption('funding.csv');
    await expect(dashboard.loadedFile).toHaveText('funding.csv');
    await page.getByRole('tab', { name: 'Stress & VaR' }).click();
    const carry = page.getByRole('table', { name: 'Funding projection' }).getByRole('row', { name: /^carry · Cross/ });
    // per 8 h: BTC −0.5 × 63,010 × 0.001 = −31.505, ETH −8 × 3,390.5 × 0.001 = −27.124,
    // SOL short −(−100 × 139.8 × −0.0004) = −5.592: −64.221, three a day = −192.663
    await expect(carry.getByRole('cell').nth(0)).toHaveText(/192\.66$/);
    await expect(page.getByTestId('funding-basis')).toHaveText("From today's prices");
    const days = async () => Number(await carry.getByRole('cell').nth(3).innerText());
    const today = await days();

    // BTC +10%: BTC pays −0.5 × 69,311 × 0.001 = −34.6555, so −67.3715 per 8 h = −202.1145 a day
    await page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true }).fill('10');
    await expect(page.getByTestId('funding-basis')).toHaveText('From the what-if: BTC +10%');
    await expect(carry.getByRole('cell').nth(0)).toHaveText(/202\.11$/);

    // back to today's prices, +5,000 USD: 5,000 / 64.221 = 77.86 more settlements, 25.67 or 26 days later
    await page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true }).fill('0');
    await page.getByRole('spinbutton', { name: 'carry: add (+) / withdraw (−) collateral, USD' }).fill('5000');
    await expect(page.getByTestId('funding-basis')).toHaveText('From the what-if: +5,000 USD to carry');
    await expect(carry.getByRole('cell').nth(0)).toHaveText(/192\.66$/);
    const later = await days();
    expect(later - today).toBeGreaterThan(25.6);
    expect(later - today).toBeLessThan(26.05);
  });

  test('VaR with a fixed seed shows VaR, ES and the histogram, the same on a second run', async ({ dashboard }) => {
    const { page } = dashboard;
    await page.getByLabel('Paths').fill('4000');
    await page.getByLabel('Seed').fill('7');
    await page.getByRole('button', { name: 'Run VaR' }).click();
    const results = page.getByTestId('var-results');
    await expect(results).toBeVisible();
    const varText = await page.getByTestId('book-var-0.99').innerText();
    const esText = await page.getByTestId('book-es-0.99').innerText();
    const num = (s: string) => Number(s.replace(/,/g, ''));
    expect(num(varText)).toBeGreaterThan(0);
    expect(num(esText)).toBeGreaterThanOrEqual(num(varText));
    await expect(page.getByRole('figure', { name: 'PnL distribution with VaR and ES' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'VaR by unit' }).getByRole('row', { name: /^beta · Cross/ })).toBeVisible();

    await page.getByRole('button', { name: 'Run VaR' }).click();
    await expect(page.getByRole('button', { name: 'Run VaR' })).toBeVisible();
    await expect(page.getByTestId('book-var-0.99')).toHaveText(varText);
    await expect(page.getByTestId('book-es-0.99')).toHaveText(esText);
  });

  test('VaR follows the what-if: a 1,000-path preview in the scenario bar re-runs as BTC moves', async ({ dashboard }) => {
    const { page } = dashboard;
    await page.getByLabel(/^Follow the what-if/).check();
    const card = page.getByRole('region', { name: 'VaR preview under the what-if' });
    await expect(card.getByTestId('preview-var')).toHaveText(/^[\d,]+\.\d\d$/);
    await expect(page.getByTestId('var-basis')).toHaveText("From today's prices (live preview, follows the scenario once it rests)");
    const today = await card.getByTestId('preview-var').innerText();

    await page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true }).fill('50');
    await expect(page.getByTestId('var-basis')).toHaveText('From the what-if: BTC +50% (live preview, follows the scenario once it rests)');
    // beta is short BTC: at BTC +50% it starts liquidated (HF −28.9 on the cards), so every path has a liquidation
    await expect(card.getByTestId('preview-p-liquidation')).toHaveText('100.00%');
    await expect(page.getByTestId('book-p-liquidation')).toHaveText('100.00%');
    await expect(card.getByTestId('preview-var')).not.toHaveText(today);

    await page.getByLabel(/^Follow the what-if/).uncheck();
    await expect(card).toHaveCount(0);
  });

  test('a long run shows progress and can be cancelled', async ({ dashboard }) => {
    const { page } = dashboard;
    await page.getByLabel('Paths').fill('400000');
    await page.getByLabel('Steps per day').fill('24');
    await page.getByRole('button', { name: 'Run VaR' }).click();
    await expect(page.getByRole('progressbar', { name: 'Monte Carlo progress' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Cancelled' })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
  });
});
