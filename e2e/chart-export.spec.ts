import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './test';

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent('download');
  await button.click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** Counts Content-Security-Policy violations the page reports (the production build carries the strict policy). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test.describe('Chart export', () => {
  test('the HF chart downloads as PNG and SVG under the strict CSP, with its title, axes and unit in the file', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const violations = await watchCsp(page);
    await page.getByRole('spinbutton', { name: 'All non-stable assets, %', exact: true }).fill('-20');

    const chart = page.getByTestId('chart-hf');
    await expect(chart.getByTestId('chart-hf-current')).toBeVisible();
    const plotWidth = Math.round((await chart.locator('.recharts-wrapper > svg').boundingBox())!.width);

    const png = await download(page, chart.getByRole('button', { name: 'Download hf curve chart as PNG' }));
    expect(png.name).toMatch(/^margin-radar-hf-curve-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.png$/);
    // the PNG signature, then IHDR: width at byte 16, drawn at twice the chart's size
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.readUInt32BE(16)).toBe(plotWidth * 2);
    expect(png.bytes.length).toBeGreaterThan(5_000);

    const svg = await download(page, chart.getByRole('button', { name: 'Download hf curve chart as SVG' }));
    expect(svg.name).toMatch(/^margin-radar-hf-curve-.*\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('>Health factor vs uniform move of all non-stable assets</text>');
    expect(text).toMatch(/>Margin unit: \w+ · /);
    expect(text).toContain('Uniform move of all non-stable underlyings, %');
    expect(text).toContain('Health factor (clipped at 3)');
    expect(text).toContain('>scenario</tspan>');
    // colours are resolved: the file does not depend on the page's CSS variables
    expect(text).not.toContain('var(--');
    expect(text).not.toMatch(/>(PNG|SVG)</);

    expect(await violations()).toEqual([]);
  });

  test('every chart on the charts and stress tabs offers both formats', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    for (const id of ['chart-hf', 'chart-margin', 'chart-ladder', 'chart-pnl']) {
      await expect(page.getByTestId(id).getByRole('button', { name: /as PNG$/ })).toBeVisible();
      await expect(page.getByTestId(id).getByRole('button', { name: /as SVG$/ })).toBeVisible();
    }
    await page.getByRole('tab', { name: 'Stress & VaR' }).click();
    const path = page.getByRole('figure', { name: /^Price path of / });
    const file = await download(page, path.getByRole('button', { name: 'Download stress path chart as SVG' }));
    expect(file.name).toMatch(/^margin-radar-stress-path-.*\.svg$/);
    expect(file.bytes.toString('utf8')).toContain('price move from the start (%) by hour');
  });
});
