import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../src/engine/types';
import { importPortfolio, importPortfolios } from '../../src/import';

const fixture = (name: string) => ({ fileName: name, content: readFileSync(fileURLToPath(new URL(`../fixtures/json/${name}`, import.meta.url)), 'utf8') });

function rows(...names: string[]): PortfolioRow[] {
  const result = importPortfolios(names.map(fixture));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.portfolio.rows;
}

const pick = (r: PortfolioRow) => [r.account, r.venue, r.symbol, r.type, r.qty, r.contractSize, r.entryPrice, r.markPrice, r.marginMode, r.inverse ?? false];

/** Every expected value is read off the documented response in the fixture (see test/fixtures/json/README.md). */
describe('exchange JSON, recognised by shape', () => {
  it('Binance positionRisk v2: positionAmt 20 ETHUSDT at 6563.665, the empty BTCUSDT row skipped, its liquidationPrice kept as theirs', () => {
    const [eth, ...rest] = rows('binance-positionRisk-v2.json');
    expect(rest).toHaveLength(0);
    expect(pick(eth!)).toEqual(['binance', 'binance', 'ETHUSDT', 'perp', '20', '1', '6563.665', '6679.50671178', 'cross', false]);
    expect(eth!.venueLiquidationPrice).toBe('2019.47445');
  });

  it('Binance positionRisk v3: maintMargin 0.08004263 is the venue\'s own MM', () => {
    const [ada] = rows('binance-positionRisk-v3.json');
    expect(pick(ada!)).toEqual(['binance', 'binance', 'ADAUSDT', 'perp', '30', '1', '0.385', '0.4104759', 'cross', false]);
    expect(ada!.venueMaintenanceMargin).toBe('0.08004263');
  });

  it('Bybit position list: side Sell size 300 of BTCUSD is a short inverse position of 300 USD', () => {
    const [btc] = rows('bybit-position-list.json');
    expect(pick(btc!)).toEqual(['bybit', 'bybit', 'BTCUSD', 'perp', '-300', '1', '27464.50441675', '28224.5', 'cross', true]);
  });

  it('Bybit wallet balance: 3.00326056 USDC, the zero BTC balance skipped', () => {
    expect(rows('bybit-wallet-balance.json').map(pick)).toEqual([['bybit', 'bybit', 'USDC', 'spot', '3.00326056', '1', null, '1', 'cross', false]]);
  });

  it('OKX positions: 1 contract of ETH-USD-210430 × 10 USD face, isolated with 0.0003896645377994 of margin, inverse', () => {
    const [eth] = rows('okx-positions.json');
    expect(pick(eth!)).toEqual(['okx', 'okx', 'ETH-USD-210430', 'future', '1', '10', '2566.31', '2353.849', 'isolated', true]);
    expect(eth!.expiry).toBe('2021-04-30T08:00:00.000Z');
  });

  it('Deribit get_positions: BTC-PERPETUAL sized 50 USD, inverse; with get_account_summary the 302.60065765 BTC balance joins the account at the perp\'s mark', () => {
    const merged = rows('deribit-get-positions.json', 'deribit-get-account-summary.json');
    expect(merged.map(pick)).toEqual([
      ['deribit', 'deribit', 'BTC-PERPETUAL', 'perp', '50', '1', '7440.18', '7476.65', 'cross', true],
      ['deribit', 'deribit', 'BTC', 'spot', '302.60065765', '1', null, '7476.65', 'cross', false],
    ]);
  });

  it('a Deribit account summary alone has no price: refused with what to do', () => {
    const result = importPortfolio(fixture('deribit-get-account-summary.json'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/no price for the BTC balance; load it together with the positions file/);
  });

  it('Hyperliquid clearinghouseState: szi 0.0335 ETH isolated; mark = 100.02765 / 0.0335 = 2985.9; USDC = 13109.482328 - (-0.0134)', () => {
    const [usdc, eth] = rows('hyperliquid-clearinghouseState.json');
    expect(pick(usdc!)).toEqual(['hyperliquid', 'hyperliquid', 'USDC', 'spot', '13109.495728', '1', null, '1', 'cross', false]);
    expect(pick(eth!)).toEqual(['hyperliquid', 'hyperliquid', 'ETH', 'perp', '0.0335', '1', '2986.3', '2985.9', 'isolated', false]);
    expect(eth!.isolatedMargin).toBe('4.967826');
  });

  it('CCXT fetchPositions + fetchBalance merge into one account', () => {
    expect(rows('ccxt-fetchPositions.json', 'ccxt-fetchBalance.json').map(pick)).toEqual([
      ['ccxt', 'generic', 'BTC/USDT:USDT', 'perp', '0.5', '1', '35000', '36000', 'cross', false],
      ['ccxt', 'generic', 'USDT', 'spot', '10000', '1', null, '1', 'cross', false],
    ]);
  });

  it('an unknown JSON shape is refused with the list of known ones', () => {
    const result = importPortfolio({ fileName: 'x.json', content: '{"hello": 1}' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/expected a known API response/);
  });

  it('a CSV and a JSON load together; later lines are numbered on', () => {
    const csv = { fileName: 'spot.csv', content: 'account,venue,symbol,qty,mark_price\nbinance,binance,USDT,1000,1\n' };
    const result = importPortfolios([fixture('binance-positionRisk-v2.json'), csv]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.portfolio.rows.map((r) => [r.symbol, r.line])).toEqual([['ETHUSDT', 2], ['USDT', 4]]);
  });
});
