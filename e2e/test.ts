import { test as base, expect } from '@playwright/test';
import { DashboardPage } from './pages/dashboard';

/** Every test gets the page object and fails on any uncaught page error or console error. */
export const test = base.extend<{ dashboard: DashboardPage }>({
  dashboard: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    await use(new DashboardPage(page));
    expect(problems, 'page errors and console errors').toEqual([]);
  },
});

export { expect };
