import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO } from '../../src/engine/types';
import { createEngineService } from '../../src/worker/service';

const fixture = (name: string) => ({ fileName: name, text: readFileSync(join(__dirname, '../fixtures/venue-params', name), 'utf8') });
const AS_OF = '2026-01-01T00:00:00Z';
// Aave: 4 ETH at 2,500 with no threshold of its own, 6,000 GHO borrowed; OKX: 1,000 ADA contracts (ctVal 100) at 0.40
const CSV = `account,venue,symbol,type,qty,contract_size,entry_price,mark_price
aave,aave-v3,ETH,spot,4,,,2500
aave,aave-v3,GHO,spot,-6000,,,1
okx,okx,USDT,spot,100000,,,1
okx,okx,ADA-USDT-SWAP,perp,1000,100,0.4,0.4
`;

function figures(engine: ReturnType<typeof createEngineService>) {
  const out = engine.evaluate({ scenario: EMPTY_SCENARIO, thresholds: DEFAULT_THRESHOLDS, asOf: AS_OF });
  if (!out.ok) throw new Error('evaluate failed');
  const unit = (account: string) => out.report.accounts.find((a) => a.account === account)!.units[0]!;
  return { hf: unit('aave').healthFactor, adaMm: unit('okx').positions.find((p) => p.symbol === 'ADA-USDT-SWAP')!.maintenanceMargin };
}

describe('worker loadBrackets: venue parameter files by shape', () => {
  it('OKX tiers + instruments and Aave reserves in one batch change the figures; replace drops them again', () => {
    const engine = createEngineService();
    expect(engine.load({ fileName: 'book.csv', content: CSV, asOf: AS_OF }).ok).toBe(true);
    // built in: HF = 10,000 × 0.825 / 6,000 = 1.375; ADA tier 1: 40,000 × (0.005 + 0.0005) = 220
    expect(figures(engine)).toEqual({ hf: '1.375', adaMm: '220' });
    const loaded = engine.loadBrackets({ files: [fixture('okx-position-tiers-ada.json'), fixture('aave-reserves.json'), fixture('okx-instruments-ada.json')] });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.loaded?.map((l) => [l.fileName, l.label])).toEqual([
      ['okx-instruments-ada.json', 'OKX contract values'],
      ['okx-position-tiers-ada.json', 'OKX position tiers'],
      ['aave-reserves.json', 'Aave reserves'],
    ]);
    // loaded: HF = 10,000 × 0.78 / 6,000 = 1.3; ADA tier 2: 40,000 × (0.02 + 0.0005) = 820
    expect(figures(engine)).toEqual({ hf: '1.3', adaMm: '820' });
    // reserves loaded before the book apply to it too
    expect(engine.load({ fileName: 'book.csv', content: CSV, asOf: AS_OF }).ok).toBe(true);
    expect(figures(engine).hf).toBe('1.3');
    // a workspace restore replaces everything loaded
    expect(engine.loadBrackets({ files: [], replace: true }).ok).toBe(true);
    expect(figures(engine)).toEqual({ hf: '1.375', adaMm: '220' });
  });

  it('a refused batch changes nothing and says which file and what to add', () => {
    const engine = createEngineService();
    expect(engine.load({ fileName: 'book.csv', content: CSV, asOf: AS_OF }).ok).toBe(true);
    const refused = engine.loadBrackets({ files: [fixture('aave-reserves.json'), fixture('okx-position-tiers-ada.json')] });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatch(/^okx-position-tiers-ada\.json: ADA-USDT: contract value \(ctVal\) unknown/);
    expect(figures(engine)).toEqual({ hf: '1.375', adaMm: '220' });
  });

  it('the one-file form still reads Binance brackets', () => {
    const engine = createEngineService();
    const text = JSON.stringify([{ symbol: 'BTCUSDT', brackets: [{ bracket: 1, initialLeverage: 50, notionalCap: 1e9, notionalFloor: 0, maintMarginRatio: 0.01, cum: 0 }] }]);
    const loaded = engine.loadBrackets({ fileName: 'b.json', text });
    expect(loaded).toMatchObject({ ok: true, symbols: ['BTCUSDT'] });
  });
});
