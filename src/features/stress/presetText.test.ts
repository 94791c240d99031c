import { describe, expect, it } from 'vitest';
import { CRASH_PRESETS } from '../../engine/risk/presets';
import { movesToText, textToMoves } from './presetText';

describe('preset text', () => {
  it('round-trips a preset as percent text', () => {
    const preset = CRASH_PRESETS[0]!;
    const text = movesToText(preset);
    // BTC: 0 → 0%, 1 → −22.1% (preset −0.221)
    expect(text.split('\n')[0]).toBe('BTC: 0=0, 1=-22.1, 13=-20.5, 16=-46.6, 24=-24.7');
    const back = textToMoves(text, preset.hours);
    expect(back.ok && back.moves.map((m) => m.points.map(([h, v]) => [h, Number(v)]))).toEqual(preset.moves.map((m) => m.points.map(([h, v]) => [h, Number(v)])));
  });

  it('says which line and point is wrong', () => {
    expect(textToMoves('BTC: 0=0, 3=-20\nETH 3=-10', 24)).toEqual({ ok: false, error: 'line 2: expected "ASSET: hour=move%, ...", found "ETH 3=-10"' });
    expect(textToMoves('BTC: 30=-5', 24)).toEqual({ ok: false, error: 'line 1 (BTC): hour 30 is past the end of the path (24 h)' });
    expect(textToMoves('BTC: 3=-120', 24)).toEqual({ ok: false, error: 'line 1 (BTC): a move must be above −100%, found -120%' });
  });
});
