import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './test';

test.describe('options tab', () => {
  test('the heatmap renders and follows the sliders; the greeks panel shows figures', async ({ dashboard }, testInfo) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.sampleSelect.selectOption('options.csv');
    await expect(dashboard.loadedFile).toHaveText('options.csv');

    await page.getByRole('tab', { name: 'Options' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Options' });
    const heatmap = panel.getByTestId('pnl-heatmap');
    await expect(heatmap).toBeVisible();
    // 21 price moves x 11 vol moves, the worst cell outlined and the what-if ringed
    await expect(heatmap.locator('.recharts-scatter-symbol')).toHaveCount(231);
    await expect(heatmap.getByTestId('worst-cell')).toHaveCount(1);
    await expect(heatmap.getByTestId('current-cell')).toHaveCount(1);
    await expect(panel.getByText('Price move of every non-stable underlying, %')).toBeVisible();
    const worst = panel.getByTestId('heatmap-worst');
    await expect(worst).toContainText(/Worst cell: -[\d,]+\.\d\d USD at price [+-]\d+%, vol [+-]?\d+%/);

    // hovering a cell shows its figure
    await heatmap.locator('.recharts-scatter-symbol').nth(0).hover();
    await expect(panel.getByRole('status').filter({ hasText: 'price -50%, vol -50%' })).toContainText('USD');

    // greeks per underlying: the short straddle is short gamma and vega
    const btc = panel.getByTestId('greeks-BTC');
    await expect(btc).toBeVisible();
    await expect(btc.getByRole('cell').nth(1)).toHaveText('3');
    await expect(btc.getByRole('cell').nth(3)).toHaveText(/^-\d/);
    await expect(panel.getByTestId('greeks-ETH')).toBeVisible();
    await expect(panel.getByRole('table', { name: /Scenario margin/ })).toContainText('deribit-desk · Cross');

    // a vol shock: the heatmap is recomputed around the new what-if
    const before = await worst.innerText();
    await page.getByRole('spinbutton', { name: 'Volatility shock, %' }).fill('40');
    await expect(page.getByRole('region', { name: 'Scenario active' })).toContainText('vol +40%');
    await expect(worst).not.toHaveText(before);
    // a time shift: a week of decay on top of the vol shock
    const afterVol = await worst.innerText();
    const daysField = page.getByRole('spinbutton', { name: 'Time shift, days' });
    await daysField.fill('7');
    await expect(page.getByRole('region', { name: 'Scenario active' })).toContainText('+7 days');
    await expect(worst).not.toHaveText(afterVol);
    // and a price move of every underlying, too
    const afterDays = await worst.innerText();
    await page.getByRole('spinbutton', { name: 'All non-stable assets, %' }).fill('-10');
    await expect(worst).not.toHaveText(afterDays);

    // the whole what-if lives in the link: a reload reproduces the vol shock and the time shift
    await expect(page).toHaveURL(/#s=all:-0\.1&v=0\.4&d=7&t=1\.5&m=1\.25$/);
    const whatIf = await worst.innerText();
    await page.reload();
    await expect(dashboard.loadedFile).toHaveText('options.csv');
    await page.getByRole('tab', { name: 'Options' }).click();
    await expect(page.getByRole('spinbutton', { name: 'Volatility shock, %' })).toHaveValue('40');
    await expect(daysField).toHaveValue('7');
    await expect(page.getByRole('region', { name: 'Scenario active' })).toContainText('vol +40%');
    await expect(page.getByRole('region', { name: 'Scenario active' })).toContainText('+7 days');
    // the same worst cell; its figure within a dollar (valuation time is the load time: seconds of decay)
    const cell = (text: string) => text.replace(/^Worst cell: -[\d,.]+ USD /, '');
    const amount = (text: string) => Number(/-([\d,]+\.\d\d) USD/.exec(text)?.[1]?.replace(/,/g, ''));
    await expect(worst).toContainText(cell(whatIf));
    expect(Math.abs(amount(await worst.innerText()) - amount(whatIf))).toBeLessThan(1);

    await panel.scrollIntoViewIfNeeded();
    const file = path.join('e2e', 'artifacts', 'options.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const png = await page.getByRole('region', { name: 'Analysis' }).screenshot({ path: file });
    await testInfo.attach('options', { body: png, contentType: 'image/png' });
  });
});
