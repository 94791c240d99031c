import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run';
import type { VenueComparison } from '../../src/engine/compare';
import { exponentNumbers } from './exponents';

const sample = fileURLToPath(new URL('../../public/samples/venues-compare.csv', import.meta.url));

describe('cli compare-venues', () => {
  it('prints the side-by-side comparison as JSON', () => {
    const result = runCli(['compare-venues', sample, '--as-of', '2026-01-01T00:00:00Z']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as VenueComparison;
    expect(out.schema).toBe('margin-radar/compare-venues@1');
    expect(out.venues.map((v) => v.id)).toEqual(['binance', 'bybit', 'okx', 'hyperliquid', 'deribit', 'aave-v3']);
    const long = out.positions.find((p) => p.account === 'main' && p.symbol === 'BTCUSDT')!;
    // Bybit: 10,000 + (P - 50,000) = 250 (0.5% of the entry value) -> 40,250
    expect(long.venues.find((v) => v.venue === 'bybit')!.liquidationPrice).toBe('40250');
    expect(long.theirs!.liquidationPrice).toBe('40160.64');
    expect(exponentNumbers(out)).toEqual([]);
  });

  it('refuses a missing file argument with the usage', () => {
    const result = runCli(['compare-venues']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/compare-venues/);
  });
});
