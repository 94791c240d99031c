import { Dec, ZERO } from '../decimal';
import { rowFigures, type PreparedUnit } from '../units';

/**
 * HF = 1 for units whose moving rows include options, where MB - MM is not piecewise linear in the
 * price ratio x. Bracket, then bisect, on the exact engine (rowFigures, decimals):
 * 1. scan f(x) = MB(x) - MM(x) over x in (0, infinity): 2% steps on [0.5, 2], 25% (geometric)
 *    steps out to 1e-4 and 1e4, then doubling while f is still positive and falling (options
 *    tend to intrinsic value, so f is asymptotically linear and a sign change cannot hide there);
 * 2. bisect every sign change to a relative width of 1e-13 (margin-model.md asks for 1e-9).
 * A loss dip narrower than one scan step between two safe points can be missed: the scan is dense
 * (2%) where prices usually are. Every root is a price where HF = 1, or where HF jumps across 1
 * (a tier edge); only roots with MM > 0 count, as in liquidation.ts.
 */
const RELATIVE_WIDTH = new Dec('1e-13');
const MAX_BISECTIONS = 200;

function scanPoints(): Dec[] {
  const xs: number[] = [];
  for (let x = 0.5; x > 1e-4; x /= 1.25) xs.push(x);
  xs.reverse();
  for (let k = 26; k <= 100; k++) xs.push(k / 50); // 0.52 ... 2.00 in 2% steps
  for (let x = 2 * 1.25; x < 1e4; x *= 1.25) xs.push(x);
  return [1e-9, ...xs].map((x) => new Dec(x.toPrecision(12)));
}

const SCAN = scanPoints();
const LIMIT = new Dec('1e15');

export function nonlinearRoots(unit: PreparedUnit, marks: readonly Dec[], moving: readonly boolean[]): Dec[] {
  let still = unit.baseBalance;
  unit.rows.forEach((row, i) => {
    if (moving[i]) return;
    const fig = rowFigures(unit, row, marks[i]!);
    still = still.plus(fig.balance).minus(fig.mm);
  });
  const at = (x: Dec): { f: Dec; mm: Dec } => {
    let f = still;
    let mm = ZERO;
    unit.rows.forEach((row, i) => {
      if (!moving[i]) return;
      const fig = rowFigures(unit, row, marks[i]!.times(x));
      f = f.plus(fig.balance).minus(fig.mm);
      mm = mm.plus(fig.mm);
    });
    return { f, mm };
  };
  // the still rows' MM counts too: HF = 1 needs MM > 0 for the unit as a whole
  let stillMm = ZERO;
  unit.rows.forEach((row, i) => {
    if (!moving[i]) stillMm = stillMm.plus(rowFigures(unit, row, marks[i]!).mm);
  });

  const roots: Dec[] = [];
  const accept = (x: Dec, mm: Dec) => {
    if (x.gt(0) && mm.plus(stillMm).gt(0)) roots.push(x);
  };
  let lo = SCAN[0]!;
  let fLo = at(lo);
  if (fLo.f.isZero()) accept(lo, fLo.mm);
  const step = (hi: Dec) => {
    const fHi = at(hi);
    if (fHi.f.isZero()) accept(hi, fHi.mm);
    else if (!fLo.f.isZero() && fLo.f.gt(0) !== fHi.f.gt(0)) accept(...bisect(at, lo, hi, fLo.f));
    const falling = fHi.f.lt(fLo.f);
    lo = hi;
    fLo = fHi;
    return falling;
  };
  for (const x of SCAN.slice(1)) step(x);
  // beyond the scan: keep doubling while f is positive and still falling
  while (fLo.f.gt(0) && lo.lt(LIMIT)) {
    if (!step(lo.times(2))) break;
  }
  return roots.sort((a, b) => a.comparedTo(b));
}

function bisect(at: (x: Dec) => { f: Dec; mm: Dec }, lo: Dec, hi: Dec, fLo: Dec): [Dec, Dec] {
  let a = lo;
  let b = hi;
  let fa = fLo;
  let mid = a.plus(b).div(2);
  let fm = at(mid);
  for (let i = 0; i < MAX_BISECTIONS && !fm.f.isZero() && b.minus(a).div(mid).gt(RELATIVE_WIDTH); i++) {
    if (fm.f.gt(0) === fa.gt(0)) {
      a = mid;
      fa = fm.f;
    } else {
      b = mid;
    }
    mid = a.plus(b).div(2);
    fm = at(mid);
  }
  return [mid, fm.mm];
}
