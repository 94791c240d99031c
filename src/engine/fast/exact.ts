/**
 * The fast path's exact fallback: one unit recomputed by the decimal engine (units.ts unitFigures,
 * cuts.ts withCuts) and written into the fast arrays. Used for rows the fast path does not model
 * and for units too close to a tier cap or status level for float64 to decide.
 */
import { atScenario, statusOf } from '../evaluate';
import { optionUnderWhatIf } from '../options/repricing';
import type { PreparedUnit } from '../units';
import type { FastBook } from './book';
import type { FastFigures, FastScenario } from './evaluate';
import { STATUS_CODES } from './evaluate';

/** Options were prepared with no vol shock or time shift; a what-if with them reprices here. */
function withOptionWhatIf(unit: PreparedUnit, volShock: number, days: number): PreparedUnit {
  if ((volShock === 0 && days === 0) || !unit.rows.some((r) => r.option)) return unit;
  return { ...unit, rows: unit.rows.map((r) => (r.option ? { ...r, option: optionUnderWhatIf(r.option, volShock, days) } : r)) };
}

export function exactUnit(book: FastBook, u: number, s: FastScenario, out: FastFigures): void {
  const prepared = book.prepared[u]!;
  const info = book.units[u]!;
  const added = info.mode === 'cross' ? s.decimal.addCollateral.get(info.account) : undefined;
  const withCollateral = added ? { ...prepared, baseBalance: prepared.baseBalance.plus(added) } : prepared;
  const unit = withOptionWhatIf(withCollateral, s.decimal.volShock.toNumber(), s.decimal.days.toNumber());
  const { fig } = atScenario(unit, s.decimal);
  const hf = fig.mm.gt(0) ? fig.marginBalance.div(fig.mm) : null;
  out.unitMarginBalance[u] = fig.marginBalance.toNumber();
  out.unitMaintenance[u] = fig.mm.toNumber();
  out.unitInitial[u] = fig.im.toNumber();
  out.unitHealth[u] = hf ? hf.toNumber() : Infinity;
  out.unitStatus[u] = STATUS_CODES.indexOf(statusOf(hf, s.decimal));
  out.unitExact[u] = 1;
  const start = book.unitStart[u]!;
  fig.rows.forEach((row, k) => {
    out.rowNotional[start + k] = row.notional.toNumber();
    out.rowPnl[start + k] = row.pnl ? row.pnl.toNumber() : NaN;
    out.rowMaintenance[start + k] = row.mm.toNumber();
  });
}
