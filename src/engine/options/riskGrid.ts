/**
 * Risk matrices: scenarios of an underlying move (fraction, every non-stable underlying at once) and
 * a relative volatility move (iv' = iv * (1 + vol)), each with a weight. The requirement of a unit
 * is its worst weighted loss over the scenarios. Float64 statistics (see riskMatrix.ts).
 */
export interface RiskScenario {
  /** fractional move of the underlying price: 0.16 = +16% */
  price: number;
  /** relative volatility move: 0.5 = iv * 1.5 */
  vol: number;
  /** share of the scenario's loss that counts */
  weight: number;
  label: string;
}

export interface RiskGrid {
  id: string;
  title: string;
  scenarios: RiskScenario[];
  /** for rectangular grids (the heatmap): the axes, so that scenario i is [price i / vols, vol i % vols] */
  axes?: { prices: number[]; vols: number[] };
  /** when set, each scenario's vol move is the move at `pivotDays` to expiry, scaled per option (Deribit) */
  volScaling?: VolExpiryScaling;
}

/**
 * Deribit's portfolio margin scales the volatility move by time to expiry: shorter expiries get
 * larger vol moves. Sources:
 * - Deribit's published portfolio margin page (deribit.com/pages/docs/portfoliomargin): "maximum
 *   implied volatility change of (30/days to expiration)^0.30*38.00%. Example: options expiring in
 *   30 days: IV change of maximum 38.00%, options expiring in 15 days: (30/15)^0.30*38.00%"
 *   (an older edition: SQRT(30/days to expiration)*40%);
 * - Deribit's API, private/pme/simulate, example model_params for btc_usd: volatility_range_up 0.5,
 *   volatility_range_down 0.25, short_term_vega_power 0.3, long_term_vega_power 0.13,
 *   min_volatility_for_shock_up 0.5.
 * Deribit does not publish where the short-term power ends; third-party replicas of the model
 * (Oreome "Advanced Risk Scenarios", Dederi's portfolio margin wiki) use the short-term power below
 * 30 days to expiry and the long-term one above, and floor a vol-up shock at
 * min_volatility_for_shock_up: iv_up = max(iv * (1 + up * (30/days)^power), min_vol_up) and
 * iv_down = max(iv * (1 - down * (30/days)^power), 0). That is the rule implemented here.
 * Days to expiry are T * 365 (ACT/365, time.ts) after the what-if's time shift.
 */
export interface VolExpiryScaling {
  /** the expiry, in days, whose vol move is the grid's own (30) */
  pivotDays: number;
  /** exponent for expiries shorter than the pivot (0.3) and for the pivot and longer (0.13) */
  shortTermPower: number;
  longTermPower: number;
  /** a vol-up scenario never leaves the volatility below this annualised fraction (0.5) */
  minVolUp: number;
}

export const DERIBIT_VOL_SCALING: VolExpiryScaling = { pivotDays: 30, shortTermPower: 0.3, longTermPower: 0.13, minVolUp: 0.5 };

const DAYS_PER_YEAR = 365;

/** The factor on a grid's vol move at T years to expiry: (pivot / days)^power; 1 when unscaled or expired. */
export function volMoveScale(scaling: VolExpiryScaling | undefined, T: number): number {
  const days = T * DAYS_PER_YEAR;
  if (!scaling || !(days > 0)) return 1;
  return Math.pow(scaling.pivotDays / days, days < scaling.pivotDays ? scaling.shortTermPower : scaling.longTermPower);
}

/** The volatility in a scenario with relative vol move `vol` for an option at volatility iv, T years to expiry. */
export function scenarioSigma(iv: number, vol: number, T: number, scaling: VolExpiryScaling | undefined): number {
  if (vol === 0) return Math.max(0, iv);
  const sigma = Math.max(0, iv * (1 + vol * volMoveScale(scaling, T)));
  return scaling && vol > 0 && T > 0 ? Math.max(sigma, scaling.minVolUp) : sigma;
}

const pct = (x: number) => `${x > 0 ? '+' : ''}${Math.round(x * 10000) / 100}%`;

/**
 * CME SPAN's 16 risk scenarios (CME Group, "CME SPAN: Standard Portfolio Analysis of Risk",
 * risk array scenarios 1-16): the price unchanged, up and down 1/3, 2/3 and 3/3 of the price scan
 * range, each with volatility up and down by the vol scan range; then two extreme moves of twice the
 * scan range with volatility unchanged, of which 35% counts.
 */
export function spanGrid(priceScan = 0.15, volScan = 0.25): RiskGrid {
  const scenarios: RiskScenario[] = [];
  for (const [k, signs] of [[0, [1]], [1 / 3, [1, -1]], [2 / 3, [1, -1]], [1, [1, -1]]] as const) {
    for (const sign of signs) {
      for (const vol of [volScan, -volScan]) {
        const price = sign * k * priceScan;
        scenarios.push({ price, vol, weight: 1, label: `price ${pct(price)}, vol ${vol > 0 ? 'up' : 'down'}` });
      }
    }
  }
  for (const sign of [1, -1]) {
    scenarios.push({ price: sign * 2 * priceScan, vol: 0, weight: 0.35, label: `extreme ${pct(sign * 2 * priceScan)} (35%)` });
  }
  return { id: 'span', title: `CME SPAN 16 scenarios (price scan ±${pct(priceScan).slice(1)}, vol scan ±${pct(volScan).slice(1)})`, scenarios };
}

