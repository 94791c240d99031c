import { bsPrice } from '../options/blackScholes';
import { GENERIC_OPTION_GRID } from '../options/optionMargin';
import type { PreparedOption } from '../options/repricing';
import type { OptionType } from '../types';

/**
 * Priced options repriced on every path step, in float64: scenario statistics over thousands of
 * paths cannot go through decimal.js (house rule: statistics may use float64). This is the float64
 * twin of the decimal engine's option rules, kept to the same formulas:
 *   mark     M' = max(0, M + BS(S', iv, T') − BS(S, iv, T))            (options/repricing.ts repricedMark)
 *   balance  cross: q·cs·M'; isolated: q·cs·(M' − E)                     (units.ts rowFigures)
 *   MM       short only: Deribit's standard margin, else the worst weighted loss over the SPAN grid
 *            (options/deribitMargin.ts, options/optionMargin.ts worstLossPerUnit)
 * with S' = S·x and T' = max(0, T − elapsed years): time passes along a path, so an option decays
 * even where the underlying stands still. test/risk/options.test.ts reconciles it with the decimal
 * engine under scenarios.
 */
export interface RepricedOption {
  unit: number;
  /** index into the model's underlyings */
  underlying: number;
  /** signed q × contract size */
  size: number;
  mark: number;
  /** NaN when the row has no entry price (no PnL) */
  entry: number;
  isolated: boolean;
  type: OptionType;
  S: number;
  K: number;
  r: number;
  iv: number;
  T: number;
  modelToday: number;
  margin: 'none' | 'deribit' | 'grid';
  /** iv and T are a what-if's, not today's (whatIf.ts): the model moves the mark even at x = 1, t = 0 */
  shifted: boolean;
}

export function repricedOption(unit: number, underlying: number, size: number, mark: number, entry: number, isolated: boolean, venue: string, o: PreparedOption): RepricedOption {
  // options are prepared with no what-if (vol shock 0, no time shift): iv and T are today's
  return {
    unit, underlying, size, mark, entry, isolated,
    type: o.type, S: o.S, K: o.K, r: o.r, iv: o.iv, T: o.T, modelToday: o.modelToday,
    margin: size >= 0 ? 'none' : venue === 'deribit' ? 'deribit' : 'grid',
    shifted: false,
  };
}

const DERIBIT_MM = 0.075;

/** Figures of one option at the price ratio x after `years`: what it adds to its unit's balance, and its MM. */
export interface OptionFigures {
  balance: number;
  mm: number;
}

export function repricedAt(o: RepricedOption, x: number, years: number, out: OptionFigures): void {
  const S = o.S * x;
  const T = o.T > years ? o.T - years : 0;
  const change = x === 1 && years === 0 && !o.shifted ? 0 : bsPrice(o.type, S, o.K, T, o.r, o.iv) - o.modelToday;
  const moved = o.mark + change;
  const mark = moved > 0 ? moved : 0;
  out.balance = o.isolated ? (Number.isNaN(o.entry) ? 0 : o.size * (mark - o.entry)) : o.size * mark;
  if (o.margin === 'none') {
    out.mm = 0;
    return;
  }
  const units = -o.size;
  if (o.margin === 'deribit') {
    const perUnit = o.type === 'call' ? DERIBIT_MM * S + mark : Math.max(DERIBIT_MM * S, DERIBIT_MM * mark) + mark;
    out.mm = perUnit * units;
    return;
  }
  // worstLossPerUnit with the path's T': the grid moves the price and the vol from this state
  const today = bsPrice(o.type, S, o.K, T, o.r, o.iv);
  let worst = 0;
  for (const s of GENERIC_OPTION_GRID.scenarios) {
    const m = mark + bsPrice(o.type, S * (1 + s.price), o.K, T, o.r, o.iv * (1 + s.vol)) - today;
    const loss = s.weight * ((m > 0 ? m : 0) - mark);
    if (loss > worst) worst = loss;
  }
  out.mm = worst * units;
}
