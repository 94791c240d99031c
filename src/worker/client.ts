import type { ArgsOf, EngineHandlers, EvaluateArgs, EvaluateOutcome, Method, ReplyMessage, RequestMessage, ResultOf } from './protocol';

/** Moves one request to the engine and back: a Worker, or the engine in this thread. */
export interface Transport {
  send(message: RequestMessage): void;
  onReply(listener: (reply: ReplyMessage) => void): void;
  dispose(): void;
}

export function workerTransport(worker: Worker): Transport {
  return {
    send: (message) => {
      // a file's bytes are moved to the worker, not copied
      const content = message.method === 'load' ? (message.args as { content: unknown }).content : null;
      worker.postMessage(message, content instanceof ArrayBuffer ? [content] : []);
    },
    onReply: (listener) => {
      worker.onmessage = (e: MessageEvent<ReplyMessage>) => listener(e.data);
    },
    dispose: () => worker.terminate(),
  };
}

/** The engine in this thread: for tests, and as the fallback when a Worker cannot start. */
export function inProcessTransport(service: EngineHandlers): Transport {
  let listener: (reply: ReplyMessage) => void = () => {};
  return {
    send: (message) => {
      // a macrotask, like a worker round trip, so callers never depend on synchronous replies
      setTimeout(() => {
        try {
          const handler = service[message.method] as (a: unknown) => unknown;
          listener({ id: message.id, ok: true, result: handler(message.args) });
        } catch (e) {
          listener({ id: message.id, ok: false, error: e instanceof Error ? e.message : String(e) });
        }
      }, 0);
    },
    onReply: (l) => {
      listener = l;
    },
    dispose: () => {},
  };
}

/** Evaluations superseded by a newer one before they ran. */
export const SUPERSEDED = 'superseded';

/**
 * Typed calls over a transport. `evaluateLatest` keeps one evaluation in flight and only the newest
 * waiting: a slider dragged through twenty values costs at most two evaluations, and answers to
 * anything but the newest request are dropped.
 */
export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly channels = new Map<string, { inFlight: boolean; queued: { run: () => Promise<unknown>; resolve: (v: unknown) => void } | null }>();

  constructor(private readonly transport: Transport) {
    transport.onReply((reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error));
    });
  }

  call<M extends Method>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const id = this.nextId++;
    return new Promise<ResultOf<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.transport.send({ id, method, args } as RequestMessage);
    });
  }

  /** Resolves with the outcome, or SUPERSEDED when a newer request replaced this one. */
  evaluateLatest(args: EvaluateArgs): Promise<EvaluateOutcome | typeof SUPERSEDED> {
    return this.callLatest('evaluate', 'evaluate', args);
  }

  /**
   * Latest wins, per channel (a slider's fast figures, the cards' exact figures, the table's rows):
   * one request in flight and only the newest waiting. Answers to anything but the newest request
   * of the channel resolve as SUPERSEDED; a failed call resolves as { ok: false, error }.
   */
  callLatest<M extends Method>(channel: string, method: M, args: ArgsOf<M>): Promise<ResultOf<M> | typeof SUPERSEDED> {
    let state = this.channels.get(channel);
    if (!state) {
      state = { inFlight: false, queued: null };
      this.channels.set(channel, state);
    }
    const lane = state;
    return new Promise((resolve) => {
      lane.queued?.resolve(SUPERSEDED);
      lane.queued = { run: () => this.call(method, args), resolve: resolve as (v: unknown) => void };
      this.pump(lane);
    });
  }

  private pump(lane: { inFlight: boolean; queued: { run: () => Promise<unknown>; resolve: (v: unknown) => void } | null }): void {
    if (lane.inFlight || !lane.queued) return;
    const { run, resolve } = lane.queued;
    lane.queued = null;
    lane.inFlight = true;
    run()
      .then((outcome) => resolve(lane.queued ? SUPERSEDED : outcome))
      .catch((e: unknown) => resolve({ ok: false, error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        lane.inFlight = false;
        this.pump(lane);
      });
  }

  dispose(): void {
    this.transport.dispose();
  }
}
