/**
 * `npm run bench:ui`: the slider in the production build, in Chromium. Loads a generated
 * 100k-position portfolio, moves the "All non-stable assets" slider 60 steps with the keyboard
 * (waiting for each step's result), and reports input-to-painted-result p50/p95 from the app's own
 * `radar:scenario-to-paint` measures (store change -> paint after the result is committed) and the
 * long animation frames (> 50 ms) during the drag. Targets: p95 <= 50 ms, 0 long frames.
 * Port: BENCH_UI_PORT (default 4180). `--no-build` reuses dist/.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { generatePortfolioCsv } from './generate';

const PORT = Number(process.env.BENCH_UI_PORT ?? 4180);
const POSITIONS = Number(process.env.BENCH_UI_POSITIONS ?? 100_000);
const STEPS = 60;
const percentile = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * p))] ?? NaN;

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execSync('npm run build', { stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'radar-ui-')), 'big.csv');
  writeFileSync(file, generatePortfolioCsv(POSITIONS, POSITIONS / 10));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByTestId('loaded-file').filter({ hasText: 'demo.csv' }).waitFor();
    const loadStart = Date.now();
    await page.getByLabel('Load portfolio CSV').setInputFiles(file);
    await page.getByTestId('loaded-file').filter({ hasText: 'big.csv' }).waitFor({ timeout: 180_000 });
    await page.getByTestId('health-factor').first().waitFor({ timeout: 180_000 });
    console.log(`loaded ${POSITIONS.toLocaleString('en-US')} positions in ${((Date.now() - loadStart) / 1000).toFixed(1)} s (import, layout, first evaluation)`);
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask';
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type, buffered: false });
      performance.clearMeasures('radar:scenario-to-paint');
    });
    const slider = page.getByRole('slider', { name: 'All non-stable assets' });
    await slider.focus();
    for (let i = 0; i < STEPS; i++) {
      await page.keyboard.press(i < STEPS / 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.waitForFunction((n) => performance.getEntriesByName('radar:scenario-to-paint').length >= n, i + 1, { timeout: 10_000 });
    }
    const { measures, long } = await page.evaluate(() => ({
      measures: performance.getEntriesByName('radar:scenario-to-paint').map((e) => e.duration),
      long: (window as unknown as { __long: number[] }).__long,
    }));
    const over = long.filter((d) => d > 50);
    console.table([{
      positions: POSITIONS,
      steps: measures.length,
      'scenario-to-paint p50 ms': percentile(measures, 0.5).toFixed(1),
      'p95 ms': percentile(measures, 0.95).toFixed(1),
      'max ms': Math.max(...measures).toFixed(1),
      'long frames > 50 ms': over.length,
      'longest frame ms': over.length ? Math.max(...over).toFixed(0) : '-',
    }]);
    console.log('targets: p95 <= 50 ms, 0 long frames over 50 ms during the drag');
    await page.screenshot({ path: path.join(path.dirname(file), 'big.png') });
    console.log(`screenshot: ${path.join(path.dirname(file), 'big.png')}`);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
