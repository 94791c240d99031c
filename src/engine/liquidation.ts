import { Dec, ONE, ZERO } from './decimal';
import { isLinear, marginNotionalAt, maintenanceMargin, movingPrice, ratesAt, type PreparedRow } from './rows';
import { rowFigures, type PreparedUnit } from './units';

/**
 * Solving HF = 1 for a price ratio x: the moving rows' marks are `x * mark`, every other row stays.
 *
 * For perps, futures and spot rows f(x) = MB(x) - MM(x) is piecewise linear in x: it bends only
 * where a row's tier changes or its maintenance margin leaves zero. Each row's pieces are written
 * down tier by tier, summed in one sweep over the break points, and each segment's root is exact:
 * x = -a / b. One venue rule adds a term in 1/x: Deribit's rate grows with the size in the coin, and
 * an inverse contract's size in the coin is its USD face value over the price; such a segment is
 * solved as the quadratic b x^2 + a x + c = 0 (x > 0). Property tests check HF = 1 at every root.
 */

/** a + b x + c / x */
export interface Linear {
  a: Dec;
  b: Dec;
  c: Dec;
}

interface Piece {
  f: Linear;
  mm: Linear;
}

const line = (a: Dec, b: Dec = ZERO, c: Dec = ZERO): Linear => ({ a, b, c });
const FLAT = line(ZERO);

function at(l: Linear, x: Dec): Dec {
  const v = l.a.plus(l.b.times(x));
  return l.c.isZero() ? v : v.plus(l.c.div(x));
}

function add(p: Piece, q: Piece, sign: 1 | -1): Piece {
  const s = (u: Linear, v: Linear): Linear =>
    sign === 1 ? line(u.a.plus(v.a), u.b.plus(v.b), u.c.plus(v.c)) : line(u.a.minus(v.a), u.b.minus(v.b), u.c.minus(v.c));
  return { f: s(p.f, q.f), mm: s(p.mm, q.mm) };
}

function constantPiece(f: Dec, mm: Dec): Piece {
  return { f: line(f), mm: line(mm) };
}

function contribution(unit: PreparedUnit, row: PreparedRow, mark: Dec): { f: Dec; mm: Dec } {
  const fig = rowFigures(unit, row, mark);
  return { f: fig.balance.minus(fig.mm), mm: fig.mm };
}

/** A row that is linear in x without breaks (spot), read off its own figures at x = 1 and x = 2. */
function straightPiece(unit: PreparedUnit, row: PreparedRow, base: Dec): Piece {
  const c1 = contribution(unit, row, base);
  const c2 = contribution(unit, row, base.times(2));
  const fb = c2.f.minus(c1.f);
  const mb = c2.mm.minus(c1.mm);
  return { f: line(c1.f.minus(fb), fb), mm: line(c1.mm.minus(mb), mb) };
}

interface PieceEvent {
  from: Dec;
  delta: Piece;
}

/** A row's pieces from x = 0 upwards: each applies from `from` until the next one starts. */
export type Segments = Array<{ from: Dec; piece: Piece }>;

/**
 * MM of a row whose tier moves with `p * x` (p = notional at x = 1), tier by tier: MM = p*mmr*x - cum
 * where that is positive, else 0, added to `balance`. A tier covers floor < p*x <= cap; the last one
 * goes on for ever (tierFor does the same). The fee term (OKX) rides on every tier's rate.
 */
function tierSegments(row: PreparedRow, p: Dec, balance: Linear): Segments {
  const m = row.maintenance;
  const fee = row.venue.liquidationFee ?? ZERO;
  const base = ratesAt(row, p, row.mark);
  const tiers =
    m.kind === 'tier'
      ? m.table.tiers.map((t, i) => ({ from: i === 0 ? ZERO : t.floor.div(p), mmr: t.mmr.plus(fee), cum: t.cum }))
      : [{ from: ZERO, mmr: base.mmr, cum: base.cum }];
  const segments: Segments = [];
  tiers.forEach((tier, i) => {
    const to = tiers[i + 1]?.from ?? null;
    const zeroMm: Piece = { f: balance, mm: FLAT };
    const slope = p.times(tier.mmr);
    const withMm: Piece = { f: line(balance.a.plus(tier.cum), balance.b.minus(slope)), mm: line(tier.cum.neg(), slope) };
    // MM = slope * x - cum leaves zero at x = cum / slope
    const kink = slope.gt(0) ? tier.cum.div(slope) : null;
    if (kink === null || (to !== null && kink.greaterThanOrEqualTo(to))) segments.push({ from: tier.from, piece: zeroMm });
    else if (kink.lte(tier.from)) segments.push({ from: tier.from, piece: withMm });
    else segments.push({ from: tier.from, piece: zeroMm }, { from: kink, piece: withMm });
  });
  return segments;
}

