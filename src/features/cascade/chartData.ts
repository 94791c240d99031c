import type { CascadeResult } from '../../engine/cascade';

/**
 * Chart adapters: the only place the cascade's decimal strings become numbers (for drawing only).
 * Round 0 is the scenario's shock before any liquidation.
 */
export interface PricePoint {
  round: number;
  [underlying: string]: number;
}

/** Underlyings whose price the cascade moved or the shock set: the ones worth a line. */
export function movedUnderlyings(result: CascadeResult): string[] {
  const moved = new Set<string>();
  for (const [u, r] of result.startRatios) if (Number(r) !== 1) moved.add(u);
  for (const round of result.rounds) for (const [u, r] of round.ratios) if (Number(r) !== 1) moved.add(u);
  return [...moved];
}

/** Price change from today's mark, in %, per underlying and round. */
export function priceSeries(result: CascadeResult, underlyings: readonly string[]): PricePoint[] {
  const point = (round: number, ratios: Array<[string, string]>): PricePoint => {
    const p: PricePoint = { round };
    for (const [u, r] of ratios) if (underlyings.includes(u)) p[u] = (Number(r) - 1) * 100;
    return p;
  };
  return [point(0, result.startRatios), ...result.rounds.map((r) => point(r.round, r.ratios))];
}

export function referencePrice(result: CascadeResult, underlying: string): number {
  return Number(result.referencePrices.find(([u]) => u === underlying)?.[1] ?? Number.NaN);
}

export interface RoundPoint {
  round: number;
  notional: number;
  units: number;
  fund: number;
  adlEvents: number;
  adlAmount: number;
  bankrupt: number;
}

export function roundSeries(result: CascadeResult): RoundPoint[] {
  return [
    { round: 0, notional: 0, units: 0, fund: Number(result.fundStart), adlEvents: 0, adlAmount: 0, bankrupt: 0 },
    ...result.rounds.map((r) => ({
      round: r.round,
      notional: Number(r.liquidatedNotional),
      units: r.liquidated,
      fund: Number(r.fund),
      adlEvents: r.adlEvents,
      adlAmount: Number(r.adlAmount),
      bankrupt: r.bankrupt,
    })),
  ];
}

export interface HistogramPoint {
  bin: string;
  before: number;
  after: number;
}

export function histogramSeries(result: CascadeResult): HistogramPoint[] {
  const { lo, before, after } = result.histogram;
  return lo.map((l, i) => ({
    bin: i === lo.length - 1 ? `≥ ${l}` : i === 0 ? `< ${lo[1]}` : `${l}–${lo[i + 1]}`,
    before: before[i]!,
    after: after[i]!,
  }));
}

/** Compact money for axes: 1.2M, 350k. */
export function compactMoney(value: number): string {
  return new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
