import { Dec, decStr } from './decimal';
import { evaluatePortfolio } from './evaluate';
import type { PortfolioRow, PositionReport, Report, UnitReport, VenueId } from './types';
import { liquidationCost, AAVE_RESERVES, type AaveReserve } from './venues/aave';
import { VENUES, tierTableFor, type VenueRules } from './venues';
import { tierFor, type TierTables } from './venues/tiers';
import { venueReasons, type ReasonContext } from './compareReasons';

/** The venues a book is compared under, in this order (generic is the model, not a venue). */
export const COMPARED_VENUES: readonly VenueId[] = ['binance', 'bybit', 'okx', 'hyperliquid', 'deribit', 'aave-v3'];

export interface VenuePositionFigures {
  venue: VenueId;
  /** false where the venue cannot hold the row (Aave holds no perps) */
  available: boolean;
  initialMargin: string | null;
  maintenanceMargin: string | null;
  mmr: string | null;
  liquidationPrice: string | null;
  distanceToLiquidation: string | null;
  /** the plain-words terms of this venue's rule that move the figures */
  reasons: string[];
}

export interface PositionComparison {
  account: string;
  line: number;
  symbol: string;
  underlying: string;
  side: 'long' | 'short';
  markPrice: string;
  /** the venue the file gives the account */
  ownVenue: VenueId;
  venues: VenuePositionFigures[];
  /** the venue with the liquidation price nearest the mark; null when no venue has one */
  mostConservative: VenueId | null;
  /** the venue's own figures from the file beside ours under that venue, and the gaps (ours - theirs) */
  theirs: { liquidationPrice: string | null; maintenanceMargin: string | null; liquidationPriceGap: string | null; maintenanceMarginGap: string | null } | null;
}

export interface VenueUnitFigures {
  venue: VenueId;
  available: boolean;
  marginBalance: string | null;
  initialMargin: string | null;
  maintenanceMargin: string | null;
  healthFactor: string | null;
  /** the ratio as the venue shows it: label says its orientation */
  venueRatio: { label: string; value: string } | null;
  liquidationShockDown: string | null;
  /** lending venues: what a liquidation would take */
  liquidation: { closeFactor: string; repaid: string; cost: string } | null;
}

export interface UnitComparison {
  account: string;
  unit: string;
  venues: VenueUnitFigures[];
  /** the venue with the lowest health factor */
  mostConservative: VenueId | null;
}

export interface VenueComparison {
  schema: 'margin-radar/compare-venues@1';
  asOf: string;
  source: string;
  venues: Array<{ id: VenueId; label: string; asOf: string | null; source: string | null }>;
  units: UnitComparison[];
  positions: PositionComparison[];
}

export interface CompareRequest {
  rows: readonly PortfolioRow[];
  source: string;
  asOf: string;
  tierTables?: TierTables;
  /** Aave reserves loaded from a file (venues/params.ts); they take precedence over the built-in ones */
  aaveReserves?: ReadonlyMap<string, AaveReserve>;
}

/**
 * The book as another venue would hold it: the venue's tiers and defaults replace the rates the file
 * carries for its own venue; the user's leverage stays (it is their choice, not the venue's rule).
 */
function asVenue(row: PortfolioRow, venue: VenueRules): PortfolioRow {
  const own = row.venue === venue.id;
  return { ...row, venue: venue.id, mmr: own ? row.mmr : null, maintenanceAmount: own ? row.maintenanceAmount : null, haircut: own ? row.haircut : null };
}

/** Aave holds supplied and borrowed assets only. */
function holds(venue: VenueRules, row: PortfolioRow): boolean {
  return venue.kind === 'margin' || row.type === 'spot';
}

const key = (account: string, line: number) => `${account}\u0000${line}`;

function positionsByKey(report: Report): Map<string, PositionReport> {
  const map = new Map<string, PositionReport>();
  for (const a of report.accounts) for (const u of a.units) for (const p of u.positions) map.set(key(a.account, p.line), p);
  return map;
}

function unitsByKey(report: Report): Map<string, UnitReport> {
  const map = new Map<string, UnitReport>();
  for (const a of report.accounts) for (const u of a.units) map.set(`${a.account}\u0000${u.unit}`, u);
  return map;
}