/**
 * Perps and futures in closed form. Balance: q*cs*(x*m - E), or for an inverse contract
 * q*cs*(x*m - E)/E. MM by the venue's rule:
 * - on the notional at the moved price, tier by tier (linear contracts);
 * - constant in x where it is taken on a linear contract's value at entry (Bybit) or on an inverse
 *   contract's USD face value; for an inverse contract at entry (Bybit) a fixed number of coins;
 * - Deribit's size-scaled rate on an inverse contract: F*(mmr + fee) + perCoin*F^2/(m*x), a 1/x term.
 */
export function linearSegments(row: PreparedRow, base: Dec): Segments {
  const face = row.q.times(row.cs);
  const entry = row.entry ?? ZERO;
  // no entry price, no PnL (rows.ts pnlAt): the balance does not move with the price
  const balance = entry.isZero()
    ? FLAT
    : row.inverse ? line(face.neg(), face.times(base).div(entry)) : line(face.times(entry).neg(), face.times(base));
  const m = row.maintenance;
  if (row.inverse && m.kind === 'size') {
    const f = row.absQ.times(row.cs);
    const fixed = f.times(m.mmr.plus(row.venue.liquidationFee ?? ZERO));
    const curved = m.perCoin.times(f).times(f).div(base);
    const mm = line(fixed, ZERO, curved);
    return [{ from: ZERO, piece: { f: line(balance.a.minus(fixed), balance.b, curved.neg()), mm } }];
  }
  // Bybit's inverse MM on entry: a fixed number of coins, so its USD worth moves with the price
  if (row.inverse && row.venue.marginOnEntry && row.entry) return tierSegments(row, marginNotionalAt(row, base), balance);
  if (row.inverse || (row.venue.marginOnEntry && row.entry)) {
    const notional = marginNotionalAt(row, base);
    const mm = maintenanceMargin(notional, ratesAt(row, notional, base));
    return [{ from: ZERO, piece: { f: line(balance.a.minus(mm), balance.b), mm: line(mm) } }];
  }
  return tierSegments(row, row.absQ.times(row.cs).times(base), balance);
}

/**
 * Whether cutting a row to y of its size changes its MM as a tiered line in y, which the remediation
 * solves exactly: every perp and future except Deribit's size-scaled rates (MM quadratic in size).
 */
export function isCuttable(row: PreparedRow): boolean {
  return isLinear(row) && !(row.maintenance.kind === 'size' && row.maintenance.perCoin.gt(0));
}

/** MM pieces of a row cut to y of its size: a tiered line over the notional it is margined on. */
function sizeSegments(row: PreparedRow, mark: Dec): Segments {
  return tierSegments(row, marginNotionalAt(row, mark), FLAT);
}

function rowEvents(unit: PreparedUnit, row: PreparedRow, base: Dec): { first: Piece; events: PieceEvent[] } {
  const segments = isLinear(row) ? linearSegments(row, base) : [{ from: ZERO, piece: straightPiece(unit, row, base) }];
  const events = segments.slice(1).map((s, i) => ({ from: s.from, delta: add(s.piece, segments[i]!.piece, -1) }));
  return { first: segments[0]!.piece, events };
}

/**
 * Solves HF = 1 for one unit at the given marks (same order as unit.rows). The returned function
 * takes which rows move with x and gives every x in (0, infinity) at which the unit's HF is 1 (or
 * jumps across 1), ascending. The still rows are summed once, so asking for each underlying in turn
 * costs one pass over the unit plus the moving rows.
 */
