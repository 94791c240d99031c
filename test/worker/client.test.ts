import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO, type Report } from '../../src/engine/types';
import { EngineClient, SUPERSEDED, inProcessTransport } from '../../src/worker/client';
import { createEngineService } from '../../src/worker/service';

const AS_OF = '2026-01-01T00:00:00Z';
const demo = readFileSync('public/samples/demo.csv');
const bytes = () => demo.buffer.slice(demo.byteOffset, demo.byteOffset + demo.byteLength) as ArrayBuffer;

function client(): EngineClient {
  return new EngineClient(inProcessTransport(createEngineService()));
}

describe('engine client over the in-process transport', () => {
  it('gives the same figures as the CLI for the same file', async () => {
    const engine = client();
    const loaded = await engine.call('load', { fileName: 'public/samples/demo.csv', content: bytes() });
    expect(loaded.ok).toBe(true);
    const outcome = await engine.call('evaluate', { scenario: EMPTY_SCENARIO, thresholds: DEFAULT_THRESHOLDS, asOf: AS_OF });
    const cli = JSON.parse(runCli(['evaluate', 'public/samples/demo.csv', '--as-of', AS_OF]).stdout) as Report;
    expect(outcome.ok && outcome.report.accounts).toEqual(cli.accounts);
  });

  it('keeps the loaded portfolio when a bad file is refused', async () => {
    const engine = client();
    await engine.call('load', { fileName: 'demo.csv', content: bytes() });
    const refused = await engine.call('load', { fileName: 'bad.csv', content: 'symbol,qty,mark_price\nBTCUSDT,x,1\n' });
    expect(refused.ok).toBe(false);
    const outcome = await engine.call('evaluate', { scenario: EMPTY_SCENARIO, thresholds: DEFAULT_THRESHOLDS, asOf: AS_OF });
    expect(outcome.ok && outcome.report.source).toBe('demo.csv');
  });

  it('latest wins: of three quick evaluations the middle one is superseded, the last one lands', async () => {
    const engine = client();
    await engine.call('load', { fileName: 'demo.csv', content: bytes() });
    const ask = (all: string) => engine.evaluateLatest({ scenario: { ...EMPTY_SCENARIO, all }, thresholds: DEFAULT_THRESHOLDS, asOf: AS_OF });
    const [first, second, third] = await Promise.all([ask('-0.1'), ask('-0.2'), ask('-0.3')]);
    // the first was already in flight; a newer request was waiting when it returned, so it is dropped too
    expect(first).toBe(SUPERSEDED);
    expect(second).toBe(SUPERSEDED);
    expect(third !== SUPERSEDED && third.ok && third.report.scenario.all).toBe('-0.3');
  });

  it('reports a handler failure as an error reply, not a crash', async () => {
    const engine = client();
    const outcome = await engine.call('evaluate', { scenario: { ...EMPTY_SCENARIO, all: 'abc' }, thresholds: DEFAULT_THRESHOLDS, asOf: AS_OF });
    expect(outcome.ok).toBe(false);
  });
});
