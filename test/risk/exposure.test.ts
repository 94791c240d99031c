import { describe, expect, it } from 'vitest';
import { buildExposureModel, unitsAt } from '../../src/engine/risk/exposure';
import { evaluate, row, spot } from '../engine/helpers';

describe('exposure model', () => {
  // a Binance book whose BTC notional (6,000,000 at today's mark) crosses tiers as the price moves
  const rows = [
    spot('USDT', '900000', '1', { venue: 'binance', account: 'a' }),
    row({ symbol: 'BTCUSDT', qty: '100', markPrice: '60000', entryPrice: '59000', venue: 'binance', account: 'a' }),
    row({ symbol: 'ETHUSDT', qty: '-200', markPrice: '3000', entryPrice: '3100', venue: 'binance', account: 'a' }),
    row({ symbol: 'SOLUSDT', qty: '1000', markPrice: '150', entryPrice: '140', venue: 'binance', account: 'a', marginMode: 'isolated', isolatedMargin: '15000' }),
  ];

  it('matches the decimal engine today and under shocks, tiers re-evaluated', () => {
    const model = buildExposureModel({ source: 't.csv', rows });
    const mb = new Float64Array(model.units.length);
    const mm = new Float64Array(model.units.length);
    for (const [btc, eth, sol] of [[0, 0, 0], [-0.5, 0.2, -0.3], [0.8, -0.4, 0.5], [-0.9, 1.5, -0.95]] as const) {
      const x = Float64Array.from(model.underlyings, (u) => 1 + (u === 'BTC' ? btc : u === 'ETH' ? eth : u === 'SOL' ? sol : 0));
      unitsAt(model, x, mb, mm);
      const report = evaluate(rows, { scenario: { shocks: [['BTC', String(btc)], ['ETH', String(eth)], ['SOL', String(sol)]], all: '0', volShock: '0', days: '0', addCollateral: [] } });
      const units = report.accounts.flatMap((a) => a.units);
      units.forEach((u, i) => {
        expect(mb[i]).toBeCloseTo(Number(u.marginBalance), 6);
        expect(mm[i]).toBeCloseTo(Number(u.maintenanceMargin), 6);
      });
    }
  });
});
