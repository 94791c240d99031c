import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { Report } from '../../src/engine/types';

const dir = mkdtempSync(join(tmpdir(), 'radar-options-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const SAMPLE = 'public/samples/options.csv';
const AS_OF = '2026-11-20T08:00:00Z';

interface RiskMatrixJson {
  schema: string;
  grid: { id: string; scenarios: Array<{ price: number; vol: number; weight: number }> };
  units: Array<{ account: string; unit: string; requirement: string; worstScenario: number | null; maintenanceMargin: string | null; pnl: string[] }>;
  total: string[];
}

describe('cli evaluate with options', () => {
  it('the options sample: Deribit margins worked by hand, and option figures per position', () => {
    const result = runCli(['evaluate', SAMPLE, '--as-of', AS_OF]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const desk = report.accounts.find((a) => a.account === 'deribit-desk')!.units[0]!;
    // short 2 BTC 95,000 calls at 6,050 (S 95,000, OTM 0): IM = (max(0.15*95000, 0.10*95000) + 6050) * 2 = 40,600; MM = (7,125 + 6,050) * 2 = 26,350
    // short 2 BTC 95,000 puts at 5,950: MM = (max(7,125, 446.25) + 5,950) * 2 = 26,150; IM = max(14,250 + 5,950, 13,075) * 2 = 40,400
    // short 10 ETH 2,800 puts at 285 (S 3,200, OTM 400): IM = (max(480 - 400, 320) + 285) * 10 = 6,050; MM = (240 + 285) * 10 = 5,250
    // MB = 110,000 - 2*6,050 - 2*5,950 - 10*285 = 83,150; HF = 83,150 / 57,750
    expect(desk.initialMargin).toBe('87050');
    expect(desk.maintenanceMargin).toBe('57750');
    expect(desk.marginBalance).toBe('83150');
    expect(desk.healthFactor!.startsWith('1.43982683982')).toBe(true);
    expect(desk.status).toBe('warning');
    const call = desk.positions.find((p) => p.symbol === 'BTC-25DEC26-95000-C')!;
    for (const field of ['theoreticalPrice', 'delta', 'gamma', 'vega', 'theta'] as const) expect(call[field], field).toMatch(/^-?\d+(\.\d+)?$/);
    expect(Number(call.delta)).toBeGreaterThan(0.5); // at the money with positive drift: N(d1) > 0.5
    // the short straddle has a liquidation price on each side; the nearer one is reported
    const [down, up] = call.liquidationPrices!.map(Number);
    expect(down! < 95000 && up! > 95000).toBe(true);
  });

  it('a vol shock moves option marks and margins', () => {
    const base = JSON.parse(runCli(['evaluate', SAMPLE, '--as-of', AS_OF]).stdout) as Report;
    const shocked = JSON.parse(runCli(['evaluate', SAMPLE, '--as-of', AS_OF, '--vol-shock', '0.5']).stdout) as Report;
    const mm = (r: Report) => Number(r.accounts[0]!.units[0]!.maintenanceMargin);
    expect(shocked.scenario.volShock).toBe('0.5');
    expect(mm(shocked)).toBeGreaterThan(mm(base)); // short options cost more when vol rises
  });
});

describe('cli risk-matrix', () => {
  it('SPAN by default: 16 scenarios, a requirement per unit beside its standard MM', () => {
    const result = runCli(['risk-matrix', SAMPLE, '--as-of', AS_OF]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as RiskMatrixJson;
    expect(out.schema).toBe('margin-radar/risk-matrix@1');
    expect(out.grid.id).toBe('span');
    expect(out.grid.scenarios).toHaveLength(16);
    expect(out.units.map((u) => u.account)).toEqual(['deribit-desk', 'covered-call']);
    const desk = out.units[0]!;
    expect(desk.maintenanceMargin).toBe('57750');
    expect(desk.pnl).toHaveLength(16);
    expect(Number(desk.requirement)).toBeGreaterThan(0);
    // the requirement is the worst weighted loss, read off the printed matrix
    const worst = Math.max(...desk.pnl.map((p, i) => -Number(p) * out.grid.scenarios[i]!.weight));
    expect(Number(desk.requirement)).toBeCloseTo(worst, 3);
  });

  it('a long future on the SPAN grid: the requirement is the full scan range, 9,000 on 60,000 at 15%', () => {
    const future = file('future.csv', 'symbol,qty,entry_price,mark_price\nBTCUSDT_261225,1,60000,60000\n');
    const out = JSON.parse(runCli(['risk-matrix', future, '--as-of', AS_OF]).stdout) as RiskMatrixJson;
    expect(out.units[0]!.requirement).toBe('9000');
    expect(out.units[0]!.pnl.slice(10, 14)).toEqual(['9000', '9000', '-9000', '-9000']);
  });

  it('--grid deribit and --grid FILE.json', () => {
    const deribit = JSON.parse(runCli(['risk-matrix', SAMPLE, '--as-of', AS_OF, '--grid', 'deribit']).stdout) as RiskMatrixJson;
    expect(deribit.grid.scenarios).toHaveLength(35);
    const grid = file('grid.json', JSON.stringify({ prices: [-0.1, 0, 0.1], vols: [0, 0.5] }));
    const custom = JSON.parse(runCli(['risk-matrix', SAMPLE, '--as-of', AS_OF, `--grid=${grid}`]).stdout) as RiskMatrixJson;
    expect(custom.grid.scenarios.map((s) => [s.price, s.vol])).toEqual([[-0.1, 0], [-0.1, 0.5], [0, 0], [0, 0.5], [0.1, 0], [0.1, 0.5]]);
    // no move, no vol move: nothing changes
    expect(custom.total[2]).toBe('0');
  });

  it('a bad grid file: exit 2 and one FILE:LINE:COLUMN line per problem', () => {
    const grid = file('bad-grid.json', JSON.stringify({ scenarios: [{ price: -2 }, { price: 0.1, weight: 'x' }] }));
    const result = runCli(['risk-matrix', SAMPLE, '--grid', grid]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `${grid}:1:-: scenarios[0].price: expected a price move above -1 (a fraction, -0.2 = -20%)`,
      `${grid}:1:-: scenarios[1].weight: expected a weight of 0 or more`,
    ]);
  });
});