function venueRatio(venue: VenueRules, unit: UnitReport): VenueUnitFigures['venueRatio'] {
  const mb = new Dec(unit.marginBalance);
  const mm = new Dec(unit.maintenanceMargin);
  if (venue.kind === 'lending') return unit.healthFactor ? { label: 'health factor (liquidation below 1)', value: unit.healthFactor } : null;
  if (venue.id === 'okx') return mm.gt(0) ? { label: 'margin ratio MB / (MM + fee), liquidation at 100%', value: decStr(mb.div(mm)) } : null;
  return unit.marginRatio ? { label: 'margin ratio MM / MB, liquidation at 100%', value: unit.marginRatio } : null;
}

/** Aave: the bonus of the largest collateral asset is what the liquidator takes. */
function aaveLiquidation(rows: readonly PortfolioRow[], unit: UnitReport, loaded: ReadonlyMap<string, AaveReserve>): VenueUnitFigures['liquidation'] {
  const debt = new Dec(unit.debt);
  if (!debt.gt(0)) return null;
  let largest: PortfolioRow | null = null;
  for (const r of rows) {
    if (r.type !== 'spot' || !new Dec(r.qty).gt(0)) continue;
    if (!largest || new Dec(r.qty).times(r.markPrice).gt(new Dec(largest.qty).times(largest.markPrice))) largest = r;
  }
  const asset = largest?.underlying.toUpperCase();
  const bonus = asset ? (loaded.get(asset) ?? AAVE_RESERVES.get(asset))?.liquidationBonus : undefined;
  if (!bonus) return null;
  // at the moment of liquidation HF is just under 1, so the 50% close factor applies unless HF is already <= 0.95
  const hf = unit.healthFactor ? Dec.min(new Dec(unit.healthFactor), new Dec('0.9999')) : new Dec('0.9999');
  const cost = liquidationCost(debt, hf, bonus);
  return { closeFactor: decStr(cost.closeFactor), repaid: decStr(cost.repaid), cost: decStr(cost.cost) };
}

function tierContext(venue: VenueRules, row: PortfolioRow, tables: TierTables, lp: string | null): ReasonContext['tierAtLiquidation'] {
  if (!lp || row.inverse || (row.type !== 'perp' && row.type !== 'future') || row.mmr !== null && row.venue === venue.id) return null;
  const size = new Dec(row.qty).abs().times(row.contractSize);
  const table = tierTableFor(venue, row.symbol, row.underlying, tables, size);
  if (!table) return null;
  const basis = venue.marginOnEntry && row.entryPrice ? new Dec(row.entryPrice) : new Dec(row.markPrice);
  const now = tierFor(table, size.times(basis));
  const then = tierFor(table, size.times(venue.marginOnEntry && row.entryPrice ? basis : new Dec(lp)));
  return now.bracket === then.bracket ? null : { from: now.bracket, to: then.bracket, mmr: decStr(then.mmr) };
}

