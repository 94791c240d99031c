import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test';

const chart = (page: Page, id: 'hf' | 'margin' | 'ladder' | 'pnl') => page.getByTestId(`chart-${id}`);
const allField = (page: Page) => page.getByRole('spinbutton', { name: 'All non-stable assets, %', exact: true });
const btcField = (page: Page) => page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true });

test.describe('Charts', () => {
  test('the charts tab comes first and shows its charts with titles and axes', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(page.getByRole('tab').first()).toHaveText('Charts');
    for (const [id, title] of [
      ['hf', 'Health factor vs uniform move of all non-stable assets'],
      ['margin', 'Margin balance vs maintenance margin'],
      ['ladder', 'Liquidation ladder'],
      ['pnl', 'PnL by underlying'],
    ] as const) {
      await expect(chart(page, id).getByRole('heading', { name: title })).toBeVisible();
      await expect(chart(page, id).locator('svg.recharts-surface').first()).toBeVisible();
    }
    await expect(chart(page, 'hf')).toContainText('Health factor (clipped at 3)');
    await expect(chart(page, 'hf')).toContainText('Uniform move of all non-stable underlyings, %');
    await expect(page.getByTestId('chart-ladder-subtitle')).toHaveText(/^\d+ of 19 positions have a liquidation price · \d+ have none: 1 option held at its mark, .* · 0 within/);
    await expect(page.getByRole('combobox', { name: /^Margin unit to chart/ })).toBeVisible();
  });

  test('a shock moves the HF chart; the ladder highlights the positions the shock reaches', async ({ dashboard }, testInfo) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    const current = page.getByTestId('chart-hf-current');
    await expect(current).toHaveText(/\d/);
    await expect(chart(page, 'hf')).toContainText('move 0.0%');
    const today = await current.innerText();

    // the shown unit is fixed so the HF compares like with like
    const alpha = await page.getByRole('combobox', { name: /^Margin unit to chart/ }).locator('option', { hasText: /^alpha · Cross/ }).getAttribute('value');
    await page.getByRole('combobox', { name: /^Margin unit to chart/ }).selectOption(alpha!);
    await expect(page.getByRole('combobox', { name: /^Margin unit to chart/ })).toHaveValue(/^alpha/);
    const alphaToday = await current.innerText();
    await allField(page).fill('-20');
    await expect(chart(page, 'hf')).toContainText('move \u221220.0%');
    await expect(current).not.toHaveText(alphaToday);
    expect(today).toMatch(/\d/);

    // alpha is long BTC (spot and perp): about a 69% fall of BTC liquidates its cross unit
    await allField(page).fill('0');
    const ladder = chart(page, 'ladder');
    await expect(ladder.locator('[data-within="true"]')).toHaveCount(0);
    await btcField(page).fill('-75');
    // the fall liquidates alpha's cross unit, so every liquidation price of that unit is passed: its
    // USDT and BTC wallets and its BTC and SOL perps (demo.csv lines 2, 3, 4 and 6)
    await expect(page.getByTestId('chart-ladder-subtitle')).toContainText('4 within the scenario');
    await expect(ladder.locator('[data-within="true"]')).toHaveCount(4);
    await expect(chart(page, 'pnl')).toContainText('Under the scenario: BTC \u221275%');

    await chart(page, 'hf').scrollIntoViewIfNeeded();
    const file = path.join('e2e', 'artifacts', 'charts.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const png = await page.locator('.analysis').screenshot({ path: file });
    await testInfo.attach('charts', { body: png, contentType: 'image/png' });
  });

  test('the margin-buffer sliders move with the keyboard and the cards follow', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    // delta (Aave) has HF 2.6556 today: ok at the default levels 1.5 / 1.25
    await expect(dashboard.unitCard('delta', 'Cross')).toHaveAccessibleName(/: ok$/);

    const target = page.getByRole('slider', { name: 'Target HF slider' });
    await target.focus();
    await page.keyboard.press('ArrowRight'); // one step of 0.05
    await expect(dashboard.targetHF).toHaveValue('1.55');
    await page.keyboard.press('End');
    await expect(dashboard.targetHF).toHaveValue('3');
    await expect(target).toHaveValue('3');
    // HF 2.66 < target 3: warning
    await expect(dashboard.unitCard('delta', 'Cross')).toHaveAccessibleName(/: warning$/);
    await expect(page).toHaveURL(/t=3/);

    const marginCall = page.getByRole('slider', { name: 'Margin-call HF slider' });
    await marginCall.focus();
    await page.keyboard.press('End');
    await expect(dashboard.marginCallHF).toHaveValue('3');
    // HF 2.66 < margin call 3: margin call
    await expect(dashboard.unitCard('delta', 'Cross')).toHaveAccessibleName(/: margin call$/);
    await page.keyboard.press('Home');
    await expect(dashboard.marginCallHF).toHaveValue('1');
    await expect(dashboard.unitCard('delta', 'Cross')).toHaveAccessibleName(/: warning$/);

    // the chart's target line follows the slider
    await expect(chart(page, 'hf')).toContainText('target 3');
  });
});
