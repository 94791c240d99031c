import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { Report } from '../../src/engine/types';

const fixtures = join(__dirname, '../fixtures/venue-params');
const dir = mkdtempSync(join(tmpdir(), 'radar-params-'));
const book = join(dir, 'book.csv');
// 4 ETH at 2,500 on Aave with no threshold of its own and 6,000 GHO borrowed; 1,000 ADA contracts (ctVal 100) on OKX
writeFileSync(book, 'account,venue,symbol,type,qty,contract_size,entry_price,mark_price\naave,aave-v3,ETH,spot,4,,,2500\naave,aave-v3,GHO,spot,-6000,,,1\nokx,okx,USDT,spot,100000,,,1\nokx,okx,ADA-USDT-SWAP,perp,1000,100,0.4,0.4\n');
const AS_OF = ['--as-of', '2026-01-01T00:00:00Z'];

function figures(stdout: string) {
  const report = JSON.parse(stdout) as Report;
  const unit = (account: string) => report.accounts.find((a) => a.account === account)!.units[0]!;
  return { hf: unit('aave').healthFactor, adaMm: unit('okx').positions.find((p) => p.symbol === 'ADA-USDT-SWAP')!.maintenanceMargin };
}

describe('cli --brackets with venue parameter files of any accepted shape', () => {
  it('is repeatable: OKX tiers with its instruments file, Aave reserves', () => {
    // built in: HF = 10,000 × 0.825 / 6,000 = 1.375; ADA tier 1 of OKX's table: 40,000 × (0.005 + 0.0005) = 220
    expect(figures(runCli(['evaluate', book, ...AS_OF]).stdout)).toEqual({ hf: '1.375', adaMm: '220' });
    const result = runCli(['evaluate', book, ...AS_OF,
      '--brackets', join(fixtures, 'okx-position-tiers-ada.json'),
      '--brackets', join(fixtures, 'okx-instruments-ada.json'),
      '--venue-params', join(fixtures, 'aave-reserves.json')]);
    expect(result.stderr).toBe('');
    // loaded: HF = 10,000 × 0.78 / 6,000 = 1.3; ADA 100,000 > 50,000 → tier 2: 40,000 × (0.02 + 0.0005) = 820
    expect(figures(result.stdout)).toEqual({ hf: '1.3', adaMm: '820' });
  });

  it('exit 2 naming the file and what to add when OKX tiers come without contract values', () => {
    const tiers = join(fixtures, 'okx-position-tiers-ada.json');
    const result = runCli(['evaluate', book, '--brackets', tiers]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${tiers}:1:-: ADA-USDT: contract value (ctVal) unknown`);
    expect(result.stderr).toContain('GET /api/v5/public/instruments');
  });

  it('exit 2 listing the accepted shapes for JSON of another shape', () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"positions": []}');
    const result = runCli(['stress', book, '--preset', 'crypto-crash', '--brackets', other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/other\.json:1:-: not a venue parameter file this app reads; expected one of: Binance .*leverageBracket.*OKX.*position-tiers.*Aave/);
  });
});
