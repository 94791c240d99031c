import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { exponentNumbers } from './exponents';

const dir = mkdtempSync(join(tmpdir(), 'radar-cascade-'));
// A: 1,050 USDT + 1 BTC long at 10,000 (mmr 1%); B: 1,200 USDT + the same; C: 5,000 USDT + 1 BTC short.
const book = join(dir, 'book.csv');
writeFileSync(book, [
  'account,symbol,type,side,qty,entry_price,mark_price,mmr',
  'A,USDT,spot,,1050,,1,', 'A,BTCUSDT,perp,long,1,10000,10000,0.01',
  'B,USDT,spot,,1200,,1,', 'B,BTCUSDT,perp,long,1,10000,10000,0.01',
  'C,USDT,spot,,5000,,1,', 'C,BTCUSDT,perp,short,1,10000,10000,0.01',
].join('\n'));

interface CascadeJson {
  schema: string;
  stop: string;
  rounds: Array<{ round: number; liquidated: number; fund: string; adlAmount: string; ratios: Record<string, string> }>;
  accounting: Record<string, string>;
  liquidations: Array<{ round: number; unit: string; kind: string }>;
  adl: Array<{ round: number; unit: string }>;
}

describe('cli cascade', () => {
  it('prints the rounds as JSON: the worked cascade of test/engine/cascade/worked.test.ts', () => {
    const result = runCli(['cascade', book, '--shock', 'BTC=-0.1', '--depth', 'BTC=5000', '--fund', '100', '--fee', '0.01']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as CascadeJson;
    expect(json.schema).toBe('margin-radar/cascade@1');
    expect(json.stop).toBe('no-liquidation');
    // round 1 sells A's BTC: 0.9 * (1 - 0.01 * 10,000 / 5,000) = 0.882; round 2 B's: 0.9 * (1 - 0.04) = 0.864
    expect(json.rounds.map((r) => [r.round, r.liquidated, r.ratios['BTC'], r.fund])).toEqual([[1, 1, '0.882', '60'], [2, 1, '0.864', '0']]);
    expect(json.rounds[1]!.adlAmount).toBe('10.0000044');
    expect(json.liquidations.map((l) => [l.round, l.unit, l.kind])).toEqual([[1, 'A · cross', 'full'], [2, 'B · cross', 'full']]);
    expect(json.adl).toEqual([{ round: 2, unit: 'C · cross', amount: 10.0000044 }]);
    expect(json.accounting['priceEffect']).toBe('178.4745756');
    expect(exponentNumbers(json)).toEqual([]);
  });

  it('square-root impact with --impact sqrt --coefficient, and a round limit', () => {
    const json = JSON.parse(runCli(['cascade', book, '--shock', 'BTC=-0.1', '--depth', 'BTC=10000', '--impact', 'sqrt', '--coefficient', '0.05', '--rounds', '1']).stdout) as CascadeJson;
    // 1 - 0.05 * sqrt(10,000 / 10,000) = 0.95; 0.9 * 0.95 = 0.855
    expect(json.rounds).toHaveLength(1);
    expect(json.rounds[0]!.ratios['BTC']).toBe('0.855');
    expect(json.stop).toBe('round-limit');
  });

  it('says what is wrong with a flag or a parameter', () => {
    const bad = runCli(['cascade', book, '--depth', 'BTC']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--depth: expected NAME=NUMBER, found "BTC"');
    expect(bad.stderr).toContain('usage: cli cascade');
    const negative = runCli(['cascade', book, '--depth', 'BTC=-5']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toBe('cascade:0:-: depth BTC: expected an amount above 0, found -5\n');
    expect(runCli(['cascade', book, '--impact', 'cubic']).stderr).toContain('--impact: expected linear or sqrt');
  });
});
