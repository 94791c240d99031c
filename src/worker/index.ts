import { EngineClient, inProcessTransport, workerTransport } from './client';
import { createEngineService } from './service';

export { EngineClient, SUPERSEDED } from './client';
export type * from './protocol';

/** A client over a module Web Worker; the engine in this thread if a Worker cannot start. */
export function createEngineClient(): { client: EngineClient; inWorker: boolean } {
  try {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'margin-engine' });
    return { client: new EngineClient(workerTransport(worker)), inWorker: true };
  } catch {
    return { client: new EngineClient(inProcessTransport(createEngineService())), inWorker: false };
  }
}
