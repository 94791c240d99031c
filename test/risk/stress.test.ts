import { describe, expect, it } from 'vitest';
import { buildExposureModel } from '../../src/engine/risk/exposure';
import { CRASH_PRESETS, findPreset } from '../../src/engine/risk/presets';
import { applyPreset, type StressPreset } from '../../src/engine/risk/stress';
import { prepareFastBook } from '../../src/engine/fast';
import { exposureFromBook } from '../../src/engine/risk/exposure';
import { riskWhatIf } from '../../src/engine/risk/whatIf';
import { prepareScenario } from '../../src/engine/scenario';
import { EMPTY_SCENARIO, type Scenario } from '../../src/engine/types';
import { prepareAccounts } from '../../src/engine/units';
import { AS_OF, row, spot } from '../engine/helpers';

// long 1 BTC perp at 100 with 10.45 USDT: MB = 10.45 + 100(x − 1), MM = 0.005·100·x, HF = 1 at x = 0.9
const rows = [spot('USDT', '10.45', '1'), row({ symbol: 'BTCUSDT', qty: '1', markPrice: '100', entryPrice: '100', mmr: '0.005' })];
const model = () => buildExposureModel({ source: 't.csv', rows });

const dip = (points: Array<[number, string]>): StressPreset => ({
  id: 'test', name: 'Test dip', date: '2024-01-01', start: '2024-01-01T00:00:00Z', stepHours: 1, hours: 4, summary: '', sources: [], notes: [],
  moves: [{ key: 'BTC', points }],
});

