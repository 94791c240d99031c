import { describe, expect, it } from 'vitest';
import { buildExposureModel } from '../../src/engine/risk/exposure';
import { abandonRun, finishFigures, finishRun, pathsDone, runPaths, startMonteCarlo } from '../../src/engine/risk/montecarlo';
import { AS_OF, row, spot } from '../engine/helpers';
import { PARAMS, market } from './helpers';

/**
 * A finished or abandoned run hands its buffers to the next run of the same shape (runBuffers.ts):
 * that next run must give what a run on fresh buffers gives, and the old run must stay ended.
 */
describe('run buffers handed on', () => {
  const rows = [
    spot('USDT', '3000', '1'),
    row({ symbol: 'BTCUSDT', qty: '2', markPrice: '100', entryPrice: '101' }),
    row({ symbol: 'ETHUSDT', qty: '-3', markPrice: '100', entryPrice: '99' }),
    row({ symbol: 'SOLUSDT', qty: '5', markPrice: '100', entryPrice: '100', marginMode: 'isolated', isolatedMargin: '60' }),
  ];
  const model = buildExposureModel({ source: 'test.csv', rows }, new Map(), AS_OF);
  const m = market({ BTC: 0.9, ETH: 1.1, SOL: 1.4 });
  const params = { ...PARAMS, paths: 900, seed: 3, horizonDays: 2, stepsPerDay: 2 };
  const fresh = () => {
    const s = startMonteCarlo(model, m, params);
    if (!s.ok) throw new Error(s.error);
    runPaths(s.run, 0, params.paths);
    const f = finishRun(s.run);
    if (!f.ok) throw new Error(f.error);
    return f.report;
  };

  it('a run after an abandoned one and after a finished one gives the figures of the first', () => {
    const first = fresh();
    const a = startMonteCarlo(model, m, params);
    if (!a.ok) throw new Error(a.error);
    runPaths(a.run, 0, 300);
    abandonRun(a.run);
    // the abandoned run is over: no more paths, and it says why
    runPaths(a.run, 300, 600);
    expect(pathsDone(a.run)).toBe(300);
    expect(finishRun(a.run)).toEqual({ ok: false, error: 'that run was replaced by a newer one' });
    const afterAbandoned = fresh();
    const afterFinished = fresh();
    for (const report of [afterAbandoned, afterFinished]) {
      expect(report.book).toEqual(first.book);
      expect(report.units).toEqual(first.units);
      expect(Array.from(report.pnl)).toEqual(Array.from(first.pnl));
    }
  });

  it('finishing twice gives the same figures (the first are kept: the buffers are given back once)', () => {
    const s = startMonteCarlo(model, m, params);
    if (!s.ok) throw new Error(s.error);
    runPaths(s.run, 0, params.paths);
    expect(finishFigures(s.run)).toBe(finishFigures(s.run));
    expect(finishRun(s.run)).toEqual(finishRun(s.run));
  });
});
