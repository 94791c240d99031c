import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THRESHOLDS, EMPTY_SCENARIO } from '../../src/engine/types';
import { EngineClient } from '../../src/worker/client';
import type { Method, ReplyMessage, RequestMessage } from '../../src/worker/protocol';
import { createEngineService } from '../../src/worker/service';
import { ANALYSIS_TIME_LIMIT, CANCELLED_MESSAGE, DEFAULT_TIME_LIMIT, cancelImports, onEngineEvent, SupervisedTransport, type Child, type EngineEvent } from '../../src/worker/supervisor';

const AS_OF = '2026-01-01T00:00:00Z';
const demo = readFileSync('public/samples/demo.csv');
const bytes = () => demo.buffer.slice(demo.byteOffset, demo.byteOffset + demo.byteLength) as ArrayBuffer;
const evaluateArgs = { scenario: { ...EMPTY_SCENARIO, all: '-0.1' }, thresholds: DEFAULT_THRESHOLDS, asOf: AS_OF };

type Action = 'reply' | 'crash' | 'hang';

/**
 * A fake worker: the real engine service behind a transport that moves bytes like postMessage does
 * (the sender's buffer is detached) and that a test can make crash or hang per request.
 */
function fakeWorkers(decide: (message: RequestMessage, generation: number) => Action) {
  const spawned: Array<{ sent: RequestMessage[]; disposed: boolean }> = [];
  const spawn = (): Child => {
    const service = createEngineService();
    const record = { sent: [] as RequestMessage[], disposed: false };
    const generation = spawned.push(record);
    let listener: (reply: ReplyMessage) => void = () => {};
    let crash: (reason: string) => void = () => {};
    return {
      transport: {
        send(message) {
          const moved = structuredClone(message, { transfer: message.method === 'load' && message.args && (message.args as { content: unknown }).content instanceof ArrayBuffer ? [(message.args as { content: ArrayBuffer }).content] : [] });
          record.sent.push(moved);
          const action = decide(moved, generation);
          if (action === 'crash') setTimeout(() => crash('simulated crash'), 0);
          if (action !== 'reply') return;
          setTimeout(() => {
            if (record.disposed) return;
            const handler = service[moved.method as Method] as (a: unknown) => unknown;
            listener({ id: moved.id, ok: true, result: handler(moved.args) });
          }, 0);
        },
        onReply: (l) => {
          listener = l;
        },
        dispose: () => {
          record.disposed = true;
        },
      },
      onCrash: (l) => {
        crash = l;
      },
    };
  };
  return { spawn, spawned };
}

/** Crashes the worker on the first request of this method, then answers everything. */
function crashOnce(method: Method): (m: RequestMessage) => Action {
  let crashed = false;
  return (m) => {
    if (m.method !== method || crashed) return 'reply';
    crashed = true;
    return 'crash';
  };
}

async function reference() {
  const engine = new EngineClient(new SupervisedTransport(fakeWorkers(() => 'reply')));
  await engine.call('load', { fileName: 'demo.csv', content: bytes() });
  return engine.call('evaluate', evaluateArgs);
}

const events: EngineEvent[] = [];
const off = onEngineEvent((e) => events.push(e));
afterEach(() => {
  events.length = 0;
  vi.useRealTimers();
});
void off;

