import { EngineClient, inProcessTransport, type Transport } from './client';
import { RoutedTransport } from './router';
import { ANALYSIS_TIME_LIMIT, SupervisedTransport, workerChild } from './supervisor';
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

/**
 * A client over two module Web Workers (router.ts: slider steps never wait behind a chart); the
 * engine in this thread if a Worker cannot start.
 */
export function createEngineClient(): { client: EngineClient; inWorker: boolean } {
  try {
    const spawnAs = (name: string) => () => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name });
    // a Worker that cannot start throws here, before anything is wired
    const first = [spawnAs('margin-engine')(), spawnAs('margin-analysis')()];
    const supervised = (spawn: () => Worker, index: number, timeLimit?: typeof ANALYSIS_TIME_LIMIT) => {
      let initial: Worker | null = first[index]!;
      // restarted and replayed when it crashes or hangs (supervisor.ts)
      const transport = new SupervisedTransport({ spawn: () => workerChild(initial ?? spawn()), ...(timeLimit ? { timeLimit } : {}) });
      initial = null;
      return transport;
    };
    const routed = new RoutedTransport(supervised(spawnAs('margin-engine'), 0), supervised(spawnAs('margin-analysis'), 1, ANALYSIS_TIME_LIMIT));
    return { client: new EngineClient(routed), inWorker: true };
  } catch {
    return { client: new EngineClient(lazyInProcessTransport()), inWorker: false };
  }
}
