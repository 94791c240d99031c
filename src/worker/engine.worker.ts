/// <reference lib="webworker" />
import type { Method, ReplyMessage, RequestMessage } from './protocol';
import { createEngineService } from './service';

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
  scope.postMessage(reply, transferables(reply));
};

/** The buffers of typed arrays in a reply (up to three levels deep): moved to the page, not copied. */
function transferables(value: unknown, depth = 0, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
  } else if (depth < 3 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const v of Object.values(value)) transferables(v, depth + 1, out);
  }
  return out;
}
