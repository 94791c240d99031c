import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { Report } from '../../src/engine/types';
import { exponentNumbers } from './exponents';

const dir = mkdtempSync(join(tmpdir(), 'radar-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// The Binance FAQ example: 500 USDT wallet, 0.02 BTC long at 50,000 (20x) => LP 25,100.40
const faq = file('faq.csv', 'account,venue,symbol,side,qty,entry_price,mark_price,leverage\nfaq,binance,USDT,,500,,1,\nfaq,binance,BTCUSDT,long,0.02,50000,50000,20\n');

describe('cli evaluate', () => {
  it('prints the JSON report of cli-and-report.md', () => {
    const result = runCli(['evaluate', faq, '--as-of', '2026-01-01T00:00:00Z']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report;
    expect(report.schema).toBe('margin-radar/report@1');
    expect(report.asOf).toBe('2026-01-01T00:00:00Z');
    expect(report.scenario).toMatchObject({ shocks: {}, volShock: '0', days: '0', addCollateral: {} });
    const unit = report.accounts[0]!.units[0]!;
    expect(Object.keys(unit)).toEqual(expect.arrayContaining([
      'unit', 'collateral', 'debt', 'unrealizedPnl', 'marginBalance', 'initialMargin', 'maintenanceMargin', 'healthFactor',
      'marginRatio', 'availableMargin', 'marginBuffer', 'status', 'liquidationShock', 'positions',
    ]));
    const btc = unit.positions.find((p) => p.symbol === 'BTCUSDT')!;
    expect(Object.keys(btc)).toEqual(expect.arrayContaining([
      'line', 'symbol', 'type', 'underlying', 'side', 'qty', 'markPrice', 'notional', 'unrealizedPnl', 'initialMargin',
      'maintenanceMargin', 'mmr', 'maintenanceAmount', 'liquidationPrice', 'distanceToLiquidation',
    ]));
    expect(btc.line).toBe(3);
    expect(btc.liquidationPrice!.startsWith('25100.40')).toBe(true);
    // decimals are strings without exponent notation
    expect(exponentNumbers(report)).toEqual([]);
  });

  it('finds exponent numbers in values only, not in free text such as a temp path', () => {
    expect(exponentNumbers({ source: '/tmp/radar-cli-1e089l/faq.csv', a: ['1e-7', '0.0000001'], b: { n: 1e21, m: 5 } })).toEqual(['1e-7', '1e+21']);
  });

  it('applies a scenario: --shock BTC=-0.2 --add-collateral faq=100', () => {
    const report = JSON.parse(runCli(['evaluate', faq, '--shock', 'BTC=-0.2', '--add-collateral', 'faq=100']).stdout) as Report;
    // MB = 500 + 100 + 0.02 * (40,000 - 50,000) = 400; MM = 800 * 0.004 = 3.2 => HF = 125
    expect(report.scenario.shocks).toEqual({ BTC: '-0.2' });
    expect(report.accounts[0]!.units[0]!.healthFactor).toBe('125');
  });

  it('prints CSV: one row per position with the unit figures repeated', () => {
    const result = runCli(['evaluate', faq, '--format', 'csv']);
    const lines = result.stdout.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]!.startsWith('account,venue,unit,marginMode,unitCollateral')).toBe(true);
    expect(lines[2]).toContain('BTCUSDT');
  });

  it('replaces built-in tiers with --brackets', () => {
    const brackets = file('b.json', JSON.stringify([{ symbol: 'BTCUSDT', brackets: [{ bracket: 1, initialLeverage: 50, notionalCap: 1e9, notionalFloor: 0, maintMarginRatio: 0.01, cum: 0 }] }]));
    const report = JSON.parse(runCli(['evaluate', faq, '--brackets', brackets]).stdout) as Report;
    expect(report.accounts[0]!.units[0]!.maintenanceMargin).toBe('10'); // 1,000 * 0.01
  });

  it('exit 2 and FILE:LINE:COLUMN lines for a bad file, nothing on stdout', () => {
    const bad = file('bad.csv', 'symbol,qty,entry_price,mark_price\nBTCUSDT,1,60000,60000\nBTCUSDT,abc,60000,60000\n');
    const result = runCli(['evaluate', bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // line 3 is the second data row; its qty is "abc"
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:qty: expected .*number`));
  });

  it('exit 1 with one line for other failures, and no stack trace', () => {
    const missing = runCli(['evaluate', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(runCli(['evaluate', faq, '--bogus']).code).toBe(1);
    expect(runCli(['frobnicate']).code).toBe(1);
  });

  it('runs as `npm run --silent cli` with the same exit codes', () => {
    const ok = execFileSync('npm', ['run', '--silent', 'cli', '--', 'evaluate', faq], { encoding: 'utf8' });
    expect((JSON.parse(ok) as Report).schema).toBe('margin-radar/report@1');
    const bad = spawnSync('npm', ['run', '--silent', 'cli', '--', 'evaluate', file('empty.csv', '')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/empty\.csv:1:-: /);
  }, 30_000);
});
