import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { fixture } from './pages/dashboard';
import { expect, test } from './test';

const btcField = (page: Page) => page.getByRole('spinbutton', { name: 'BTC price move, %', exact: true });
const workspaceSelect = (page: Page) => page.getByLabel('Current workspace');

/** Writes a raw value into the app's IndexedDB store, as a corrupted browser profile would hold it. */
async function putRaw(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('margin-radar');
        open.onsuccess = () => {
          const tx = open.result.transaction('workspaces', 'readwrite');
          tx.objectStore('workspaces').put(v, k as string);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [key, value] as const,
  );
}

async function currentId(page: Page): Promise<string> {
  return workspaceSelect(page).inputValue();
}

test.describe('Persistence', () => {
  test('a reload keeps the portfolio, the scenario, the thresholds and the alert rules', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await dashboard.loadPortfolio('good-portfolio.csv');
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');
    await btcField(page).fill('-10');
    await dashboard.targetHF.fill('1.8');
    await dashboard.targetHF.press('Tab');
    await page.getByRole('tab', { name: 'Alerts' }).click();
    await page.getByLabel('HF level').fill('3');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect(dashboard.unitCard('solo', 'Isolated BTCUSDT')).toBeVisible();
    const hf = await dashboard.healthFactor(dashboard.unitCard('solo', 'Isolated BTCUSDT')).innerText();
    await expect(page.getByTestId('saved-state')).toHaveText('Saved in this browser.');

    // no hash: everything must come from IndexedDB, not from the link
    await page.goto('/');
    await expect(dashboard.loadedFile).toHaveText('good-portfolio.csv');
    await expect(btcField(page)).toHaveValue('-10');
    await expect(dashboard.targetHF).toHaveValue('1.8');
    // alert rules are saved with the workspace (the default margin-call rule, then ours)
    await page.getByRole('tab', { name: 'Alerts' }).click();
    await expect(page.getByRole('list', { name: 'Alert rules' })).toContainText('HF below 3 — every unit');
    await expect(dashboard.healthFactor(dashboard.unitCard('solo', 'Isolated BTCUSDT'))).toHaveText(hf);
  });

  test('a change followed at once by leaving the page is kept (inside the save delay)', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(page.getByTestId('saved-state')).toHaveText('Saved in this browser.');
    await page.getByRole('tab', { name: 'Alerts' }).click();
    await page.getByLabel('HF level').fill('2.7');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByRole('list', { name: 'Alert rules' })).toContainText('HF below 2.7 — every unit');
    // straight away, no hash: the rule lives only in the workspace, and its save is still waiting
    await page.goto('/');
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await page.getByRole('tab', { name: 'Alerts' }).click();
    await expect(page.getByRole('list', { name: 'Alert rules' })).toContainText('HF below 2.7 — every unit');
    // and it was saved properly on the way in: a second reload still has it
    await expect(page.getByTestId('saved-state')).toHaveText('Saved in this browser.');
    await page.goto('/');
    await page.getByRole('tab', { name: 'Alerts' }).click();
    await expect(page.getByRole('list', { name: 'Alert rules' })).toContainText('HF below 2.7 — every unit');
  });

  test('named workspaces: save as new, switch, export and import', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await page.getByLabel('Name', { exact: true }).fill('Stress');
    await page.getByRole('button', { name: 'Save as new' }).click();
    await expect(workspaceSelect(page).locator('option:checked')).toHaveText('Stress');
    await btcField(page).fill('-30');
    await btcField(page).press('Tab');
    await workspaceSelect(page).selectOption({ label: 'Workspace 1' });
    await expect(btcField(page)).toHaveValue('0');
    await workspaceSelect(page).selectOption({ label: 'Stress' });
    await expect(btcField(page)).toHaveValue('-30');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export workspace' }).click();
    const file = await (await download).path();
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: number; workspace: { name: string; portfolio: { fileName: string } } };
    expect(saved.version).toBe(3);
    expect(saved.workspace.name).toBe('Stress');
    expect(saved.workspace.portfolio.fileName).toBe('demo.csv');

    await page.getByLabel('Import workspace (JSON)').setInputFiles(file);
    await expect(workspaceSelect(page).locator('option:checked')).toHaveText('Stress (2)');
    await expect(btcField(page)).toHaveValue('-30');
    await page.getByLabel('Import workspace (JSON)').setInputFiles(fixture('bad-portfolio.csv'));
    await expect(page.getByRole('alert').filter({ hasText: 'Workspace file refused: bad-portfolio.csv: not JSON' })).toBeVisible();
  });

  test('corrupted storage is set aside: the app starts clean, says so, and offers the data', async ({ dashboard }) => {
    const { page } = dashboard;
    await dashboard.goto();
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await btcField(page).fill('-10');
    await btcField(page).press('Tab');
    await expect(page.getByTestId('saved-state')).toHaveText('Saved in this browser.');
    const id = await currentId(page);
    await putRaw(page, `ws:${id}`, { format: 'margin-radar/workspace', version: 2, savedAt: 'x', workspace: { name: 7 } });
    await putRaw(page, `file:${id}`, 'not bytes');

    await page.goto('/');
    const notice = page.getByRole('alert', { name: 'Storage notice' });
    await expect(notice).toContainText('could not be read');
    await expect(notice).toContainText('started clean');
    await expect(dashboard.loadedFile).toHaveText('demo.csv');
    await expect(btcField(page)).toHaveValue('0');
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Download set-aside data' }).click();
    const aside = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8')) as { items: Array<{ key: string }> };
    expect(aside.items.map((i) => i.key).sort()).toEqual([`file:${id}`, `ws:${id}`]);
    await notice.getByRole('button', { name: 'Discard it' }).click();
    await expect(notice).toHaveCount(0);
  });
});
