import { Dec, ONE, ZERO } from './decimal';
import { isLinear, type PreparedRow } from './rows';
import { rowFigures, type PreparedUnit } from './units';

/**
 * Solving HF = 1 for a price ratio x: the moving rows' marks are `x * mark`, every other row stays.
 *
 * For perps, futures and spot rows f(x) = MB(x) - MM(x) is piecewise linear in x: it bends only
 * where a row's tier changes or its maintenance margin leaves zero. Each row's pieces are written
 * down tier by tier, summed in one sweep over the break points, and each segment's root is exact:
 * x = -a / b. Property tests check HF = 1 against the figures at every root.
 */

interface Linear {
  a: Dec;
  b: Dec;
}

interface Piece {
  f: Linear;
  mm: Linear;
}


function at(l: Linear, x: Dec): Dec {
  return l.a.plus(l.b.times(x));
}

function add(p: Piece, q: Piece, sign: 1 | -1): Piece {
  const s = (u: Linear, v: Linear): Linear =>
    sign === 1 ? { a: u.a.plus(v.a), b: u.b.plus(v.b) } : { a: u.a.minus(v.a), b: u.b.minus(v.b) };
  return { f: s(p.f, q.f), mm: s(p.mm, q.mm) };
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
  return { f: { a: c1.f.minus(fb), b: fb }, mm: { a: c1.mm.minus(mb), b: mb } };
}

interface PieceEvent {
  from: Dec;
  delta: Piece;
}

/** A row's pieces from x = 0 upwards: each applies from `from` until the next one starts. */
export type Segments = Array<{ from: Dec; piece: Piece }>;

/**
 * Perps and futures in closed form, tier by tier: balance q*cs*(x*m - E) and MM = p*mmr*x - cum
 * (p = |q|*cs*m) where that is positive, else 0. A tier covers floor < p*x <= cap; the last one
 * goes on for ever (tierFor does the same).
 */
export function linearSegments(row: PreparedRow, base: Dec): Segments {
  const p = row.absQ.times(row.cs).times(base);
  const balance: Linear = { a: row.q.times(row.cs).times(row.entry ?? ZERO).neg(), b: row.q.times(row.cs).times(base) };
  const m = row.maintenance;
  const tiers =
    m.kind === 'tier'
      ? m.table.tiers.map((t, i) => ({ from: i === 0 ? ZERO : t.floor.div(p), mmr: t.mmr, cum: t.cum }))
      : [{ from: ZERO, mmr: m.mmr, cum: m.kind === 'row' ? m.cum : ZERO }];
  const segments: Segments = [];
  tiers.forEach((tier, i) => {
    const to = tiers[i + 1]?.from ?? null;
    const zeroMm: Piece = { f: balance, mm: { a: ZERO, b: ZERO } };
    const slope = p.times(tier.mmr);
    const withMm: Piece = { f: { a: balance.a.plus(tier.cum), b: balance.b.minus(slope) }, mm: { a: tier.cum.neg(), b: slope } };
    // MM = slope * x - cum leaves zero at x = cum / slope
    const kink = slope.gt(0) ? tier.cum.div(slope) : null;
    if (kink === null || (to !== null && kink.greaterThanOrEqualTo(to))) segments.push({ from: tier.from, piece: zeroMm });
    else if (kink.lte(tier.from)) segments.push({ from: tier.from, piece: withMm });
    else segments.push({ from: tier.from, piece: zeroMm }, { from: kink, piece: withMm });
  });
  return segments;
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
  const contributions = unit.rows.map((row, i) => contribution(unit, row, marks[i] ?? row.mark));
  const total = contributions.reduce<Piece>(
    (sum, c) => add(sum, { f: { a: c.f, b: ZERO }, mm: { a: c.mm, b: ZERO } }, 1),
    { f: { a: unit.baseBalance, b: ZERO }, mm: { a: ZERO, b: ZERO } },
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
        r = rowEvents(unit, row, marks[i] ?? row.mark);
        eventsOf.set(i, r);
      }
      sum = add(add(sum, { f: { a: c.f, b: ZERO }, mm: { a: c.mm, b: ZERO } }, -1), r.first, 1);
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
  const solveSegment = (piece: Piece, lo: Dec, hi: Dec | null) => {
    const { a, b } = piece.f;
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
    if (x.greaterThanOrEqualTo(lo) && (!hi || x.lessThanOrEqualTo(hi))) accept(x, piece);
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
 * `cut` rows keep y of their size, tiers re-evaluated; null when no cut reaches it. A linear row's
 * MM depends on its notional alone, so y of the size is the same piece as y of the price.
 */
export function sizeRatioForMaintenance(unit: PreparedUnit, marks: readonly Dec[], cut: readonly boolean[], targetMm: Dec): Dec | null {
  // f(y) = targetMm - MM(y): zero where the cut lands exactly on the target
  const asGap = (p: Piece): Piece => ({ f: { a: p.mm.a.neg(), b: p.mm.b.neg() }, mm: p.mm });
  let sum: Piece = { f: { a: targetMm, b: ZERO }, mm: { a: ZERO, b: ZERO } };
  const events: PieceEvent[] = [];
  unit.rows.forEach((row, i) => {
    const mark = marks[i] ?? row.mark;
    if (cut[i] && isLinear(row)) {
      const segments = linearSegments(row, mark).map((s) => ({ from: s.from, piece: asGap(s.piece) }));
      sum = add(sum, segments[0]!.piece, 1);
      segments.slice(1).forEach((s, k) => events.push({ from: s.from, delta: add(s.piece, segments[k]!.piece, -1) }));
    } else {
      const mm = contribution(unit, row, mark).mm;
      sum = add(sum, { f: { a: mm.neg(), b: ZERO }, mm: { a: mm, b: ZERO } }, 1);
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
