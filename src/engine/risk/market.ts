import { isStablecoin } from '../stablecoins';
import { readDecimalText } from '../decimal';
import defaults from './market-defaults.json';

/** Volatilities and correlations as they cross boundaries: strings, annualised fractions. */
export interface MarketInput {
  assets: string[];
  /** annualised volatility per asset, fraction (0.55 = 55%) */
  vols: string[];
  /** row-major assets × assets correlation matrix */
  correlations: string[][];
}

export const MARKET_SOURCE = { asOf: defaults.asOf, source: defaults.source, annualisation: defaults.annualisation, other: defaults.other.why, stablecoins: defaults.stablecoins };

const DAYS_PER_YEAR = 365;
const round = (v: number) => String(Math.round(v * 10000) / 10000);

function defaultVol(asset: string): number {
  if (isStablecoin(asset)) return 0;
  const daily = (defaults.dailyStdev as Record<string, number | undefined>)[asset] ?? defaults.other.dailyStdev;
  return daily * Math.sqrt(DAYS_PER_YEAR);
}

function defaultCorrelation(a: string, b: string): number {
  if (a === b) return 1;
  if (isStablecoin(a) || isStablecoin(b)) return 0;
  const pair = defaults.correlations.find(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return pair ? Number(pair[2]) : defaults.other.correlation;
}

/** The default market for the given assets (the book's underlyings). */
export function defaultMarket(assets: readonly string[]): MarketInput {
  const names = assets.map((a) => a.toUpperCase());
  return {
    assets: names,
    vols: names.map((a) => round(defaultVol(a))),
    correlations: names.map((a) => names.map((b) => round(defaultCorrelation(a, b)))),
  };
}

export type MarketCheck = { ok: true; vols: Float64Array; correlation: Float64Array } | { ok: false; error: string };

/** Reads the table in the order of `assets`; an asset the table does not name gets the defaults. */
export function readMarket(input: MarketInput, assets: readonly string[]): MarketCheck {
  const n = assets.length;
  const at = new Map(input.assets.map((a, i) => [a.toUpperCase(), i]));
  const vols = new Float64Array(n);
  const correlation = new Float64Array(n * n);
  // a market of n assets has n² correlation texts but few distinct ones (the defaults repeat):
  // each distinct text is read once
  const read = new Map<string, number | null>();
  const num = (text: string | undefined, what: string): number | string => {
    let v: number | null | undefined = null;
    if (typeof text === 'string') {
      v = read.get(text);
      if (v === undefined) {
        const d = readDecimalText(text);
        v = d ? d.toNumber() : null;
        read.set(text, v);
      }
    }
    return v ?? `${what}: expected a number, found "${text ?? ''}"`;
  };
  for (let i = 0; i < n; i++) {
    const a = assets[i]!.toUpperCase();
    const ia = at.get(a);
    const vol = ia === undefined ? defaultVol(a) : num(input.vols[ia], `volatility of ${a}`);
    if (typeof vol === 'string') return { ok: false, error: vol };
    if (vol < 0) return { ok: false, error: `volatility of ${a}: expected 0 or more, found ${vol}` };
    vols[i] = vol;
    for (let j = 0; j < n; j++) {
      const b = assets[j]!.toUpperCase();
      const ib = at.get(b);
      const rho = ia === undefined || ib === undefined ? defaultCorrelation(a, b) : num(input.correlations[ia]?.[ib], `correlation ${a}–${b}`);
      if (typeof rho === 'string') return { ok: false, error: rho };
      correlation[i * n + j] = rho;
    }
  }
  return { ok: true, vols, correlation };
}
