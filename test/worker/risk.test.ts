import { describe, expect, it } from 'vitest';
import { createEngineService } from '../../src/worker/service';

const csv = 'symbol,qty,entry_price,mark_price,mmr\nUSDT,500,,1,\nBTCUSDT,0.1,60000,60000,0.005\nETHUSDT,-1,3000,3000,0.01\n';

function engine() {
  const service = createEngineService();
  const loaded = service.load({ fileName: 'b.csv', content: csv });
  if (!loaded.ok) throw new Error('load failed');
  return service;
}

describe('risk handlers', () => {
  it('a run asked for chunk after chunk equals the one-shot run with the same seed', () => {
    const run = (chunk: number) => {
      const service = engine();
      const { market } = service.riskSetup({});
      const started = service.varStart({ horizonDays: '7', confidences: ['0.99'], marginCallHF: '1.25', method: { kind: 'monte-carlo', market, paths: 1000, seed: 9, stepsPerDay: 1, returns: 'lognormal' } });
      if (!started.ok) throw new Error(started.error);
      const progress: number[] = [];
      for (let done = 0; done < started.paths; ) {
        const step = service.varStep({ runId: started.runId, count: chunk });
        if (!step.ok) throw new Error(step.error);
        done = step.done;
        progress.push(done);
      }
      return { progress, outcome: service.varFinish({ runId: started.runId }) };
    };
    const once = run(1000);
    const chunked = run(300);
    expect(chunked.progress).toEqual([300, 600, 900, 1000]);
    expect(chunked.outcome).toEqual(once.outcome);
  });

  it('a run stopped early cannot be finished, and a new load drops it', () => {
    const service = engine();
    const started = service.varStart({ horizonDays: '1', confidences: ['0.99'], marginCallHF: '1.25', method: { kind: 'monte-carlo', market: service.riskSetup({}).market, paths: 100, seed: 1, stepsPerDay: 1, returns: 'normal' } });
    if (!started.ok) throw new Error(started.error);
    service.varStep({ runId: started.runId, count: 10 });
    expect(service.varFinish({ runId: started.runId })).toEqual({ ok: false, error: 'the run has 10 of 100 paths; it was stopped before the end' });
    service.load({ fileName: 'b.csv', content: csv });
    expect(service.varStep({ runId: started.runId, count: 10 })).toEqual({ ok: false, error: 'that run was replaced by a newer one or the portfolio changed' });
  });

  it("a run under the page's what-if starts at its prices; a bad scenario is refused in words", () => {
    const service = engine();
    const { market, units } = service.riskSetup({});
    expect(units.map((u) => u.label)).toEqual(['main · Cross']);
    const run = (whatIf?: Parameters<typeof service.varStart>[0]['whatIf']) => {
      const started = service.varStart({ ...(whatIf ? { whatIf } : {}), horizonDays: '1', confidences: ['0.99'], marginCallHF: '1.25', method: { kind: 'monte-carlo', market, paths: 200, seed: 3, stepsPerDay: 1, returns: 'lognormal' } });
      if (!started.ok) return started;
      service.varStep({ runId: started.runId, count: 200 });
      return service.varFinish({ runId: started.runId });
    };
    const today = run();
    const shocked = run({ shocks: [['BTC', '-0.1']], all: '0', volShock: '0', days: '0', addCollateral: [['main', '250']] });
    if (!today.ok || !shocked.ok) throw new Error('run failed');
    // today: 500 USDT + 0 PnL; under the what-if: 500 + 250 + 0.1 × (54,000 − 60,000) = 150
    expect(today.figures.book.marginBalance).toBe('500.00');
    expect(shocked.figures.book.marginBalance).toBe('150.00');
    expect(shocked.figures.units.marginBalance[0]).toBeCloseTo(150, 9);
    expect(run({ shocks: [['BTC', '-1.5']], all: '0', volShock: '0', days: '0', addCollateral: [] })).toEqual({ ok: false, error: 'shock BTC: a move must be above -1 (-100%), found -1.5' });
  });

  it("a crash preset under the page's what-if starts at its prices and balances", () => {
    const service = engine();
    const preset = service.riskSetup({}).presets.find((p) => p.id === 'black-thursday-2020')!;
    const today = service.stress({ preset, marginCallHF: '1.25' });
    const shocked = service.stress({ preset, marginCallHF: '1.25', whatIf: { shocks: [['BTC', '-0.1']], all: '0', volShock: '0', days: '0', addCollateral: [['main', '250']] } });
    if (!today.ok || !shocked.ok) throw new Error('stress failed');
    // the same what-if as above: 500 + 250 + 0.1 × (54,000 − 60,000) = 150
    expect(today.result.units[0]!.marginBalance).toBe('500.00');
    expect(shocked.result.units[0]!.marginBalance).toBe('150.00');
    expect(service.stress({ preset, marginCallHF: '1.25', whatIf: { shocks: [], all: '-2', volShock: '0', days: '0', addCollateral: [] } })).toMatchObject({ ok: false });
  });

  it('every preset at once gives each preset the figures of its own walk', () => {
    const service = engine();
    const { presets } = service.riskSetup({});
    const whatIf = { shocks: [['ETH', '0.05']] as Array<[string, string]>, all: '0', volShock: '0', days: '0', addCollateral: [] as Array<[string, string]> };
    const all = service.stressAll({ presets, marginCallHF: '1.25', whatIf });
    if (!all.ok) throw new Error(all.error);
    expect(all.presets.map((p) => p.preset)).toEqual(presets.map((p) => p.id));
    presets.forEach((preset, i) => {
      const one = service.stress({ preset, marginCallHF: '1.25', whatIf });
      if (!one.ok) throw new Error(one.error);
      expect(all.presets[i]!.units).toEqual(one.result.units);
    });
    expect(service.stressAll({ presets: [{ ...presets[0]!, stepHours: 0 }], marginCallHF: '1.25' })).toMatchObject({ ok: false });
    expect(service.stress({ preset: presets[0]!, marginCallHF: 'high', whatIf })).toEqual({ ok: false, error: 'margin-call level: expected a number, found "high"' });
  });

  it("funding under the page's what-if starts at its balance; the same what-if twice gives the same figures", () => {
    const service = engine();
    const whatIf = { shocks: [['BTC', '-0.1']] as Array<[string, string]>, all: '0', volShock: '0', days: '0', addCollateral: [['main', '250']] as Array<[string, string]> };
    const today = service.funding({ horizonDays: '1', marginCallHF: '1.25' });
    const shocked = service.funding({ horizonDays: '1', marginCallHF: '1.25', whatIf });
    if (!today.ok || !shocked.ok) throw new Error('funding failed');
    // 500 + 250 + 0.1 × (54,000 − 60,000) = 150; ETH short untouched
    expect(today.units[0]!.marginBalance).toBe('500');
    expect(shocked.units[0]!.marginBalance).toBe('150');
    expect(service.funding({ horizonDays: '1', marginCallHF: '1.25', whatIf })).toEqual(shocked);
    expect(service.funding({ horizonDays: '1', marginCallHF: '1.25', whatIf: { ...whatIf, all: '-2' } })).toMatchObject({ ok: false });
  });

  it('a preview beside a full run leaves it running; a new run in a slot ends the one before in that slot only', () => {
    const service = engine();
    const method = { kind: 'monte-carlo' as const, market: service.riskSetup({}).market, paths: 100, seed: 1, stepsPerDay: 1, returns: 'normal' as const };
    const args = { horizonDays: '1', confidences: ['0.99'], marginCallHF: '1.25', method };
    const full = service.varStart(args);
    const preview = service.varStart({ ...args, slot: 'preview' });
    if (!full.ok || !preview.ok) throw new Error('start failed');
    expect(service.varStep({ runId: full.runId, count: 100 })).toEqual({ ok: true, done: 100, total: 100 });
    const next = service.varStart({ ...args, slot: 'preview' });
    if (!next.ok) throw new Error('start failed');
    expect(service.varStep({ runId: preview.runId, count: 10 })).toEqual({ ok: false, error: 'that run was replaced by a newer one or the portfolio changed' });
    expect(service.varFinish({ runId: full.runId }).ok).toBe(true);
  });

  it('the default market names its source and covers the book', () => {
    const setup = engine().riskSetup({});
    expect(setup.market.assets).toEqual(['BTC', 'ETH', 'USDT']);
    // BTC: daily 2.91% × √365 = 0.5560
    expect(setup.market.vols).toEqual(['0.556', '0.7833', '0']);
    expect(setup.market.correlations[0]).toEqual(['1', '0.762', '0']);
    expect(setup.marketSource.source).toContain('CF Benchmarks');
    expect(setup.presets).toHaveLength(6);
  });
});
