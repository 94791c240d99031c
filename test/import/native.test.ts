/**
 * Venue exports as they come: each file loads with the venue's own headers, and every figure below is
 * read off the fixture by hand (the conversions are spelled out beside each expectation).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../src/engine/types';
import { importPortfolio, problemLine } from '../../src/import';
import { contractCell, nativeNumber } from '../../src/import/native/cells';
import { IBKR_ASSET_CLASSES, ibkrDate } from '../../src/import/native/ibkr';

const DIR = fileURLToPath(new URL('../fixtures/import-native/', import.meta.url));
const read = (file: string) => readFileSync(DIR + file, 'utf8');

function rows(file: string, content = read(file)): { rows: Map<string, PortfolioRow>; warnings: string[] } {
  const result = importPortfolio({ fileName: file, content });
  if (!result.ok) throw new Error(result.errors.map(problemLine).join('\n'));
  return { rows: new Map(result.portfolio.rows.map((r) => [`${r.symbol}@${r.line}`, r])), warnings: result.warnings };
}

function refused(file: string, content: string): string[] {
  const result = importPortfolio({ fileName: file, content });
  if (result.ok) throw new Error(`${file} loaded`);
  return result.errors.map(problemLine);
}

describe('cells as venue screens write them', () => {
  it('reads a number with its unit and thousands separators', () => {
    expect(nativeNumber('4,100.00 USDT')).toEqual({ text: '4100.00', unit: 'USDT', regrouped: true });
    expect(nativeNumber('-12.000 ETH')).toEqual({ text: '-12.000', unit: 'ETH', regrouped: false });
    expect(nativeNumber('--')).toEqual({ text: '', unit: '', regrouped: false });
    // not a number with a unit: passed through for the strict reader to refuse with its own message
    expect(nativeNumber('12,5')).toEqual({ text: '12,5', unit: '', regrouped: false });
  });

  it('splits the contract cell into symbol, perpetual, margin mode and leverage', () => {
    expect(contractCell('BTCUSDT Perp Cross 20x')).toEqual({ symbol: 'BTCUSDT', perpetual: true, marginMode: 'cross', leverage: '20' });
    expect(contractCell('ETHUSDT Isolated 10.00x')).toEqual({ symbol: 'ETHUSDT', perpetual: false, marginMode: 'isolated', leverage: '10' });
    expect(contractCell('BTCUSDT Cross 12.5x')?.leverage).toBe('12.5');
    expect(contractCell('BTCUSDT Quarterly 20x')).toBeNull();
  });
});

describe('Binance Futures positions table', () => {
  const { rows: r, warnings } = rows('binance-positions.csv');

  it('reads Symbol, Size, prices and Margin as the tab writes them', () => {
    // "BTCUSDT Perp Cross 20x", "0.250 BTC", "61,250.00", "63,010.00", "48,652.31"
    expect(r.get('BTCUSDT@2')).toMatchObject({ venue: 'binance', type: 'perp', underlying: 'BTC', qty: '0.25', entryPrice: '61250', markPrice: '63010', marginMode: 'cross', leverage: '20', isolatedMargin: null, venueLiquidationPrice: '48652.31' });
    // a short: Size "-12.000 ETH"; isolated, so Margin "4,100.00 USDT" is the position's own margin
    expect(r.get('ETHUSDT@3')).toMatchObject({ qty: '-12', entryPrice: '3420', markPrice: '3390.5', marginMode: 'isolated', isolatedMargin: '4100', leverage: '10', venueLiquidationPrice: '3698.21' });
    // Liq.Price "--": Binance shows none, so no venue figure is set beside ours
    const sol = r.get('SOLUSDT@4')!;
    expect(sol).toMatchObject({ qty: '150', entryPrice: '142.1', markPrice: '139.8', leverage: '5', marginMode: 'cross' });
    expect(sol.venueLiquidationPrice).toBeUndefined();
  });

  it('says how it read the file and what it normalised', () => {
    expect(warnings).toContain('binance-positions.csv: read as Binance Futures positions, margined under binance');
    expect(warnings.some((w) => w.includes('thousands separators removed'))).toBe(true);
    // Break Even Price, Margin Ratio and PNL (ROI %) are known and not needed: no "not used" warning
    expect(warnings.some((w) => w.startsWith('columns kept but not used'))).toBe(false);
  });

  it('refuses a size counted in USDT, naming the cell', () => {
    const csv = read('binance-positions.csv').replace('0.250 BTC', '15752.50 USDT');
    expect(refused('b.csv', csv)).toEqual(["b.csv:2:Size: expected the size in the coin, not in USDT: set Binance's size unit to the coin and export again (found \"15752.50 USDT\")"]);
  });
});

describe('Bybit positions tab', () => {
  const { rows: r } = rows('bybit-positions.csv');

  it('reads Contracts as pair, margin mode and leverage, and MM as the venue figure', () => {
    // "BTCUSDT Cross 10.00x", Qty 0.500; cross: IM is not assigned to the position
    expect(r.get('BTCUSDT@2')).toMatchObject({ venue: 'bybit', type: 'perp', qty: '0.5', entryPrice: '61250', markPrice: '63010', marginMode: 'cross', leverage: '10', isolatedMargin: null, venueMaintenanceMargin: '153.13' });
    // isolated short: IM "1,368.00 USDT" (= 4 x 3,420 / 10) is its margin; Est. Liquidation Price 3,744.90
    expect(r.get('ETHUSDT@3')).toMatchObject({ qty: '-4', marginMode: 'isolated', isolatedMargin: '1368', venueLiquidationPrice: '3744.9', venueMaintenanceMargin: '68.4' });
  });

  it('refuses an inverse pair, whose Qty is in USD', () => {
    const csv = read('bybit-positions.csv').replace('BTCUSDT Cross', 'BTCUSD Cross');
    expect(refused('y.csv', csv)[0]).toMatch(/^y\.csv:2:Contracts: expected a USDT or USDC contract/);
  });
});

describe('OKX positions (API field names)', () => {
  const { rows: r } = rows('okx-positions.csv');

  it('sizes contracts by ctVal and reads mmr as an amount', () => {
    // 50 contracts x ctVal 0.01 BTC = 0.5 BTC; notionalUsd 31,505 = 0.5 x 63,010
    expect(r.get('BTC-USDT-SWAP@2')).toMatchObject({ venue: 'okx', type: 'perp', underlying: 'BTC', qty: '50', contractSize: '0.01', marginMode: 'cross', leverage: '10', venueMaintenanceMargin: '126.02', venueLiquidationPrice: '48712.4' });
    // hedge mode: posSide short with pos 40 is short 40 contracts of 0.1 ETH
    expect(r.get('ETH-USDT-SWAP@3')).toMatchObject({ qty: '-40', contractSize: '0.1', marginMode: 'isolated', isolatedMargin: '1368' });
    // coin-margined: 100 USD a contract, inverse; its mmr is in BTC, so no figure is set beside ours
    const inverse = r.get('BTC-USD-SWAP@4')!;
    expect(inverse).toMatchObject({ qty: '-20', contractSize: '100', inverse: true });
    expect(inverse.venueMaintenanceMargin).toBeUndefined();
  });
});

describe('IBKR Flex Open Positions', () => {
  const { rows: r, warnings } = rows('ibkr-flex-open-positions.csv');

  it('reads stocks as balances and futures with their multiplier', () => {
    expect(r.get('AAPL@2')).toMatchObject({ account: 'U1234567', venue: 'generic', type: 'spot', underlying: 'AAPL', qty: '300', markPrice: '228.22', contractSize: '1', entryPrice: null });
    // a short stock is a borrowed balance: Quantity -50, Side Short
    expect(r.get('TSLA@4')).toMatchObject({ type: 'spot', qty: '-50', markPrice: '320.72' });
    // Multiplier 50 -> contract_size; 2 x 50 x 5,870.25 = 587,025 = PositionValue in the file
    expect(r.get('ESZ4@5')).toMatchObject({ type: 'future', underlying: 'ES', qty: '2', contractSize: '50', entryPrice: '5912.5', markPrice: '5870.25', expiry: '2024-12-20T08:00:00.000Z' });
    // -3 x 2 x 20,394.5 = -122,367 = PositionValue
    expect(r.get('MNQZ4@6')).toMatchObject({ type: 'future', underlying: 'MNQ', qty: '-3', contractSize: '2', entryPrice: '20750' });
  });

  it('counts each position once: the LOT row under its SUMMARY is skipped', () => {
    expect([...r.keys()]).toEqual(['AAPL@2', 'TSLA@4', 'ESZ4@5', 'MNQZ4@6']);
    expect(warnings).toContain('ibkr-flex-open-positions.csv: 1 LOT row skipped; the SUMMARY row of each position counts');
  });

  it('converts AssetClass and Flex dates explicitly', () => {
    expect([...IBKR_ASSET_CLASSES]).toEqual([['STK', 'spot'], ['FUT', 'future'], ['OPT', 'option'], ['FOP', 'option']]);
    expect(ibkrDate('20241220')).toBe('2024-12-20');
    expect(ibkrDate('2024-12-20')).toBe('2024-12-20');
  });

  const header = read('ibkr-flex-open-positions.csv').split('\n')[0]!;
  it('reads an option (OPT, Multiplier 100, Put/Call C) and asks for the volatility Flex does not carry', () => {
    const csv = `${header}\n"U1","USD","OPT","AAPL  241220C00230000","AAPL 20DEC24 230 C","1","AAPL","100","230","20241220","C","20241115","5","4.35","2175","3.1","1550","625","Long","SUMMARY"\n"U1","USD","STK","AAPL","APPLE INC","2","","1","","","","20241115","100","228.22","22822","189.5","18950","3872","Long","SUMMARY"\n`;
    expect(refused('o.csv', csv)).toEqual(['o.csv:2:iv: missing value: an option needs its implied volatility and a Flex export has no volatility column; add an iv column (a fraction, 0.25) or iv_pct (percent, 25) for each option row, or choose one in the mapping step']);
  });

  it('refuses a Side that contradicts the sign of Quantity, a non-USD position and an asset class it cannot margin', () => {
    const bad = `${header}\n"U1","USD","STK","AAPL","A","1","","1","","","","20241115","-300","228.22","-68466","189.5","-56850","-11616","Long","SUMMARY"\n"U1","EUR","STK","SAP","S","2","","1","","","","20241115","10","200","2000","150","1500","500","Long","SUMMARY"\n"U1","USD","BOND","T 4 11/15/34","T","3","","1","","","","20241115","10","99","990","98","980","10","Long","SUMMARY"\n`;
    expect(refused('i.csv', bad)).toEqual([
      'i.csv:2:Quantity: expected a positive Quantity: Side says long (found "-300")',
      'i.csv:3:CurrencyPrimary: expected USD, or an FX rate to convert EUR prices: the export has no FXRateToBase column; add FXRateToBase to the Flex query (Open Positions) or leave this position out (found "EUR")',
      'i.csv:4:AssetClass: expected STK, FUT, OPT or FOP; BOND asset class is not margined here (found "BOND")',
    ]);
  });
});
