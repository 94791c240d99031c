import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyVenueParams, readVenueParamFiles, SHAPES_ACCEPTED, venueParamKind, withAaveReserves, type VenueParamFile } from '../../src/engine/venues/params';
import { evaluate, positionOf, row, spot, unitOf } from './helpers';

const fixture = (name: string): VenueParamFile => ({ fileName: name, text: readFileSync(join(__dirname, '../fixtures/venue-params', name), 'utf8') });
const AS_OF = '2026-01-01T00:00:00Z';
const BINANCE = JSON.stringify([{ symbol: 'BTCUSDT', brackets: [{ bracket: 1, initialLeverage: 50, notionalCap: 100000, notionalFloor: 0, maintMarginRatio: 0.01, cum: 0 }] }]);

describe('venue parameter files recognised by shape', () => {
  it('names each accepted shape', () => {
    expect(venueParamKind(JSON.parse(BINANCE))).toBe('binance-brackets');
    expect(venueParamKind(JSON.parse(fixture('okx-position-tiers-ada.json').text))).toBe('okx-position-tiers');
    expect(venueParamKind(JSON.parse(fixture('okx-instruments-ada.json').text))).toBe('okx-instruments');
    expect(venueParamKind(JSON.parse(fixture('aave-reserves.json').text))).toBe('aave-reserves');
    expect(venueParamKind({ positions: [] })).toBeNull();
  });

  it('OKX tiers with the instruments file in the same batch: caps = maxSz × ctVal, whichever file comes first', () => {
    // ctVal 100 ADA: tier 1 up to 500 × 100 = 50,000 ADA; tier 2 from 50,000 up to 5,000 × 100 = 500,000 ADA
    const read = readVenueParamFiles([fixture('okx-position-tiers-ada.json'), fixture('okx-instruments-ada.json')], emptyVenueParams(), AS_OF);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const table = read.params.tierTables.get('okx:ADA-USDT')!;
    expect(read.params.tierTables.get('okx:ADAUSDT')).toBe(table);
    expect(read.params.tierTables.has('ADAUSDT')).toBe(false); // never a Binance table
    expect(table.tiers.map((t) => [t.bracket, t.floor.toFixed(), t.cap.toFixed(), t.mmr.toFixed(), t.maxLeverage.toFixed()])).toEqual([
      [1, '0', '50000', '0.01', '50'],
      [2, '50000', '500000', '0.02', '20'],
    ]);
    expect(read.loaded.map((l) => [l.kind, l.names])).toEqual([
      ['okx-instruments', ['ADA-USDT']],
      ['okx-position-tiers', ['ADA-USDT']],
    ]);
  });

  it('OKX tiers without contract values are refused with what to add; ctVal is never guessed', () => {
    const read = readVenueParamFiles([fixture('okx-position-tiers-ada.json')], emptyVenueParams(), AS_OF);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.join('\n')).toMatch(/okx-position-tiers-ada\.json: ADA-USDT: contract value \(ctVal\) unknown.*instruments.*select that instruments file together with this one/);
  });

  it('contract values loaded earlier serve a tiers file loaded later', () => {
    const first = readVenueParamFiles([fixture('okx-instruments-ada.json')], emptyVenueParams(), AS_OF);
    if (!first.ok) throw new Error(first.errors.join('\n'));
    const second = readVenueParamFiles([fixture('okx-position-tiers-ada.json')], first.params, AS_OF);
    expect(second.ok).toBe(true);
  });

  it('unrecognised JSON and non-JSON are refused with the shapes accepted; one bad file refuses the batch', () => {
    const read = readVenueParamFiles([{ fileName: 'b.json', text: BINANCE }, { fileName: 'x.json', text: '{"positions": []}' }, { fileName: 'y.json', text: '{' }], emptyVenueParams(), AS_OF);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toHaveLength(2);
    expect(read.errors[0]).toBe(`x.json: not a venue parameter file this app reads; expected one of: ${SHAPES_ACCEPTED}`);
    expect(read.errors[1]).toMatch(/^y\.json: not JSON/);
    expect(SHAPES_ACCEPTED).toMatch(/leverageBracket.*position-tiers.*instruments.*reserveLiquidationThreshold/);
  });

  it('a loaded OKX table margins OKX rows only: 1,000 ADA contracts at 0.40 move from built-in tier 1 to loaded tier 2', () => {
    const read = readVenueParamFiles([fixture('okx-instruments-ada.json'), fixture('okx-position-tiers-ada.json')], emptyVenueParams(), AS_OF);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    const rows = [
      spot('USDT', '100000', '1', { venue: 'okx' }),
      row({ venue: 'okx', symbol: 'ADA-USDT-SWAP', underlying: 'ADA', qty: '1000', contractSize: '100', entryPrice: '0.4', markPrice: '0.4' }),
    ];
    // built in (OKX 2023-05-19 table): 100,000 ADA ≤ 150,000 → tier 1, 0.5% + 0.05% fee; MM = 40,000 × 0.0055 = 220
    expect(positionOf(evaluate(rows), 'ADA-USDT-SWAP').maintenanceMargin).toBe('220');
    // loaded: 100,000 ADA > 50,000 → tier 2, 2% + 0.05% fee; MM = 40,000 × 0.0205 = 820
    expect(positionOf(evaluate(rows, { tierTables: read.params.tierTables }), 'ADA-USDT-SWAP').maintenanceMargin).toBe('820');
    // a Binance ADAUSDT row does not read OKX's table (Binance's default 0.5%: 40,000 × 0.005 = 200)
    const binance = [spot('USDT', '100000', '1'), row({ symbol: 'ADAUSDT', underlying: 'ADA', qty: '100000', entryPrice: '0.4', markPrice: '0.4' })];
    expect(positionOf(evaluate(binance, { tierTables: read.params.tierTables }), 'ADAUSDT').maintenanceMargin).toBe('200');
  });

  it('Aave reserves replace the built-in threshold of aave-v3 rows without their own: HF by hand', () => {
    const read = readVenueParamFiles([fixture('aave-reserves.json')], emptyVenueParams(), AS_OF);
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.params.aaveReserves.get('ETH')!.liquidationThreshold.toFixed()).toBe('0.78');
    expect(read.params.aaveReserves.get('ETH')!.liquidationBonus.toFixed()).toBe('0.06');
    const rows = [
      spot('ETH', '4', '2500', { venue: 'aave-v3', account: 'main' }),
      spot('GHO', '-6000', '1', { venue: 'aave-v3', account: 'main' }),
    ];
    // built-in ETH threshold 0.825: HF = 4 × 2,500 × 0.825 / 6,000 = 8,250 / 6,000 = 1.375
    expect(unitOf(evaluate(rows)).healthFactor).toBe('1.375');
    // loaded 7800 bps: HF = 10,000 × 0.78 / 6,000 = 7,800 / 6,000 = 1.3
    expect(unitOf(evaluate(withAaveReserves(rows, read.params.aaveReserves))).healthFactor).toBe('1.3');
    // the row's own threshold (haircut 0.2 = 1 - 0.8) still wins over the loaded one
    const own = withAaveReserves([{ ...rows[0]!, haircut: '0.2' }, rows[1]!], read.params.aaveReserves);
    expect(own[0]!.haircut).toBe('0.2');
  });
});
