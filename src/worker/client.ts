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
  private inFlight = false;
  private queued: { args: EvaluateArgs; resolve: (v: EvaluateOutcome | typeof SUPERSEDED) => void } | null = null;

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
    return new Promise((resolve) => {
      if (this.queued) this.queued.resolve(SUPERSEDED);
      this.queued = { args, resolve };
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || !this.queued) return;
    const { args, resolve } = this.queued;
    this.queued = null;
    this.inFlight = true;
    this.call('evaluate', args)
      .then((outcome) => resolve(this.queued ? SUPERSEDED : outcome))
      .catch((e: unknown) => resolve({ ok: false, error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }

  dispose(): void {
    this.transport.dispose();
  }
}
