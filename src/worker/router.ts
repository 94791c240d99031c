/**
 * Two engines behind one client. The what-if worker answers what a slider step waits for (fast
 * figures, the cards' exact figures, the table's rows and order); the analysis worker answers what
 * can take seconds on a 100k-row book (charts, option grids, risk, cascade, venue comparison, the
 * full report). A slow chart never delays a slider step.
 *
 * Both hold the same portfolio: every load goes to both, the analysis worker with a copy of the
 * bytes (the what-if worker takes the original by transfer) under a mirrored id whose answer is
 * dropped here. Each side is supervised on its own (restart and replay, supervisor.ts).
 */
import type { Transport } from './client';
import type { Method, ReplyMessage, RequestMessage } from './protocol';

/** Methods that change what an engine holds: both workers must see them, in the same order. */
const SHARED_STATE: ReadonlySet<Method> = new Set<Method>(['load', 'loadFiles', 'loadBrackets']);
/** Methods a slider step or the visible table waits for; everything else is analysis. */
const WHAT_IF: ReadonlySet<Method> = new Set<Method>(['layout', 'evaluateFast', 'exactUnits', 'positionRows', 'sortRows', 'previewFile', 'checkMapping']);
/** Added to a request's id for its copy on the analysis side; client ids never come near it. */
export const MIRROR_OFFSET = 2 ** 40;

export function isWhatIfMethod(method: Method): boolean {
  return WHAT_IF.has(method);
}

/** The same request with its own copies of any file bytes, which a worker transport may transfer away. */
export function withCopiedBytes(message: RequestMessage): RequestMessage {
  const copy = (content: ArrayBuffer | string) => (content instanceof ArrayBuffer ? content.slice(0) : content);
  if (message.method === 'load') {
    const args = message.args as RequestMessage<'load'>['args'];
    return { ...message, args: { ...args, content: copy(args.content) } } as RequestMessage;
  }
  if (message.method === 'loadFiles') {
    const args = message.args as RequestMessage<'loadFiles'>['args'];
    return { ...message, args: { ...args, files: args.files.map((f) => ({ ...f, content: copy(f.content) })) } } as RequestMessage;
  }
  return message;
}

export class RoutedTransport implements Transport {
  private listener: (reply: ReplyMessage) => void = () => {};

  constructor(
    private readonly whatIf: Transport,
    private readonly analysis: Transport,
  ) {
    whatIf.onReply((reply) => this.listener(reply));
    analysis.onReply((reply) => {
      if (reply.id < MIRROR_OFFSET) this.listener(reply);
    });
  }

  send(message: RequestMessage): void {
    if (SHARED_STATE.has(message.method)) {
      // the copy first: the what-if transport may transfer the original's bytes
      this.analysis.send({ ...withCopiedBytes(message), id: message.id + MIRROR_OFFSET });
      this.whatIf.send(message);
    } else if (WHAT_IF.has(message.method)) {
      this.whatIf.send(message);
    } else {
      this.analysis.send(message);
    }
  }

  onReply(listener: (reply: ReplyMessage) => void): void {
    this.listener = listener;
  }

  dispose(): void {
    this.whatIf.dispose();
    this.analysis.dispose();
  }
}
