import { Dec, ZERO } from '../decimal';
import { adlKey, RowKind } from './book';
import { isAboveZero } from './float';
import { addForced, exposureBeyondFlow, markNow, partPnl, resize, setBase, sizeOf, syncFloats, toLot, type RunState } from './state';

/**
 * Auto-deleveraging, when the fund cannot pay a bankrupt unit's deficit (docs/cascade.md, "ADL").
 *
 * Who: perps and futures of the same venue on the same underlying, on the other side of the
 * bankrupt unit's largest closed position, that are in profit at the round's marks, in units that
 * were not liquidated this round.
 * Order: by PnL% x effective leverage, highest first, as Binance ("traders will be ranked by their
 * ... unrealized PnL as a percentage of their collateral" times leverage; FAQ "What Is
 * Auto-Deleveraging (ADL) and How Does It Work") and Bybit ("derived in order of highest profit
 * and effective leverage use"; help "What is Auto-Deleveraging (ADL)") publish it. Here
 * PnL% = (mark - entry) / entry * side and effective leverage = |q| * cs * mark / unit equity.
 * Ranked once per round; the key is float64 (an ordering only), ties in book order.
 * How much: the venue closes the opposite position at the bankrupt's bankruptcy price, which hands
 * the deficit over. The book is a sample, so sizes are not matched: each ranked position closes
 * the part of itself whose profit covers what is left of the deficit, at its entry price (it gives
 * up that profit, never more), off the market (no impact).
 */
const LINEAR: number = RowKind.Linear;
const OPTION: number = RowKind.Option;

const EMPTY = new Int32Array(0);

export interface AdlEvent {
  unit: number;
  amount: Dec;
}

/**
 * The ranked positions of one venue, underlying and side, as a binary heap (highest score first,
 * ties by unit then row): a round takes only the top few of tens of thousands, so ordering them all
 * would be wasted work. Popping in heap order gives exactly the order of a full sort by the same key.
 */
class RankedQueue {
  private size: number;
  constructor(
    readonly unit: Int32Array,
    readonly row: Int32Array,
    private readonly score: Float64Array,
    /** heap of indices into the columns */
    private readonly heap: Int32Array,
  ) {
    this.size = heap.length;
    for (let n = (this.size >> 1) - 1; n >= 0; n--) this.down(n);
  }

  /** true when entry a ranks before entry b */
  private before(a: number, b: number): boolean {
    const sa = this.score[a]!;
    const sb = this.score[b]!;
    if (sa !== sb) return sa > sb;
    if (this.unit[a] !== this.unit[b]) return this.unit[a]! < this.unit[b]!;
    return this.row[a]! < this.row[b]!;
  }

  private down(n: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * n + 1;
      if (l >= this.size) return;
      const r = l + 1;
      const c = r < this.size && this.before(h[r]!, h[l]!) ? r : l;
      if (!this.before(h[c]!, h[n]!)) return;
      const t = h[c]!;
      h[c] = h[n]!;
      h[n] = t;
      n = c;
    }
  }

  /** the entry in front, or -1 */
  top(): number {
    return this.size > 0 ? this.heap[0]! : -1;
  }

  pop(): void {
    this.size--;
    this.heap[0] = this.heap[this.size]!;
    this.down(0);
  }
}

export class AdlDesk {
  private readonly queues = new Map<number, RankedQueue>();

  constructor(
    private readonly state: RunState,
    /** 1 for the units liquidated this round: they are not ranked */
    private readonly liquidatedNow: Uint8Array,
  ) {}

  private queue(venue: number, underlying: number, side: 1 | -1): RankedQueue {
    const key = adlKey(underlying, venue, side);
    let queue = this.queues.get(key);
    if (queue) return queue;
    syncFloats(this.state);
    const { book, screen } = this.state;
    const { rowMark, rowEntry } = book.fast;
    const ratio = screen.ratio[underlying]!;
    const listed = book.adlRows.get(key) ?? EMPTY;
    const units = new Int32Array(listed.length);
    const rows = new Int32Array(listed.length);
    const scores = new Float64Array(listed.length);
    let n = 0;
    // float64 for choosing and ordering only; what a position pays is decimal (cover)
    for (const r of listed) {
      const u = book.rowUnit[r]!;
      const qcs = screen.qcs[r]!;
      if (qcs === 0 || this.liquidatedNow[u] === 1 || this.state.closed[u]) continue;
      const entry = rowEntry[r]!;
      const mark = rowMark[r]! * ratio;
      if (qcs * (mark - entry) <= 0) continue;
      const pnlPct = ((mark - entry) / entry) * side;
      units[n] = u;
      rows[n] = r - book.rowStart[u]!;
      scores[n] = pnlPct * ((Math.abs(qcs) * mark) / Math.max(this.floatEquity(u), 1e-9));
      n++;
    }
    const heap = new Int32Array(n);
    for (let j = 0; j < n; j++) heap[j] = j;
    queue = new RankedQueue(units.subarray(0, n), rows.subarray(0, n), scores.subarray(0, n), heap);
    this.queues.set(key, queue);
    return queue;
  }

