import { describe, expect, it } from 'vitest';
import { memoryKeyValue } from '../../src/persist/kv';
import { WorkspaceRepository } from '../../src/persist/repository';
import { EMPTY_SCENARIO } from '../../src/engine/types';
import { readVenueParams, venueParamsJson, withLoadedParams } from '../../src/persist/venueParams';

const A = { fileName: 'brackets.json', text: '[{"symbol":"BTCUSDT","brackets":[]}]' };
const B = { fileName: 'reserves.json', text: '[]' };

describe('venue parameters kept with the workspace', () => {
  it('round-trips through JSON in a versioned envelope', () => {
    const json = venueParamsJson([A, B]);
    expect(json).toMatchObject({ format: 'margin-radar/venue-params', version: 1 });
    expect(readVenueParams(JSON.parse(JSON.stringify(json)))).toEqual({ ok: true, value: [A, B] });
  });

  it('is saved and opened with the workspace envelope (the strict workspace reader takes it)', async () => {
    const repo = new WorkspaceRepository(memoryKeyValue(), () => '2026-01-01T00:00:00Z');
    const workspace = { name: 'W', portfolio: null, scenario: EMPTY_SCENARIO, thresholds: { targetHF: '1.5', marginCallHF: '1.25' }, extras: { venueParams: venueParamsJson([A, B]) } };
    await repo.saveWorkspace('w', workspace);
    const opened = await repo.open('w');
    expect(opened.problems).toEqual([]);
    expect(readVenueParams(opened.workspace?.extras['venueParams'])).toEqual({ ok: true, value: [A, B] });
  });

  it('a workspace without the entry has none', () => {
    expect(readVenueParams(undefined)).toEqual({ ok: true, value: [] });
  });

  it('is strict: another format, an unknown version or a malformed file is refused with a reason', () => {
    expect(readVenueParams([A])).toEqual({ ok: false, reason: 'venueParams: expected format "margin-radar/venue-params"' });
    expect(readVenueParams({ format: 'margin-radar/venue-params', version: 2, files: [] })).toEqual({ ok: false, reason: 'venueParams: version 2 is not one this app reads (1)' });
    expect(readVenueParams({ format: 'margin-radar/venue-params', version: 1, files: {} })).toEqual({ ok: false, reason: 'venueParams.files: expected a list' });
    expect(readVenueParams({ format: 'margin-radar/venue-params', version: 1, files: [A, { fileName: 'x.json', text: 5 }] })).toEqual({
      ok: false,
      reason: 'venueParams.files[1]: expected { fileName, text } as text',
    });
  });

  it('keeps files in load order; the same file loaded again moves to the end instead of repeating', () => {
    expect(withLoadedParams([], [A])).toEqual([A]);
    expect(withLoadedParams([A], [B])).toEqual([A, B]);
    expect(withLoadedParams([A, B], [A])).toEqual([B, A]);
    // same name, new text: both kept, the newer last (it wins symbol by symbol on replay, as it did when loaded)
    const A2 = { ...A, text: '[{"symbol":"ETHUSDT","brackets":[]}]' };
    expect(withLoadedParams([A, B], [A2])).toEqual([A, B, A2]);
  });
});
