import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './test';

test.describe('Margin Radar dashboard', () => {
  test('first visit loads the demo sample and shows health factors, in a Web Worker', async ({ dashboard }) => {
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(dashboard.sampleSelect).toHaveValue('demo.csv');
    const hf = dashboard.page.getByTestId('health-factor').first();
    await expect(hf).toHaveText(/^(\d{1,3}(,\d{3})*\.\d{2}|∞ \(no exposure\))$/);
    await expect(dashboard.engineMode).toContainText('running in a Web Worker');
    await expect(dashboard.page.getByText('Your portfolio never leaves this browser')).toBeVisible();
  });

  test('a loaded portfolio shows its liquidation prices', async ({ dashboard }) => {
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.loadPortfolio('good-portfolio.csv');
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');

    // solo: isolated generic long, qty 1, entry = mark = 10000, isolated_margin 1000, mmr 0.005.
    // MB = 1000 + (P - 10000), MM = 0.005 P; HF = 1 at P = (1000 - 10000) / (1 * 0.005 - 1) = 9045.2261...
    // HF today = 1000 / (0.005 * 10000) = 20.
    const solo = dashboard.unitCard('solo', 'Isolated BTCUSDT');
    await expect(dashboard.healthFactor(solo)).toHaveText('20.00');
    await expect(solo).toContainText('OK');
    expect(await dashboard.cellText('BTCUSDT', 'Liq. price')).toBe('9,045.23');

    // hedge: cross, 5000 USDT, short 10 ETHUSDT at 2000, mmr 0.01.
    // MB = 5000 - 10 (P - 2000), MM = 10 * 0.01 * P = 0.1 P; HF = 1 at 25000 = 10.1 P -> P = 2475.2475...
    expect(await dashboard.cellText('ETHUSDT', 'Liq. price')).toBe('2,475.25');
    // distance for a short: (LP - M) / M = 475.2475 / 2000 = 23.76%
    expect(await dashboard.cellText('ETHUSDT', 'Liq. dist.')).toBe('23.76%');

    // thin: isolated long 1 SOLUSDT at 100, margin 0.7, mmr 0.005: LP = (0.7 - 100) / (0.005 - 1) = 99.79899...
    // (prices under 1,000 are shown to 6 significant digits)
    expect(await dashboard.cellText('SOLUSDT', 'Liq. price')).toBe('99.799');

    // the unknown column is kept and reported as a warning, in a collapsed list
    const warnings = dashboard.page.getByText('1 import warning');
    await expect(warnings).toBeVisible();
    const detail = dashboard.page.getByText('columns kept but not used: desk_note');
    await expect(detail).toBeHidden();
    await warnings.click();
    await expect(detail).toBeVisible();
  });

  test('a bad file is refused with line and column, and the previous portfolio stays', async ({ dashboard }) => {
    await dashboard.goto();
    await dashboard.loadPortfolio('good-portfolio.csv');
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');

    await dashboard.loadPortfolio('bad-portfolio.csv');
    await expect(dashboard.refused).toBeVisible();
    await expect(dashboard.refused.getByRole('heading')).toHaveText('File refused: bad-portfolio.csv');
    // line 3 (header = line 1), column mark_price, value "abc"
    const problem = dashboard.refused.getByRole('row').filter({ hasText: 'mark_price' });
    await expect(problem.getByRole('cell').nth(0)).toHaveText('3');
    await expect(problem.getByRole('cell').nth(1)).toHaveText('mark_price');
    await expect(problem.getByRole('cell').nth(2)).toHaveText('abc');

    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');
    expect(await dashboard.cellText('BTCUSDT', 'Liq. price')).toBe('9,045.23');
    await expect(dashboard.healthFactor(dashboard.unitCard('solo', 'Isolated BTCUSDT'))).toHaveText('20.00');
  });

  test('changing the thresholds changes a status, and invalid levels are explained', async ({ dashboard }) => {
    await dashboard.goto();
    await dashboard.loadPortfolio('good-portfolio.csv');
    // thin: HF = 0.7 / (0.005 * 100) = 1.4: below the default target 1.5, above the margin call 1.25
    const thin = dashboard.unitCard('thin', 'Isolated SOLUSDT');
    await expect(dashboard.healthFactor(thin)).toHaveText('1.40');
    await expect(thin).toContainText('Warning');

    await dashboard.targetHF.fill('1.3');
    await expect(thin).toContainText('OK');

    await dashboard.marginCallHF.fill('1.45');
    await expect(dashboard.page.getByText('Target health factor must be at least the margin-call level.')).toBeVisible();
    await expect(dashboard.targetHF).toHaveAttribute('aria-invalid', 'true');

    await dashboard.targetHF.fill('1.6');
    await expect(thin).toContainText('Margin call');
    await expect(dashboard.positionRow('SOLUSDT')).toContainText('Margin call');

    await dashboard.marginCallHF.fill('0.9');
    await expect(dashboard.page.getByText('Margin-call level must be at least 1')).toBeVisible();
  });

  test('headers sort numerically, by mouse and keyboard, with aria-sort', async ({ dashboard }) => {
    await dashboard.goto();
    await dashboard.loadPortfolio('good-portfolio.csv');
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');
    await dashboard.sortButton('Liq. price').click();
    await expect(dashboard.columnHeader('Liq. price')).toHaveAttribute('aria-sort', 'ascending');
    // 0.04 (USDT) < 99.799 < 2,475.25 < 9,045.23: numeric, not text order
    const firstSymbol = dashboard.positions.getByRole('row').nth(1).getByRole('cell').nth(2);
    await expect(firstSymbol).toHaveText('USDT');
    await dashboard.sortButton('Liq. price').focus();
    await dashboard.page.keyboard.press('Enter');
    await expect(dashboard.columnHeader('Liq. price')).toHaveAttribute('aria-sort', 'descending');
    await expect(firstSymbol).toHaveText('BTCUSDT');
  });

  test('10,000 positions load and only the visible rows are rendered', async ({ dashboard }) => {
    await dashboard.goto();
    const lines = ['account,venue,symbol,type,side,qty,entry_price,mark_price,margin_mode,isolated_margin,leverage,mmr'];
    for (let i = 0; i < 10_000; i++) lines.push(`acct${i % 50},generic,SYM${i}USDT,perp,long,1,${100 + i},${101 + i},cross,,10,0.005`);
    for (let i = 0; i < 50; i++) lines.push(`acct${i},generic,USDT,spot,,100000,,1,cross,,,`);
    await dashboard.portfolioInput.setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await expect(dashboard.loadedFile).toHaveText('big.csv', { timeout: 20_000 });
    await expect(dashboard.page.getByText('10,050 rows')).toBeVisible({ timeout: 20_000 });
    const rendered = await dashboard.positions.locator('tbody tr.row').count();
    expect(rendered).toBeLessThan(100);
  });

  test('full-page screenshot of the demo', async ({ dashboard }, testInfo) => {
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(dashboard.page.getByTestId('health-factor').first()).toBeVisible();
    const file = path.join('e2e', 'artifacts', 'dashboard.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const png = await dashboard.page.screenshot({ path: file, fullPage: true });
    await testInfo.attach('dashboard', { body: png, contentType: 'image/png' });
  });
});
