import { EngineClient, inProcessTransport, type Transport } from './client';
import { SupervisedTransport, workerChild } from './supervisor';
import type { ReplyMessage, RequestMessage } from './protocol';

export { EngineClient, SUPERSEDED } from './client';
export type * from './protocol';

/**
 * The engine in this thread, loaded only when a Worker cannot start: requests wait for the
 * module, then go through the in-process transport. Keeps the engine out of the page's bundle.
 */
function lazyInProcessTransport(): Transport {
  let listener: (reply: ReplyMessage) => void = () => {};
  const ready = import('./service').then(({ createEngineService }) => {
    const transport = inProcessTransport(createEngineService());
    transport.onReply((reply) => listener(reply));
    return transport;
  });
  return {
    send: (message: RequestMessage) => void ready.then((t) => t.send(message)),
    onReply: (l) => {
      listener = l;
    },
    dispose: () => {},
  };
}

/** A client over a module Web Worker; the engine in this thread if a Worker cannot start. */
export function createEngineClient(): { client: EngineClient; inWorker: boolean } {
  try {
    const spawn = () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'margin-engine' });
    let first: Worker | null = spawn();
    // restarted and replayed when it crashes or hangs (supervisor.ts)
    const supervised = new SupervisedTransport({ spawn: () => workerChild(first ?? spawn()) });
    first = null;
    return { client: new EngineClient(supervised), inWorker: true };
  } catch {
    return { client: new EngineClient(lazyInProcessTransport()), inWorker: false };
  }
}