describe('stress presets', () => {
  it('a path that dips below liquidation marks the unit liquidated even if it recovers', () => {
    const outcome = applyPreset(model(), dip([[0, '0'], [2, '-0.12'], [4, '0']]), 1.25);
    if (!outcome.ok) throw new Error(outcome.error);
    const unit = outcome.result.units[0]!;
    // hour 1: x = 0.94, MB = 4.45, MM = 0.47; hour 2: x = 0.88, MB = −1.55 < MM = 0.44 → liquidated
    expect(unit.liquidatedAtHour).toBe(2);
    // HF at hour 2: −1.55 / 0.44 = −3.5227
    expect(unit.minHF).toBe('-3.5227');
    expect(unit.minHFHour).toBe(2);
    // the end point alone (x = 1): HF = 10.45 / 0.5 = 20.9, not liquidated
    expect(unit.endHF).toBe('20.9000');
    // loss by the liquidation moment: 10.45 − (−1.55) = 12
    expect(unit.loss).toBe('12.00');
    // margin call (HF < 1.25): hour 1 has HF 4.45 / 0.47 = 9.47, above it; hour 2 is the first below
    expect(unit.marginCallAtHour).toBe(2);
  });

  it('a path that stays above liquidation reports the loss at the end', () => {
    const outcome = applyPreset(model(), dip([[0, '0'], [4, '-0.05']]), 1.25);
    if (!outcome.ok) throw new Error(outcome.error);
    const unit = outcome.result.units[0]!;
    expect(unit.liquidatedAtHour).toBeNull();
    // end: x = 0.95, MB = 5.45, MM = 0.475, HF = 11.4737; loss 10.45 − 5.45 = 5
    expect(unit.endHF).toBe('11.4737');
    expect(unit.loss).toBe('5.00');
    expect(outcome.result.hours).toEqual([0, 1, 2, 3, 4]);
  });

  it('families: an unnamed altcoin follows ALTS, a stablecoin STABLE, a named asset its own path', () => {
    const preset = { ...dip([[0, '0'], [4, '-0.2']]), moves: [{ key: 'ALTS', points: [[0, '0'], [4, '-0.4']] as Array<[number, string]> }, { key: 'USDC', points: [[0, '0'], [4, '-0.1']] as Array<[number, string]> }] };
    const m = buildExposureModel({ source: 't.csv', rows: [spot('USDC', '100', '1'), spot('DOGE', '100', '1'), spot('USDT', '1', '1')] });
    const outcome = applyPreset(m, preset, 1.25);
    if (!outcome.ok) throw new Error(outcome.error);
    const last = (u: string) => outcome.result.paths.find((p) => p.underlying === u)!.moves.at(-1);
    expect(last('DOGE')).toBeCloseTo(-0.4, 12);
    expect(last('USDC')).toBeCloseTo(-0.1, 12);
    expect(last('USDT')).toBe(0);
  });

  it('refuses a bad edit with the preset, asset and hour', () => {
    const outcome = applyPreset(model(), dip([[0, '0'], [2, '-12%']]), 1.25);
    expect(outcome).toEqual({ ok: false, error: 'preset "Test dip", BTC at hour 2: expected a move as a fraction, found "-12%"' });
  });

  it('every built-in preset is dated, sourced and applies', () => {
    expect(CRASH_PRESETS.map((p) => p.id)).toEqual(['black-thursday-2020', 'may-19-2021', 'luna-2022-05', 'ftx-2022-11', 'oct-10-2025', 'usdc-depeg-2023-03']);
    for (const preset of CRASH_PRESETS) {
      expect(preset.sources.length).toBeGreaterThan(0);
      for (const s of preset.sources) expect(s.url).toMatch(/^https:\/\//);
      expect(preset.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(applyPreset(model(), preset, 1.25).ok).toBe(true);
    }
    expect(findPreset('Black Thursday')?.id).toBe('black-thursday-2020');
  });

  it('Black Thursday liquidates this unit in the first leg', () => {
    const outcome = applyPreset(model(), findPreset('black-thursday-2020')!, 1.25);
    if (!outcome.ok) throw new Error(outcome.error);
    // the first point below x = 0.9 (−10%) is hour 1 (−22.1%)
    expect(outcome.result.units[0]!.liquidatedAtHour).toBe(1);
  });
});

/** The preset walked from the page's what-if (the worker's path: riskWhatIf, then its start). */
function fromWhatIf(preset: StressPreset, scenario: Partial<Scenario>) {
  const book = prepareFastBook(prepareAccounts({ source: 't.csv', rows }, new Map(), { asOf: AS_OF, volShock: 0, days: 0 }));
  const prepared = prepareScenario({ ...EMPTY_SCENARIO, ...scenario }, { targetHF: '1.5', marginCallHF: '1.25' });
  if (!prepared.ok) throw new Error(prepared.error);
  const w = riskWhatIf(exposureFromBook(book), book, prepared.scenario);
  const outcome = applyPreset(w.model, preset, 1.25, w.start);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.result.units[0]!;
}

describe('stress presets from the what-if', () => {
  it('the crash moves each price from the what-if, and the loss is counted from there', () => {
    // BTC −5%: start x = 0.95, MB = 10.45 − 5 = 5.45; the dip to −5% ends at x = 0.95 × 0.95 = 0.9025:
    // MB = 10.45 + 100(0.9025 − 1) = 0.7, MM = 0.5 × 0.9025 = 0.45125, HF = 1.55125 (today's start ended at 11.4737)
    const unit = fromWhatIf(dip([[0, '0'], [4, '-0.05']]), { shocks: [['BTC', '-0.05']] });
    expect(unit.marginBalance).toBe('5.45');
    expect(unit.endHF).toBe('1.5512');
    expect(unit.liquidatedAtHour).toBeNull();
    // the lowest HF is the end's 1.55 ≥ 1.25: no margin call either
    expect(unit.marginCallAtHour).toBeNull();
    expect(unit.minHFHour).toBe(4);
    expect(unit.loss).toBe('4.75'); // 5.45 − 0.7
  });

  it('added collateral and a price shock: the dip liquidates at hour 2 although the path recovers', () => {
    // +20 USDT, BTC −25%: MB(x) = 30.45 + 100(x − 1), start x = 0.75: MB = 5.45
    // hour 1 (−6%): x = 0.705, MB = 0.95, MM = 0.3525, HF = 2.695; hour 2 (−12%): x = 0.66, MB = −3.55 ≤ MM = 0.33
    const unit = fromWhatIf(dip([[0, '0'], [2, '-0.12'], [4, '0']]), { shocks: [['BTC', '-0.25']], addCollateral: [['main', '20']] });
    expect(unit.marginBalance).toBe('5.45');
    expect(unit.liquidatedAtHour).toBe(2);
    expect(unit.marginCallAtHour).toBe(2);
    expect(unit.loss).toBe('9.00'); // 5.45 − (−3.55)
    // the end (x = 0.75 again): HF = 5.45 / 0.375 = 14.5333
    expect(unit.endHF).toBe('14.5333');
  });

  it('an empty what-if gives the figures from today', () => {
    const today = applyPreset(model(), dip([[0, '0'], [2, '-0.12'], [4, '0']]), 1.25);
    if (!today.ok) throw new Error(today.error);
    expect(fromWhatIf(dip([[0, '0'], [2, '-0.12'], [4, '0']]), {})).toEqual(today.result.units[0]);
  });
});