export function hfOneSolver(unit: PreparedUnit, marks: readonly Dec[]): (moving: readonly boolean[]) => Dec[] {
  const contributions = unit.rows.map((row, i) => contribution(unit, row, marks[i] ?? movingPrice(row)));
  const total = contributions.reduce<Piece>(
    (sum, c) => add(sum, constantPiece(c.f, c.mm), 1),
    constantPiece(unit.baseBalance, ZERO),
  );
  const eventsOf = new Map<number, ReturnType<typeof rowEvents>>();
  return (moving) => {
    let sum = total;
    const events: PieceEvent[] = [];
    unit.rows.forEach((row, i) => {
      if (!moving[i]) return;
      const c = contributions[i]!;
      let r = eventsOf.get(i);
      if (!r) {
        r = rowEvents(unit, row, marks[i] ?? movingPrice(row));
        eventsOf.set(i, r);
      }
      sum = add(add(sum, constantPiece(c.f, c.mm), -1), r.first, 1);
      events.push(...r.events);
    });
    return sweep(sum, events);
  };
}

function sweep(start: Piece, events: PieceEvent[]): Dec[] {
  let sum = start;
  events.sort((a, b) => a.from.comparedTo(b.from));

  const found: Dec[] = [];
  const accept = (x: Dec, piece: Piece) => {
    if (x.gt(0) && at(piece.mm, x).gt(0)) found.push(x);
  };
  const inRange = (x: Dec, lo: Dec, hi: Dec | null) => x.greaterThanOrEqualTo(lo) && (!hi || x.lessThanOrEqualTo(hi));
  const solveSegment = (piece: Piece, lo: Dec, hi: Dec | null) => {
    const { a, b, c } = piece.f;
    if (!c.isZero()) {
      // a + b x + c / x = 0 with x > 0  <=>  b x^2 + a x + c = 0
      if (b.isZero()) {
        if (!a.isZero()) {
          const x = c.neg().div(a);
          if (inRange(x, lo, hi)) accept(x, piece);
        }
        return;
      }
      const disc = a.times(a).minus(b.times(c).times(4));
      if (disc.lt(0)) return;
      const root = disc.sqrt();
      for (const x of [a.neg().minus(root).div(b.times(2)), a.neg().plus(root).div(b.times(2))]) {
        if (inRange(x, lo, hi)) accept(x, piece);
      }
      return;
    }
    if (b.isZero()) {
      // flat at zero: every point qualifies; the one nearest the current price stands for them
      if (a.isZero()) accept(hi && ONE.greaterThan(hi) ? hi : ONE.lessThan(lo) ? lo : ONE, piece);
      return;
    }
    // a line crosses zero in [lo, hi] only if its ends differ in sign: one product, not a division
    const fLo = at(piece.f, lo);
    const fHi = hi ? at(piece.f, hi) : b;
    if (fLo.gt(0) === fHi.gt(0) && !fLo.isZero() && !fHi.isZero()) return;
    const x = a.neg().div(b);
    if (inRange(x, lo, hi)) accept(x, piece);
  };

  let lo = ZERO;
  let i = 0;
  while (i <= events.length) {
    const next = events[i]?.from ?? null;
    solveSegment(sum, lo, next);
    if (!next) break;
    const left = sum;
    while (i < events.length && events[i]!.from.equals(next)) {
      sum = add(sum, events[i]!.delta, 1);
      i++;
    }
    // a tier table whose MM jumps at a bracket edge can carry HF across 1 without touching it
    const fl = at(left.f, next);
    const fr = at(sum.f, next);
    if ((fl.gt(0) && fr.lt(0)) || (fl.lt(0) && fr.gt(0))) accept(next, sum);
    lo = next;
  }
  const unique = new Map(found.map((x) => [x.toFixed(), x]));
  return [...unique.values()].sort((a, b) => a.comparedTo(b));
}

/**
 * The largest size ratio y in (0, 1] at which the unit's maintenance margin is `targetMm` when the
 * `cut` rows keep y of their size, tiers re-evaluated; null when no cut reaches it. A row's MM
 * depends on the notional it is margined on alone, so y of the size is y of that notional.
 */