/**
 * A Deribit-style grid (Deribit support, "Portfolio Margin": the price range, e.g. ±16%, in 9 evenly
 * spaced buckets including zero, each with volatility up, same and down; an extended table of
 * -66%, -33%, +50%, +100%, +200%, +300%, +400%, +500% on volatility up only, counting a fraction of
 * the loss). Vol ranges up 0.5 and down 0.25 are the btc_usd parameters of Deribit's
 * private/pme/simulate example; the extended weight 0.16 / |move| is this project's dampener (issue 4).
 * The vol moves are those at 30 days to expiry, scaled per option by time to expiry as Deribit does
 * (VolExpiryScaling above); pass `null` for flat vol moves.
 */
export function deribitGrid(priceRange = 0.16, volUp = 0.5, volDown = 0.25, volScaling: VolExpiryScaling | null = DERIBIT_VOL_SCALING): RiskGrid {
  const scenarios: RiskScenario[] = [];
  for (let i = 0; i < 9; i++) {
    const price = -priceRange + (i * 2 * priceRange) / 8;
    for (const [vol, name] of [[volUp, 'up'], [0, 'same'], [-volDown, 'down']] as const) {
      scenarios.push({ price, vol, weight: 1, label: `price ${pct(price)}, vol ${name}` });
    }
  }
  for (const price of [-0.66, -0.33, 0.5, 1, 2, 3, 4, 5]) {
    scenarios.push({ price, vol: volUp, weight: priceRange / Math.abs(price), label: `extended ${pct(price)}, vol up` });
  }
  const scaled = volScaling ? `, vol moves × (30/days)^${volScaling.shortTermPower} under 30 days, ^${volScaling.longTermPower} beyond` : '';
  const title = `Deribit-style grid (±${pct(priceRange).slice(1)} in 9 steps, extended −66%…+500%${scaled})`;
  return volScaling ? { id: 'deribit', title, scenarios, volScaling } : { id: 'deribit', title, scenarios };
}

/** A rectangular grid of price × vol moves, weight 1: the heatmap's (21 × 11 by default). */
export function rectangularGrid(
  prices: number[] = Array.from({ length: 21 }, (_, i) => Math.round((-0.5 + i * 0.05) * 100) / 100),
  vols: number[] = Array.from({ length: 11 }, (_, i) => Math.round((-0.5 + i * 0.1) * 100) / 100),
): RiskGrid {
  const scenarios: RiskScenario[] = [];
  for (const price of prices) for (const vol of vols) scenarios.push({ price, vol, weight: 1, label: `price ${pct(price)}, vol ${pct(vol)}` });
  return { id: 'heatmap', title: `${prices.length} price × ${vols.length} vol moves`, scenarios, axes: { prices, vols } };
}

export type GridRead = { ok: true; grid: RiskGrid } | { ok: false; errors: string[] };

function num(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * A grid from JSON: `{ "scenarios": [{ "price": -0.1, "vol": 0.25, "weight": 1 }, ...] }`, or a
 * rectangle `{ "prices": [...], "vols": [...] }` (weight 1). Every problem names its place.
 */
export function readGridJson(json: unknown, source: string): GridRead {
  const errors: string[] = [];
  if (typeof json !== 'object' || json === null) return { ok: false, errors: [`${source}: expected a JSON object with "scenarios" or "prices" and "vols"`] };
  const o = json as Record<string, unknown>;
  const moveOk = (n: number | null, where: string, what: string): n is number => {
    if (n === null || n <= -1) {
      errors.push(`${source}: ${where}: expected ${what} above -1 (a fraction, -0.2 = -20%)`);
      return false;
    }
    return true;
  };
  if (Array.isArray(o.prices) || Array.isArray(o.vols)) {
    const prices = Array.isArray(o.prices) ? o.prices.map(num) : [];
    const vols = Array.isArray(o.vols) ? o.vols.map(num) : [];
    if (prices.length === 0 || vols.length === 0) errors.push(`${source}: expected non-empty "prices" and "vols" lists`);
    prices.forEach((p, i) => moveOk(p, `prices[${i}]`, 'a price move'));
    vols.forEach((v, i) => moveOk(v, `vols[${i}]`, 'a vol move'));
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, grid: { ...rectangularGrid(prices as number[], vols as number[]), id: 'file', title: source } };
  }
  if (!Array.isArray(o.scenarios) || o.scenarios.length === 0) return { ok: false, errors: [`${source}: expected a non-empty "scenarios" list or "prices" and "vols"`] };
  const scenarios: RiskScenario[] = [];
  o.scenarios.forEach((s: unknown, i) => {
    const e = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
    const price = num(e.price);
    const vol = e.vol === undefined ? 0 : num(e.vol);
    const weight = e.weight === undefined ? 1 : num(e.weight);
    const okPrice = moveOk(price, `scenarios[${i}].price`, 'a price move');
    const okVol = moveOk(vol, `scenarios[${i}].vol`, 'a vol move');
    if (weight === null || weight < 0) errors.push(`${source}: scenarios[${i}].weight: expected a weight of 0 or more`);
    else if (okPrice && okVol) scenarios.push({ price, vol, weight, label: typeof e.label === 'string' ? e.label : `price ${pct(price)}, vol ${pct(vol)}` });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, grid: { id: 'file', title: source, scenarios } };
}
