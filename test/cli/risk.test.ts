import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';

const dir = mkdtempSync(join(tmpdir(), 'radar-risk-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// long 1 BTC perp at 100 beside 10.45 USDT, mmr 0.005: MB = 10.45 + 100(x − 1), MM = 0.5x, HF = 1 at x = 0.9
const book = file('book.csv', 'symbol,qty,entry_price,mark_price,mmr\nUSDT,10.45,,1,\nBTCUSDT,1,100,100,0.005\n');

describe('cli stress', () => {
  it('applies a preset by name and prints each unit', () => {
    const result = runCli(['stress', book, '--preset', 'black-thursday-2020']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.schema).toBe('margin-radar/stress@1');
    expect(json.preset.date).toBe('2020-03-12');
    // hour 1: BTC −22.1% is past the −10% that liquidates this unit
    expect(json.units[0]).toMatchObject({ label: 'main · Cross', liquidatedAtHour: 1 });
  });

  it('starts from the what-if flags: --add-collateral lifts the unit above the crash', () => {
    // +100 USDT: MB(x) = 110.45 + 100(x − 1) = 0.5x only at x < 0, so no BTC move liquidates it
    const json = JSON.parse(runCli(['stress', book, '--preset', 'black-thursday-2020', '--add-collateral', 'main=100']).stdout);
    expect(json.from).toEqual({ shocks: [], all: '0', volShock: '0', days: '0', addCollateral: [['main', '100']] });
    expect(json.units[0]).toMatchObject({ marginBalance: '110.45', liquidatedAtHour: null });
    expect(JSON.parse(runCli(['stress', book, '--preset', 'black-thursday-2020']).stdout).from).toBe('today');
  });

  it('a what-if the engine refuses exits 2 as evaluate does', () => {
    const result = runCli(['stress', book, '--preset', 'black-thursday-2020', '--shock', 'BTC=-1.5']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('scenario:0:-: shock BTC: a move must be above -1 (-100%), found -1.5');
  });

  it('--preset all: every preset, each with every unit', () => {
    const result = runCli(['stress', book, '--preset', 'all']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json.schema).toBe('margin-radar/stress-all@1');
    expect(json.presets.map((p: { preset: { id: string } }) => p.preset.id)).toEqual(['black-thursday-2020', 'may-19-2021', 'luna-2022-05', 'ftx-2022-11', 'oct-10-2025', 'usdc-depeg-2023-03']);
    // the same figures as the one-preset command
    const one = JSON.parse(runCli(['stress', book, '--preset', 'black-thursday-2020']).stdout);
    expect(json.presets[0].units).toEqual(one.units);
    // the USDC depeg moves only USDC and DAI, which this book does not hold: nothing lost
    expect(json.presets[5].units[0]).toMatchObject({ liquidatedAtHour: null, loss: '0.00' });
  });

  it('an unknown preset lists the presets', () => {
    const result = runCli(['stress', book, '--preset', 'nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no preset "nope"; presets: all, black-thursday-2020, may-19-2021');
  });
});

describe('cli var', () => {
  it('prints VaR and ES, the same for the same seed', () => {
    const args = ['var', book, '--horizon-days', '1', '--confidence', '0.99', '--paths', '2000', '--seed', '5'];
    const a = runCli(args);
    expect(a.stderr).toBe('');
    const json = JSON.parse(a.stdout);
    expect(json).toMatchObject({ schema: 'margin-radar/var@1', method: 'monte-carlo', paths: 2000, horizonDays: 1, seed: 5 });
    expect(Number(json.book.tails[0].es)).toBeGreaterThanOrEqual(Number(json.book.tails[0].var));
    expect(runCli(args).stdout).toBe(a.stdout);
  });

  it('historical simulation from a returns file', () => {
    // one-day PnL = 100 × return: losses 10, 5, −2 → α = 0.5 + ε: m = ⌈3 × 0.4⌉ = 2 → VaR 5, ES 7.5
    const returns = file('r.csv', 'date,asset,return\n2024-01-01,BTC,-0.1\n2024-01-02,BTC,-0.05\n2024-01-03,BTC,0.02\n');
    const result = runCli(['var', book, '--history', returns, '--confidence', '0.6']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json.method).toBe('historical');
    expect(json.book.tails).toEqual([{ confidence: '0.6', var: '5.00', es: '7.50' }]);
  });

  it('historical simulation from the what-if: the returns apply to the shocked price', () => {
    // BTC +20%: x0 = 1.2, PnL = 100 × 1.2 × return: losses 12, 6, −2.4 → m = 2 → VaR 6, ES (12 + 6) / 2 = 9
    const returns = file('r2.csv', 'date,asset,return\n2024-01-01,BTC,-0.1\n2024-01-02,BTC,-0.05\n2024-01-03,BTC,0.02\n');
    const result = runCli(['var', book, '--history', returns, '--confidence', '0.6', '--shock', 'BTC=0.2']);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json.from.shocks).toEqual([['BTC', '0.2']]);
    expect(json.book.tails).toEqual([{ confidence: '0.6', var: '6.00', es: '9.00' }]);
    // MB at the start: 10.45 + 100 × 0.2 = 30.45
    expect(json.units[0].marginBalance).toBe('30.45');
  });

  it('a bad returns file exits 2 with FILE:LINE:COLUMN', () => {
    const returns = file('bad.csv', 'date,asset,return\n2024-01-01,BTC,abc\n');
    const result = runCli(['var', book, '--history', returns]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.csv:2:return: expected a decimal number/);
  });

  it('a bad flag is a usage error', () => {
    expect(runCli(['var', book, '--paths', 'many']).stderr).toContain('--paths: expected a whole number from 1 to 1000000, found "many"');
  });
});
