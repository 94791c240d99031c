import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO } from '../../src/engine/types';
import { EngineClient, inProcessTransport, type Transport } from '../../src/worker/client';
import type { ReplyMessage, RequestMessage } from '../../src/worker/protocol';
import { MIRROR_OFFSET, RoutedTransport } from '../../src/worker/router';
import { createEngineService } from '../../src/worker/service';

const demo = readFileSync('public/samples/demo.csv');
const bytes = () => demo.buffer.slice(demo.byteOffset, demo.byteOffset + demo.byteLength) as ArrayBuffer;
const args = { scenario: { ...EMPTY_SCENARIO, all: '-0.1' }, thresholds: DEFAULT_THRESHOLDS };

/** A transport that records what it is sent and answers each request with its own name. */
function recorder(name: string) {
  const sent: RequestMessage[] = [];
  let listener: (reply: ReplyMessage) => void = () => {};
  const transport: Transport = {
    send(message) {
      sent.push(message);
      setTimeout(() => listener({ id: message.id, ok: true, result: { ok: true, from: name } }), 0);
    },
    onReply: (l) => {
      listener = l;
    },
    dispose: () => {},
  };
  return { sent, transport };
}

describe('RoutedTransport: slider steps on one worker, analysis on the other', () => {
  it('sends a load to both, the analysis side a copy of the bytes under a mirrored id whose answer is dropped', async () => {
    const whatIf = recorder('what-if');
    const analysis = recorder('analysis');
    const client = new EngineClient(new RoutedTransport(whatIf.transport, analysis.transport));
    const content = bytes();
    const result = await client.call('load', { fileName: 'demo.csv', content });
    expect(result).toEqual({ ok: true, from: 'what-if' });
    expect(whatIf.sent[0]!.args).toMatchObject({ content });
    const mirrored = analysis.sent[0]!;
    expect(mirrored.id).toBe(whatIf.sent[0]!.id + MIRROR_OFFSET);
    const copy = (mirrored.args as { content: ArrayBuffer }).content;
    expect(copy).not.toBe(content);
    expect(new Uint8Array(copy)).toEqual(new Uint8Array(content));
  });

  it('routes slider-step methods to the what-if worker and everything else to the analysis worker', async () => {
    const whatIf = recorder('what-if');
    const analysis = recorder('analysis');
    const client = new EngineClient(new RoutedTransport(whatIf.transport, analysis.transport));
    expect(await client.call('evaluateFast', args)).toEqual({ ok: true, from: 'what-if' });
    expect(await client.call('exactUnits', { ...args, units: [0] })).toEqual({ ok: true, from: 'what-if' });
    expect(await client.call('charts', { ...args, unit: null })).toEqual({ ok: true, from: 'analysis' });
    expect(await client.call('evaluate', args)).toEqual({ ok: true, from: 'analysis' });
    expect(whatIf.sent.map((m) => m.method)).toEqual(['evaluateFast', 'exactUnits']);
    expect(analysis.sent.map((m) => m.method)).toEqual(['charts', 'evaluate']);
  });

  it('with two real engines: both hold the loaded portfolio, and their figures agree', async () => {
    const client = new EngineClient(new RoutedTransport(inProcessTransport(createEngineService()), inProcessTransport(createEngineService())));
    const loaded = await client.call('load', { fileName: 'demo.csv', content: bytes() });
    expect(loaded.ok).toBe(true);
    const fast = await client.call('evaluateFast', args); // what-if worker
    const full = await client.call('evaluate', { ...args, asOf: '2026-01-01T00:00:00Z' }); // analysis worker
    if (!fast.ok || !full.ok) throw new Error('both engines should have the portfolio');
    const units = full.report.accounts.flatMap((a) => a.units);
    // the same portfolio on both sides: the same total maintenance margin (within float64 rounding)
    const fastTotal = fast.units.maintenanceMargin.reduce((s, x) => s + x, 0);
    const fullTotal = units.reduce((s, u) => s + Number(u.maintenanceMargin), 0);
    expect(Math.abs(fastTotal - fullTotal)).toBeLessThan(0.01 * units.length);
  });
});