/** Margins the book under every venue at once, position by position and unit by unit. */
export function compareVenues(request: CompareRequest): { ok: true; comparison: VenueComparison } | { ok: false; error: string } {
  const tables = request.tierTables ?? new Map();
  const runs: Array<{ venue: VenueRules; positions: Map<string, PositionReport>; units: Map<string, UnitReport>; rowsOf: Map<string, PortfolioRow[]>; unavailable: Set<string> }> = [];
  for (const id of COMPARED_VENUES) {
    const venue = VENUES.get(id);
    if (!venue) continue;
    const unavailable = new Set(request.rows.filter((r) => !holds(venue, r)).map((r) => r.account));
    const rows = request.rows.filter((r) => !unavailable.has(r.account)).map((r) => asVenue(r, venue));
    const evaluated = evaluatePortfolio({ portfolio: { source: request.source, rows }, asOf: request.asOf, tierTables: tables });
    if (!evaluated.ok) return evaluated;
    const rowsOf = new Map<string, PortfolioRow[]>();
    for (const r of rows) rowsOf.set(r.account, [...(rowsOf.get(r.account) ?? []), r]);
    runs.push({ venue, positions: positionsByKey(evaluated.report), units: unitsByKey(evaluated.report), rowsOf, unavailable });
  }

  const positions: PositionComparison[] = request.rows.map((row) => {
    const venues = runs.map(({ venue, positions: ps, unavailable }): VenuePositionFigures => {
      const p = unavailable.has(row.account) ? undefined : ps.get(key(row.account, row.line));
      if (!p) return { venue: venue.id, available: false, initialMargin: null, maintenanceMargin: null, mmr: null, liquidationPrice: null, distanceToLiquidation: null, reasons: [`${venue.label} does not hold ${row.type === 'spot' ? 'this account' : `a ${row.type}`}`] };
      const reasons = venueReasons(venue, row, p, { tierAtLiquidation: tierContext(venue, row, tables, p.liquidationPrice) });
      return { venue: venue.id, available: true, initialMargin: p.initialMargin, maintenanceMargin: p.maintenanceMargin, mmr: p.mmr, liquidationPrice: p.liquidationPrice, distanceToLiquidation: p.distanceToLiquidation, reasons };
    });
    let most: VenuePositionFigures | null = null;
    for (const v of venues) {
      if (!v.distanceToLiquidation) continue;
      if (!most || new Dec(v.distanceToLiquidation).lt(most.distanceToLiquidation!)) most = v;
    }
    const own = venues.find((v) => v.venue === row.venue);
    const gap = (ours: string | null | undefined, theirs: string | null | undefined) => (ours && theirs ? decStr(new Dec(ours).minus(theirs)) : null);
    const hasTheirs = !!row.venueLiquidationPrice || !!row.venueMaintenanceMargin;
    return {
      account: row.account,
      line: row.line,
      symbol: row.symbol,
      underlying: row.underlying,
      side: new Dec(row.qty).lt(0) ? 'short' : 'long',
      markPrice: row.markPrice,
      ownVenue: row.venue,
      venues,
      mostConservative: most?.venue ?? null,
      theirs: hasTheirs
        ? {
            liquidationPrice: row.venueLiquidationPrice ?? null,
            maintenanceMargin: row.venueMaintenanceMargin ?? null,
            liquidationPriceGap: gap(own?.liquidationPrice, row.venueLiquidationPrice),
            maintenanceMarginGap: gap(own?.maintenanceMargin, row.venueMaintenanceMargin),
          }
        : null,
    };
  });

  const unitKeys: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const run of runs) {
    for (const k of run.units.keys()) {
      if (seen.has(k)) continue;
      seen.add(k);
      const [account, unit] = k.split('\u0000') as [string, string];
      unitKeys.push([account, unit]);
    }
  }
  const units: UnitComparison[] = unitKeys.map(([account, unitId]) => {
    const venues = runs.map(({ venue, units: us, rowsOf }): VenueUnitFigures => {
      const u = us.get(`${account}\u0000${unitId}`);
      if (!u) return { venue: venue.id, available: false, marginBalance: null, initialMargin: null, maintenanceMargin: null, healthFactor: null, venueRatio: null, liquidationShockDown: null, liquidation: null };
      return {
        venue: venue.id,
        available: true,
        marginBalance: u.marginBalance,
        initialMargin: u.initialMargin,
        maintenanceMargin: u.maintenanceMargin,
        healthFactor: u.healthFactor,
        venueRatio: venueRatio(venue, u),
        liquidationShockDown: u.liquidationShock.down,
        liquidation: venue.kind === 'lending' ? aaveLiquidation(rowsOf.get(account) ?? [], u, request.aaveReserves ?? new Map()) : null,
      };
    });
    let most: VenueUnitFigures | null = null;
    for (const v of venues) if (v.healthFactor && (!most || new Dec(v.healthFactor).lt(most.healthFactor!))) most = v;
    return { account, unit: unitId, venues, mostConservative: most?.venue ?? null };
  });

  return {
    ok: true,
    comparison: {
      schema: 'margin-radar/compare-venues@1',
      asOf: request.asOf,
      source: request.source,
      venues: runs.map(({ venue }) => ({ id: venue.id, label: venue.label, asOf: venue.asOf ?? null, source: venue.source ?? null })),
      units,
      positions,
    },
  };
}

