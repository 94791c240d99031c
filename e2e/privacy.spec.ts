import type { Page, Request } from '@playwright/test';
import { expect, test } from './test';

const btcField = (page: Page) => page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true });

test.describe('Privacy', () => {
  test('no request leaves the origin while a portfolio is loaded, edited and exported', async ({ dashboard, context, baseURL }) => {
    const { page } = dashboard;
    const requests: string[] = [];
    // the context sees the page's, the worker's and the service worker's requests
    context.on('request', (r: Request) => requests.push(r.url()));
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.loadPortfolio('good-portfolio.csv');
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');
    await btcField(page).fill('-15');
    await dashboard.targetHF.fill('1.7');
    await page.getByRole('tab', { name: 'Alerts' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Report JSON' }).click();
    await download;
    await dashboard.sampleSelect.selectOption('binance-faq.csv');
    await expect(dashboard.loadedFile).toHaveText('binance-faq.csv');

    const origin = new URL(baseURL!).origin;
    expect(requests.length).toBeGreaterThan(3);
    const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside, 'requests to other origins').toEqual([]);
  });

  test('the built page carries a strict Content-Security-Policy', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    // the engine still runs in its worker under the policy (a violation would also fail the fixture)
    await expect(dashboard.engineMode).toHaveText('Engine: running in a Web Worker');
    await expect(dashboard.healthFactor(dashboard.unitCard('alpha', 'Cross'))).toHaveText(/^\d/);
  });

  test('once loaded, the app works offline: reload shows the saved portfolio, computed', async ({ dashboard, context }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.loadPortfolio('good-portfolio.csv');
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');
    // the service worker has taken control and cached the build
    await page.waitForFunction(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const cache = await caches.open('margin-radar-precache');
      return (await cache.keys()).some((r) => r.url.includes('engine.worker'));
    });
    const hf = await dashboard.healthFactor(dashboard.unitCard('solo', 'Isolated BTCUSDT')).innerText();

    await context.setOffline(true);
    await page.reload();
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');
    await expect(dashboard.healthFactor(dashboard.unitCard('solo', 'Isolated BTCUSDT'))).toHaveText(hf);
    await btcField(page).fill('-10');
    await expect(dashboard.healthFactor(dashboard.unitCard('solo', 'Isolated BTCUSDT'))).not.toHaveText(hf);
    await context.setOffline(false);
  });
});