  /** The unit's money in float64 (ranking only): wallet, PnL, options held at mark, spot at full value. */
  private floatEquity(u: number): number {
    const { book, screen } = this.state;
    const { rowMark, rowEntry } = book.fast;
    let e = screen.base[u]!;
    for (let r = book.rowStart[u]!; r < book.rowStart[u + 1]!; r++) {
      const qcs = screen.qcs[r]!;
      if (qcs === 0) continue;
      const mark = rowMark[r]! * screen.ratio[book.rowUnderlying[r]!]!;
      const entry = rowEntry[r]!;
      const kind = book.rowKind[r];
      if (kind === LINEAR) e += Number.isNaN(entry) ? 0 : qcs * (mark - entry);
      else if (kind === OPTION) e += book.isolated[u] ? (Number.isNaN(entry) ? 0 : qcs * (mark - entry)) : qcs * mark;
      else e += qcs * mark;
    }
    return e;
  }

  /**
   * Covers up to `deficit` of bankrupt unit `b`, whose position on `underlying` was on `side`.
   * Returns the events; what they pay is added to b's wallet.
   */
  cover(b: number, underlying: number, side: 1 | -1, deficit: Dec): AdlEvent[] {
    const state = this.state;
    const queue = this.queue(state.book.venue[b]!, underlying, side === 1 ? -1 : 1);
    const events: AdlEvent[] = [];
    let left = deficit;
    while (isAboveZero(left)) {
      const n = queue.top();
      if (n < 0) break;
      const u = queue.unit[n]!;
      const i = queue.row[n]!;
      const row = state.book.units[u]!.rows[i]!;
      const r = state.book.rowStart[u]! + i;
      const q = state.q[r]!;
      const mark = markNow(state, r);
      // PnL per size (mark - entry), once for the whole and the part; an inverse row: partPnl
      const perSize = row.inverse ? null : mark.minus(row.entry!);
      const pnlOf = (size: Dec) => (perSize ? sizeOf(state, r, size).times(perSize) : partPnl(row, size, mark));
      const profit = q.isZero() ? ZERO : pnlOf(q);
      if (!isAboveZero(profit)) {
        queue.pop();
        continue;
      }
      const whole = left.gte(profit);
      const delta = whole ? q : toLot(q.times(left).div(profit), q);
      const paid = whole ? profit : pnlOf(delta);
      // closed at its entry: no cash for the closed part, so the unit's equity falls by `paid`
      const rest = whole ? ZERO : q.minus(delta);
      if (row.inverse) {
        const today = sizeOf(state, r, delta).times(row.mark);
        resize(state, u, i, rest, today.plus(exposureBeyondFlow(row, today)));
      } else {
        // its exposure, size * today's mark, leaves with the round's sums per price group (run.ts)
        addForced(state, 'adl', r, sizeOf(state, r, delta));
        resize(state, u, i, rest, ZERO);
      }
      if (rest.isZero()) queue.pop();
      left = left.minus(paid);
      events.push({ unit: u, amount: paid });
    }
    // what the events paid: the deficit less what is left (a lot rounded up may pay a little more)
    const paid = deficit.minus(left);
    if (!paid.isZero()) setBase(state, b, state.base[b]!.plus(paid));
    return events;
  }
}

/** The bankrupt unit's largest closed perp or future: where ADL looks for the other side. */
export function adlTarget(state: RunState, u: number, closes: ReadonlyArray<{ i: number; delta: Dec; notional: Dec }>): { underlying: number; side: 1 | -1 } | null {
  let best: { underlying: number; side: 1 | -1; size: Dec } | null = null;
  const start = state.book.rowStart[u]!;
  for (const c of closes) {
    const r = start + c.i;
    if (state.book.rowLinear[r] !== 1) continue;
    const size = c.notional;
    if (!best || size.gt(best.size)) best = { underlying: state.book.rowUnderlying[r]!, side: c.delta.gt(0) ? 1 : -1, size };
  }
  return best ? { underlying: best.underlying, side: best.side } : null;
}
