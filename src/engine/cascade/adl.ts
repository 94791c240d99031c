import { Dec, ZERO } from '../decimal';
import { isLinear, pnlAt } from '../rows';
import { RowKind } from './book';
import { replaceRow, resized, setBase, toLot, type RunState } from './state';

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
export interface AdlEvent {
  unit: number;
  amount: Dec;
}

type Queue = Array<{ u: number; i: number; score: number }>;

export class AdlDesk {
  private readonly queues = new Map<string, Queue>();
  /** the first entry of each queue still in play */
  private readonly heads = new Map<string, number>();

  constructor(
    private readonly state: RunState,
    private readonly liquidatedNow: ReadonlySet<number>,
  ) {}

  private queue(venue: string, underlying: number, side: 1 | -1): Queue {
    const key = `${venue}|${underlying}|${side}`;
    let queue = this.queues.get(key);
    if (queue) return queue;
    const { book, units, screen } = this.state;
    const ratio = screen.ratio[underlying]!;
    queue = [];
    // float64 for choosing and ordering only; what a position pays is decimal (cover)
    for (const u of book.unitsOf[underlying]!) {
      if (units[u]!.venue.id !== venue || this.liquidatedNow.has(u) || this.state.closed[u]) continue;
      let equity = Number.NaN;
      for (let r = book.rowStart[u]!; r < book.rowStart[u + 1]!; r++) {
        const qcs = screen.qcs[r]!;
        const entry = book.f.entry[r]!;
        if (book.rowUnderlying[r] !== underlying || book.rowKind[r] !== RowKind.Linear || Number.isNaN(entry)) continue;
        if (qcs === 0 || (qcs > 0 ? 1 : -1) !== side) continue;
        const mark = book.f.mark[r]! * ratio;
        if (qcs * (mark - entry) <= 0) continue;
        if (Number.isNaN(equity)) equity = Math.max(this.floatEquity(u), 1e-9);
        const pnlPct = ((mark - entry) / entry) * side;
        queue.push({ u, i: r - book.rowStart[u]!, score: pnlPct * ((Math.abs(qcs) * mark) / equity) });
      }
    }
    queue.sort((a, b) => b.score - a.score || a.u - b.u || a.i - b.i);
    this.queues.set(key, queue);
    this.heads.set(key, 0);
    return queue;
  }

  private floatEquity(u: number): number {
    const { book, screen } = this.state;
    let e = screen.base[u]!;
    for (let r = book.rowStart[u]!; r < book.rowStart[u + 1]!; r++) {
      const mark = book.f.mark[r]! * screen.ratio[book.rowUnderlying[r]!]!;
      if (book.rowKind[r] === RowKind.Linear && !Number.isNaN(book.f.entry[r]!)) e += screen.qcs[r]! * (mark - book.f.entry[r]!);
      else if (book.rowKind[r] === RowKind.Option) e += book.f.constant[r]!;
      else if (book.rowKind[r] !== RowKind.Linear) e += screen.qcs[r]! * mark;
    }
    return e;
  }

  /**
   * Covers up to `deficit` of bankrupt unit `b`, whose position on `underlying` was on `side`.
   * Returns the events; what they pay is added to b's wallet.
   */
  cover(b: number, underlying: number, side: 1 | -1, deficit: Dec): AdlEvent[] {
    const state = this.state;
    const venue = state.units[b]!.venue.id;
    const other = side === 1 ? -1 : 1;
    const queue = this.queue(venue, underlying, other);
    const key = `${venue}|${underlying}|${other}`;
    let head = this.heads.get(key) ?? 0;
    const events: AdlEvent[] = [];
    let left = deficit;
    while (left.gt(0) && head < queue.length) {
      const { u, i } = queue[head]!;
      const row = state.units[u]!.rows[i]!;
      const mark = row.mark.times(state.ratio[underlying]!);
      const profit = row.q.isZero() ? ZERO : pnlAt(row, mark);
      if (!profit.gt(0)) {
        head++;
        continue;
      }
      const delta = left.gte(profit) ? row.q : toLot(row.q.times(left).div(profit), row.q);
      const paid = pnlAt(resized(row, delta), mark);
      // closed at its entry: no cash for the closed part, so the unit's equity falls by `paid`
      replaceRow(state, u, i, row.q.minus(delta), state.units[u]!.baseBalance);
      if (row.q.minus(delta).isZero()) head++;
      left = left.minus(paid);
      events.push({ unit: u, amount: paid });
    }
    this.heads.set(key, head);
    // what the events paid: the deficit less what is left (a lot rounded up may pay a little more)
    const paid = deficit.minus(left);
    if (!paid.isZero()) setBase(state, b, state.units[b]!.baseBalance.plus(paid));
    return events;
  }
}

/** The bankrupt unit's largest closed perp or future: where ADL looks for the other side. */
export function adlTarget(state: RunState, u: number, closes: ReadonlyArray<{ i: number; delta: Dec }>, marks: readonly Dec[]): { underlying: number; side: 1 | -1 } | null {
  let best: { underlying: number; side: 1 | -1; size: Dec } | null = null;
  const unit = state.units[u]!;
  for (const c of closes) {
    const row = unit.rows[c.i]!;
    if (!isLinear(row)) continue;
    const size = c.delta.abs().times(row.cs).times(marks[c.i]!);
    if (!best || size.gt(best.size)) {
      best = { underlying: state.book.rowUnderlying[state.book.rowStart[u]! + c.i]!, side: c.delta.gt(0) ? 1 : -1, size };
    }
  }
  return best ? { underlying: best.underlying, side: best.side } : null;
}