export function sizeRatioForMaintenance(unit: PreparedUnit, marks: readonly Dec[], cut: readonly boolean[], targetMm: Dec): Dec | null {
  // f(y) = targetMm - MM(y): zero where the cut lands exactly on the target
  const asGap = (p: Piece): Piece => ({ f: line(p.mm.a.neg(), p.mm.b.neg(), p.mm.c.neg()), mm: p.mm });
  let sum: Piece = constantPiece(targetMm, ZERO);
  const events: PieceEvent[] = [];
  unit.rows.forEach((row, i) => {
    const mark = marks[i] ?? movingPrice(row);
    if (cut[i] && isCuttable(row)) {
      const segments = sizeSegments(row, mark).map((s) => ({ from: s.from, piece: asGap(s.piece) }));
      sum = add(sum, segments[0]!.piece, 1);
      segments.slice(1).forEach((s, k) => events.push({ from: s.from, delta: add(s.piece, segments[k]!.piece, -1) }));
    } else {
      const mm = contribution(unit, row, mark).mm;
      sum = add(sum, constantPiece(mm.neg(), mm), 1);
    }
  });
  const within = sweep(sum, events).filter((y) => y.lessThanOrEqualTo(ONE));
  return within.length > 0 ? within[within.length - 1]! : null;
}

/** The root nearest the current price (x = 1), or null. */
export function nearestRatio(ratios: readonly Dec[]): Dec | null {
  let best: Dec | null = null;
  for (const x of ratios) {
    if (!best || x.minus(ONE).abs().lessThan(best.minus(ONE).abs())) best = x;
  }
  return best;
}

/** Largest root in (0, 1) and smallest in (1, maxUp], as moves s = x - 1. */
export function nearestMoves(ratios: readonly Dec[], maxUp: Dec): { down: Dec | null; up: Dec | null } {
  let down: Dec | null = null;
  let up: Dec | null = null;
  for (const x of ratios) {
    if (x.lessThan(ONE)) down = x.minus(ONE);
    else if (x.greaterThan(ONE) && x.lessThanOrEqualTo(maxUp) && up === null) up = x.minus(ONE);
  }
  return { down, up };
}

/** One stretch of a piecewise-linear unit in x: from `from` up to the next segment's `from`. */
export interface PriceSegment {
  from: Dec;
  /** MB - MM, linear in x */
  f: Linear;
  /** MM, linear in x */
  mm: Linear;
}

/**
 * The `moving` rows alone (no still rows, no base balance), as x scales their marks: the same
 * tier-by-tier pieces hfOneSolver sums, written out as segments from x = 0 upwards. Charts sample
 * them; hfOneRoots solves them.
 */
export function movingSegments(unit: PreparedUnit, marks: readonly Dec[], moving: readonly boolean[]): PriceSegment[] {
  const zero: Piece = { f: { a: ZERO, b: ZERO, c: ZERO }, mm: { a: ZERO, b: ZERO, c: ZERO } };
  let sum = zero;
  const events: PieceEvent[] = [];
  unit.rows.forEach((row, i) => {
    if (!moving[i]) return;
    const r = rowEvents(unit, row, marks[i] ?? row.mark);
    sum = add(sum, r.first, 1);
    events.push(...r.events);
  });
  events.sort((a, b) => a.from.comparedTo(b.from));
  const segments: PriceSegment[] = [{ from: ZERO, ...sum }];
  for (const e of events) {
    sum = add(sum, e.delta, 1);
    const last = segments[segments.length - 1]!;
    if (last.from.equals(e.from)) segments[segments.length - 1] = { from: e.from, ...sum };
    else segments.push({ from: e.from, ...sum });
  }
  return segments;
}

/**
 * Every x in (0, infinity) at which `still + segments` has HF = 1 (or jumps across it), ascending:
 * the same sweep as hfOneSolver, so a chart's liquidation points are the engine's.
 */
export function hfOneRoots(segments: readonly PriceSegment[], still: { f: Dec; mm: Dec }): Dec[] {
  const first = segments[0];
  if (!first) return [];
  const start: Piece = { f: { ...first.f, a: first.f.a.plus(still.f) }, mm: { ...first.mm, a: first.mm.a.plus(still.mm) } };
  const events = segments.slice(1).map((s, i) => ({ from: s.from, delta: add(s, segments[i]!, -1) }));
  return sweep(start, events);
}
