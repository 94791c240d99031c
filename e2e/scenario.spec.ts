import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './test';

/** The displayed HF as a number, only to compare two screen values ("1,234.56" -> 1234.56). */
const hfNumber = (text: string) => Number(text.replace(/,/g, ''));

const btcSlider = (page: Page) => page.getByRole('slider', { name: 'BTC price move', exact: true });
const btcField = (page: Page) => page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true });
const scenarioBar = (page: Page) => page.getByRole('region', { name: 'Scenario active' });
const reset = (page: Page) => page.getByRole('button', { name: 'Reset to today' });

test.describe('What-if scenario', () => {
  test('a BTC move changes the alpha HF, lives in the URL, survives a reload, and resets to today', async ({ dashboard }) => {
    const { page } = dashboard;
    const { alphaHF, today } = await dashboard.openDemoAlpha();
    await expect(scenarioBar(page)).toHaveCount(0);

    await btcField(page).fill('-20');
    // alpha is long BTC (spot and perp) in its cross unit: a 20% fall lowers its HF
    await expect(alphaHF).not.toHaveText(today);
    const shocked = await alphaHF.innerText();
    expect(hfNumber(shocked)).toBeLessThan(hfNumber(today));
    await expect(btcSlider(page)).toHaveValue('-20');
    await expect(scenarioBar(page)).toContainText('Scenario active: BTC \u221220%');
    await expect(page).toHaveURL(/#s=BTC:-0\.2&t=1\.5&m=1\.25$/);

    await page.reload();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(alphaHF).toHaveText(shocked);
    await expect(btcField(page)).toHaveValue('-20');
    await expect(btcSlider(page)).toHaveValue('-20');
    await expect(scenarioBar(page)).toContainText('BTC \u221220%');

    await reset(page).click();
    await expect(alphaHF).toHaveText(today);
    await expect(scenarioBar(page)).toHaveCount(0);
    await expect(btcField(page)).toHaveValue('0');
    await expect.poll(() => new URL(page.url()).hash).toBe('');
  });

  test('the slider moves with the keyboard, collateral is a what-if per account, and a screenshot', async ({ dashboard }, testInfo) => {
    const { page } = dashboard;
    const { alphaHF, today } = await dashboard.openDemoAlpha();

    await btcSlider(page).focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft'); // 10 steps of 0.5%
    await expect(btcSlider(page)).toHaveValue('-5');
    await expect(btcField(page)).toHaveValue('-5');
    await expect(scenarioBar(page)).toContainText('BTC \u22125%');
    await expect(alphaHF).not.toHaveText(today);
    const afterMove = await alphaHF.innerText();

    // more collateral raises the margin balance, so the HF goes up
    await page.getByRole('spinbutton', { name: 'alpha: add (+) / withdraw (−) collateral, USD' }).fill('5000');
    await expect(scenarioBar(page)).toContainText('BTC \u22125%, +5,000 USD to alpha');
    await expect(alphaHF).not.toHaveText(afterMove);
    expect(hfNumber(await alphaHF.innerText())).toBeGreaterThan(hfNumber(afterMove));
    await expect(page).toHaveURL(/#s=BTC:-0\.05&c=alpha:5000&t=1\.5&m=1\.25$/);

    // the demo book holds an option: the vol shock and the time shift apply (issue 4)
    await expect(page.getByRole('slider', { name: 'Volatility shock' })).toBeEnabled();
    await expect(page.getByRole('spinbutton', { name: 'Time shift, days' })).toBeEnabled();

    await btcSlider(page).focus();
    const file = path.join('e2e', 'artifacts', 'scenario.png');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const png = await page.screenshot({ path: file });
    await testInfo.attach('scenario', { body: png, contentType: 'image/png' });
  });

  test('a bad hash is ignored and the demo still loads', async ({ dashboard }) => {
    const { page } = dashboard;
    await page.goto('/#s=BTC:oops,__proto__:1e9&c=%E0%A4%A:5&t=x');
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(dashboard.healthFactor(dashboard.unitCard('alpha', 'Cross'))).toHaveText(/^\d/);
    await expect(scenarioBar(page)).toHaveCount(0);
    await expect(btcField(page)).toHaveValue('0');
  });
});
