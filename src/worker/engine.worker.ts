/// <reference lib="webworker" />
import type { Method, ReplyMessage, RequestMessage } from './protocol';
import { createEngineService } from './service';
import { transferablesOf } from './transfer';

const service = createEngineService();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<RequestMessage>) => {
  const { id, method, args } = event.data;
  let reply: ReplyMessage;
  try {
    const handler = service[method as Method] as (a: unknown) => unknown;
    reply = { id, ok: true, result: handler(args) };
  } catch (e) {
    reply = { id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  scope.postMessage(reply, reply.ok ? transferablesOf(reply.result) : []);
};
