import { expect, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixture = (name: string) => path.join(here, '..', 'fixtures', name);

/** The dashboard as a user sees it: role and label locators only, plus test ids on figures. */
export class DashboardPage {
  readonly portfolioInput: Locator;
  readonly sampleSelect: Locator;
  readonly bracketsInput: Locator;
  readonly targetHF: Locator;
  readonly marginCallHF: Locator;
  readonly loadedFile: Locator;
  readonly positions: Locator;
  readonly refused: Locator;
  readonly engineMode: Locator;

  constructor(readonly page: Page) {
    this.portfolioInput = page.getByLabel('Load portfolio CSV');
    this.sampleSelect = page.getByLabel('Sample portfolio');
    this.bracketsInput = page.getByLabel('Load venue parameters (JSON)');
    this.targetHF = page.getByLabel('Target health factor (margin buffer)');
    this.marginCallHF = page.getByLabel('Margin-call level');
    this.loadedFile = page.getByTestId('loaded-file');
    this.positions = page.getByRole('region', { name: /Positions table/ }).getByRole('table');
    this.refused = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: /^File refused:/ }) });
    this.engineMode = page.getByTestId('engine-mode');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  async loadPortfolio(file: string): Promise<void> {
    await this.portfolioInput.setInputFiles(fixture(file));
  }

  /**
   * Drops fixture files on the page together, as a user would: dragenter, dragover and drop of one
   * DataTransfer. A file can be given as [fixture, name as dropped].
   */
  async drop(...files: Array<string | [file: string, as: string]>): Promise<void> {
    const payload = files.map((f) => {
      const [file, name] = typeof f === 'string' ? [f, f] : f;
      return { text: fs.readFileSync(fixture(file), 'utf8'), name };
    });
    await this.page.evaluate((items) => {
      const data = new DataTransfer();
      for (const { text, name } of items) data.items.add(new File([text], name, { type: name.endsWith('.json') ? 'application/json' : 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    }, payload);
  }

  /** A unit card, by account and unit label as the card shows them ("Cross", "Isolated BTCUSDT"). */
  unitCard(account: string, unit: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(`^${escape(account)} · ${escape(unit)}:`) });
  }

  healthFactor(card: Locator): Locator {
    return card.getByTestId('health-factor');
  }

  /** The demo as a first visit loads it, and alpha's cross-margin HF as the card shows it today. */
  async openDemoAlpha(): Promise<{ alphaHF: Locator; today: string }> {
    await this.goto();
    await expect(this.loadedFile).toHaveText('demo.csv');
    const alphaHF = this.healthFactor(this.unitCard('alpha', 'Cross'));
    await expect(alphaHF).toHaveText(/^\d/);
    return { alphaHF, today: await alphaHF.innerText() };
  }

  /** The body row of a position, by its symbol (first match). */
  positionRow(symbol: string): Locator {
    return this.positions.getByRole('row').filter({ has: this.page.getByRole('cell', { name: symbol, exact: true }) }).first();
  }

  /** The text of one cell of a position row, by the column header's name. */
  async cellText(symbol: string, column: string): Promise<string> {
    // polled: right after a reload the header row can be on screen before its labels are
    let index = -1;
    await expect
      .poll(async () => {
        const headers = await this.positions.getByRole('columnheader').allInnerTexts();
        index = headers.findIndex((h) => h.replace(/[▲▼↕]/g, '').trim() === column);
        return index;
      }, { message: `column "${column}" among the position table's headers` })
      .toBeGreaterThanOrEqual(0);
    return (await this.positionRow(symbol).getByRole('cell').nth(index).innerText()).trim();
  }

  columnHeader(name: string): Locator {
    return this.positions.getByRole('columnheader', { name: new RegExp(`^${escape(name)}`) });
  }

  sortButton(name: string): Locator {
    return this.columnHeader(name).getByRole('button');
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