describe('engine supervisor', () => {
  it('a crash mid-evaluation: new worker, portfolio replayed, same answer, one notice', async () => {
    const workers = fakeWorkers(crashOnce('evaluate'));
    const engine = new EngineClient(new SupervisedTransport(workers));
    const content = bytes();
    expect((await engine.call('load', { fileName: 'demo.csv', content })).ok).toBe(true);
    // postMessage took the caller's buffer; the supervisor kept its own copy
    expect(content.byteLength).toBe(0);
    const outcome = await engine.call('evaluate', evaluateArgs);
    expect(outcome).toEqual(await reference());
    expect(workers.spawned).toHaveLength(2);
    expect(workers.spawned[0]!.disposed).toBe(true);
    // the new worker got the portfolio first (a replay, negative id), then the evaluation again
    expect(workers.spawned[1]!.sent.map((m) => [m.method, m.id < 0])).toEqual([['load', true], ['evaluate', false]]);
    expect((workers.spawned[1]!.sent[0]!.args as { content: ArrayBuffer }).content.byteLength).toBe(demo.byteLength);
    expect(events).toEqual([{ kind: 'restarted', reason: 'simulated crash' }]);
  });

  it('a hang: after the time limit the worker is replaced and the request answered', async () => {
    vi.useFakeTimers();
    const workers = fakeWorkers((m, generation) => (m.method === 'evaluate' && generation === 1 ? 'hang' : 'reply'));
    const engine = new EngineClient(new SupervisedTransport({ ...workers, timeLimit: (method) => (method === 'load' ? null : 5_000) }));
    const loaded = engine.call('load', { fileName: 'demo.csv', content: bytes() });
    await vi.advanceTimersByTimeAsync(1);
    expect((await loaded).ok).toBe(true);
    const outcome = engine.call('evaluate', evaluateArgs);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(workers.spawned).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(workers.spawned).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    expect(await outcome).toEqual(await reference());
    expect(events).toEqual([{ kind: 'restarted', reason: 'no answer to evaluate within 5 s' }]);
  });

  it('a request that kills every worker is answered with an error after a few restarts, not replayed forever', async () => {
    const workers = fakeWorkers((m) => (m.method === 'evaluate' ? 'crash' : 'reply'));
    const engine = new EngineClient(new SupervisedTransport({ ...workers, maxRestarts: 2 }));
    await engine.call('load', { fileName: 'demo.csv', content: bytes() });
    await expect(engine.call('evaluate', evaluateArgs)).rejects.toThrow('the engine stopped (simulated crash)');
    // first worker + 2 restarts + a fresh one for what comes next
    expect(workers.spawned).toHaveLength(4);
    expect(events.map((e) => e.kind)).toEqual(['restarted', 'restarted', 'gave-up']);
  });

  it('cancelling a slow import answers it, keeps the previous portfolio, and says nothing crashed', async () => {
    const workers = fakeWorkers((m) => (m.method === 'load' && (m.args as { fileName: string }).fileName === 'slow.csv' ? 'hang' : 'reply'));
    const engine = new EngineClient(new SupervisedTransport(workers));
    await engine.call('load', { fileName: 'demo.csv', content: bytes() });
    const slow = engine.call('load', { fileName: 'slow.csv', content: bytes() });
    await new Promise((r) => setTimeout(r, 5));
    expect(cancelImports()).toBe(true);
    await expect(slow).rejects.toThrow(CANCELLED_MESSAGE);
    const outcome = await engine.call('evaluate', evaluateArgs);
    expect(outcome.ok && outcome.report.source).toBe('demo.csv');
    expect(events).toEqual([{ kind: 'cancelled' }]);
    expect(cancelImports()).toBe(false);
  });

  it('a portfolio loaded from several files is the one replayed after a crash', async () => {
    const workers = fakeWorkers(crashOnce('evaluate'));
    const engine = new EngineClient(new SupervisedTransport(workers));
    await engine.call('load', { fileName: 'first.csv', content: bytes() }); // replaced by the next load
    expect((await engine.call('loadFiles', { files: [{ fileName: 'demo.csv', content: bytes() }] })).ok).toBe(true);
    const outcome = await engine.call('evaluate', evaluateArgs);
    // the replay is the later loadFiles, not the earlier single file
    expect(workers.spawned[1]!.sent.map((m) => m.method)).toEqual(['loadFiles', 'evaluate']);
    // one file in the set, so the merged portfolio's source is that file's name (import/index.ts importPortfolios)
    expect(outcome.ok && outcome.report.source).toBe('demo.csv');
  });

  it('reading a file has no time limit; other requests do', () => {
    expect(DEFAULT_TIME_LIMIT('load')).toBeNull();
    expect(DEFAULT_TIME_LIMIT('loadFiles')).toBeNull();
    expect(DEFAULT_TIME_LIMIT('evaluateFast')).toBe(30_000);
    expect(ANALYSIS_TIME_LIMIT('charts')).toBeGreaterThan(DEFAULT_TIME_LIMIT('charts')!);
  });
});
