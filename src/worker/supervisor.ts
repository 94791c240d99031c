/**
 * A transport that keeps the engine alive. It wraps a worker transport; when the worker crashes (an
 * error event) or hangs (no answer within a method's time limit), it terminates it, starts a new one,
 * replays what the old one held (the last portfolio that loaded, tier tables), then re-sends every
 * request still waiting. Callers see answers, a little late, and a notice; nothing is lost.
 * Loads can be cancelled the same way: the worker is replaced and the previous portfolio replayed.
 */
import { workerTransport, type Transport } from './client';
import type { Method, ReplyMessage, RequestMessage } from './protocol';
import { withCopiedBytes } from './router';

/** A transport plus the one thing a worker can tell us besides replies: that it died. */
export interface Child {
  transport: Transport;
  onCrash(listener: (reason: string) => void): void;
}

export interface SupervisorOptions {
  spawn: () => Child;
  /** ms without an answer after which a request counts as hung; null: never (loads are cancelled by the user instead) */
  timeLimit?: (method: Method) => number | null;
  /** restarts in a row without any answer before pending requests are failed instead of replayed */
  maxRestarts?: number;
}

export type EngineEvent = { kind: 'restarted'; reason: string } | { kind: 'gave-up'; reason: string } | { kind: 'cancelled' };

/** Reading a file has no time limit (the user cancels it instead). */
const READS_A_FILE: ReadonlySet<Method> = new Set<Method>(['load', 'loadFiles', 'previewFile', 'checkMapping']);
export const DEFAULT_TIME_LIMIT = (method: Method): number | null => (READS_A_FILE.has(method) ? null : 30_000);
/** The analysis worker's limit: a chart or risk run over a 100k-row book may take longer than a slider step. */
export const ANALYSIS_TIME_LIMIT = (method: Method): number | null => (READS_A_FILE.has(method) ? null : 120_000);

const listeners = new Set<(event: EngineEvent) => void>();
const live = new Set<SupervisedTransport>();

/** Restarts and cancellations, for the page's notice. */
export function onEngineEvent(listener: (event: EngineEvent) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Abandons the imports in flight in every live engine: each is answered with an error, the portfolio before stays. */
export function cancelImports(): boolean {
  let any = false;
  // the mapping step's preview and check read the whole file too
  for (const s of live) for (const method of ['load', 'loadFiles', 'previewFile', 'checkMapping'] as const) any = s.cancel(method) || any;
  return any;
}

export const CANCELLED_MESSAGE = 'import cancelled; the portfolio on screen is unchanged';

/** A copy that survives the transfer of the original's bytes to the worker. */
const keep = withCopiedBytes;

export class SupervisedTransport implements Transport {
  private child: Child;
  private listener: (reply: ReplyMessage) => void = () => {};
  private readonly pending = new Map<number, { message: RequestMessage; timer: ReturnType<typeof setTimeout> | null }>();
  /** what the worker holds, to rebuild it: the last good load (one file or several), then tier tables in the order they came */
  private lastLoad: RequestMessage | null = null;
  private brackets: RequestMessage[] = [];
  private restartsInARow = 0;
  private generation = 0;
  private nextInternalId = -1;
  private readonly timeLimit: (method: Method) => number | null;
  private readonly maxRestarts: number;

  constructor(private readonly options: SupervisorOptions) {
    this.timeLimit = options.timeLimit ?? DEFAULT_TIME_LIMIT;
    this.maxRestarts = options.maxRestarts ?? 3;
    this.child = this.start();
    live.add(this);
  }

  private start(): Child {
    const generation = ++this.generation;
    const child = this.options.spawn();
    child.transport.onReply((reply) => {
      if (generation === this.generation) this.receive(reply);
    });
    child.onCrash((reason) => {
      if (generation === this.generation) this.restart(reason, 'crash');
    });
    return child;
  }

  private receive(reply: ReplyMessage): void {
    if (reply.id < 0) return; // a replayed request: its answer was given long ago
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.pending.delete(reply.id);
    if (entry.timer) clearTimeout(entry.timer);
    this.restartsInARow = 0;
    if (reply.ok) this.remember(entry.message, reply.result);
    this.listener(reply);
  }

  private remember(message: RequestMessage, result: unknown): void {
    const ok = typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === true;
    if (!ok) return;
    if (message.method === 'load' || message.method === 'loadFiles') this.lastLoad = message;
    if (message.method === 'loadBrackets') this.brackets.push(message);
  }

  private arm(message: RequestMessage): ReturnType<typeof setTimeout> | null {
    const limit = this.timeLimit(message.method);
    if (limit === null) return null;
    return setTimeout(() => this.restart(`no answer to ${message.method} within ${Math.round(limit / 1000)} s`, 'hang'), limit);
  }

  private dispatch(message: RequestMessage): void {
    // the kept copy stays ours; the worker gets (and may take) a fresh copy of the bytes
    this.child.transport.send(keep(message));
  }

  send(message: RequestMessage): void {
    const kept = keep(message);
    this.pending.set(message.id, { message: kept, timer: this.arm(kept) });
    this.child.transport.send(message);
  }

  onReply(listener: (reply: ReplyMessage) => void): void {
    this.listener = listener;
  }

  private fail(id: number, error: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.pending.delete(id);
    this.listener({ id, ok: false, error });
  }

  /** Replaces the worker: replays its state, then re-sends what was waiting. */
  private restart(reason: string, cause: 'crash' | 'hang' | 'cancel'): void {
    this.child.transport.dispose();
    for (const entry of this.pending.values()) if (entry.timer) clearTimeout(entry.timer);
    if (cause !== 'cancel') this.restartsInARow++;
    if (this.restartsInARow > this.maxRestarts) {
      // the same request keeps killing the engine: answer it with the reason instead of looping
      for (const id of [...this.pending.keys()]) this.fail(id, `the engine stopped (${reason})`);
      this.restartsInARow = 0;
      this.child = this.start();
      this.replayState();
      emit({ kind: 'gave-up', reason });
      return;
    }
    this.child = this.start();
    this.replayState();
    for (const entry of this.pending.values()) {
      entry.timer = this.arm(entry.message);
      this.dispatch(entry.message);
    }
    if (cause !== 'cancel') emit({ kind: 'restarted', reason });
  }

  private replayState(): void {
    for (const message of [this.lastLoad, ...this.brackets]) {
      if (message) this.dispatch({ ...message, id: this.nextInternalId-- } as RequestMessage);
    }
  }

  /** Answers every waiting request of this method with CANCELLED_MESSAGE and replaces the worker busy with it. */
  cancel(method: Method): boolean {
    const ids = [...this.pending].filter(([, e]) => e.message.method === method).map(([id]) => id);
    if (ids.length === 0) return false;
    for (const id of ids) this.fail(id, CANCELLED_MESSAGE);
    this.restart('cancelled', 'cancel');
    emit({ kind: 'cancelled' });
    return true;
  }

  dispose(): void {
    for (const entry of this.pending.values()) if (entry.timer) clearTimeout(entry.timer);
    this.pending.clear();
    this.child.transport.dispose();
    live.delete(this);
  }
}

function emit(event: EngineEvent): void {
  for (const listener of listeners) listener(event);
}

/** A Worker as a supervised child: its error events are crashes (handled here, not reported to the page as uncaught). */
export function workerChild(worker: Worker): Child {
  return {
    transport: workerTransport(worker),
    onCrash: (listener) => {
      worker.onerror = (event) => {
        event.preventDefault();
        listener(event.message || 'the engine worker stopped');
      };
      worker.onmessageerror = () => listener('a message from the engine could not be read');
    },
  };
}
