/**
 * Venue parameter files as the venues publish them, recognised by their shape: Binance's
 * leverageBracket, OKX's position-tiers (with the instruments response for its contract values) and
 * Aave's reserve list. A batch is read whole before anything is applied: one bad file changes nothing.
 */
import type { Dec } from '../decimal';
import type { PortfolioRow, VenueId } from '../types';
import { parseAaveReserves, type AaveReserve } from './aave';
import { okxContractValues, parseOkxPositionTiers } from './okx';
import { parseLeverageBrackets, type TierTable } from './tiers';

export type VenueParamKind = 'binance-brackets' | 'okx-position-tiers' | 'okx-instruments' | 'aave-reserves';

export interface VenueParamFile {
  fileName: string;
  text: string;
}

/** What the user has loaded, on top of the built-in venue rules. */
export interface VenueParams {
  /** tier tables keyed as `userTableKey` names them (Binance plain, other venues `venue:KEY`) */
  tierTables: Map<string, TierTable>;
  /** OKX contract values by instrument family, from an instruments response */
  okxContractValues: Map<string, Dec>;
  /** Aave reserves by asset, replacing the built-in threshold and bonus */
  aaveReserves: Map<string, AaveReserve>;
}

export interface LoadedParamFile {
  fileName: string;
  kind: VenueParamKind;
  /** the symbols, families or assets the file set */
  names: string[];
}

export const SHAPES_ACCEPTED =
  "Binance GET /fapi/v1/leverageBracket ([{ symbol, brackets: [...] }]), OKX GET /api/v5/public/position-tiers ({ code, data: [{ instFamily, tier, maxSz, mmr, maxLever }] }), OKX GET /api/v5/public/instruments ({ code, data: [{ instFamily, ctVal }] }), Aave reserves ([{ symbol, reserveLiquidationThreshold, reserveLiquidationBonus }])";

export const KIND_LABELS: Readonly<Record<VenueParamKind, string>> = {
  'binance-brackets': 'Binance leverage brackets',
  'okx-position-tiers': 'OKX position tiers',
  'okx-instruments': 'OKX contract values',
  'aave-reserves': 'Aave reserves',
};

export function emptyVenueParams(): VenueParams {
  return { tierTables: new Map(), okxContractValues: new Map(), aaveReserves: new Map() };
}

/**
 * Where a user-loaded table lives in the one map the engine is handed: Binance's under the symbol
 * (as since the first brackets loader), any other venue's under `venue:KEY`, so that an OKX table for
 * BTCUSDT never margins a Binance row and the reverse.
 */
export function userTableKey(venue: VenueId, key: string): string {
  return venue === 'binance' ? key : `${venue}:${key}`;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The list a file holds: a bare array, OKX's `data`, or Aave's `reservesData` / `reserves`. */
function itemsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (!isObj(json)) return null;
  for (const key of ['data', 'reservesData', 'reserves']) if (Array.isArray(json[key])) return json[key] as unknown[];
  return 'brackets' in json ? [json] : null;
}

/** The shape of a parsed file, read from its first item; null when it is none of the accepted ones. */
export function venueParamKind(json: unknown): VenueParamKind | null {
  const first = itemsOf(json)?.[0];
  if (!isObj(first)) return null;
  if (Array.isArray(first['brackets'])) return 'binance-brackets';
  if ('maxSz' in first && 'mmr' in first) return 'okx-position-tiers';
  if ('ctVal' in first) return 'okx-instruments';
  if ('reserveLiquidationThreshold' in first) return 'aave-reserves';
  return null;
}

export type VenueParamsRead = { ok: true; params: VenueParams; loaded: LoadedParamFile[] } | { ok: false; errors: string[] };

/**
 * Reads a batch onto a copy of `base` (what is loaded already). Instruments are read first, so an
 * OKX tiers file finds its ctVal in the same batch whatever the order; a tiers file without one is
 * refused with what to add (ctVal is never guessed).
 */
export function readVenueParamFiles(files: readonly VenueParamFile[], base: VenueParams, asOf: string): VenueParamsRead {
  const errors: string[] = [];
  const params: VenueParams = { tierTables: new Map(base.tierTables), okxContractValues: new Map(base.okxContractValues), aaveReserves: new Map(base.aaveReserves) };
  const parsed: Array<{ file: VenueParamFile; json: unknown; kind: VenueParamKind }> = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(file.text);
    } catch (e) {
      errors.push(`${file.fileName}: not JSON (${e instanceof Error ? e.message : String(e)}); expected one of: ${SHAPES_ACCEPTED}`);
      continue;
    }
    const kind = venueParamKind(json);
    if (!kind) errors.push(`${file.fileName}: not a venue parameter file this app reads; expected one of: ${SHAPES_ACCEPTED}`);
    else parsed.push({ file, json, kind });
  }
  // instruments first: the order the user picked the files in does not matter
  parsed.sort((a, b) => Number(b.kind === 'okx-instruments') - Number(a.kind === 'okx-instruments'));
  const loaded: LoadedParamFile[] = [];
  const prefixed = (file: VenueParamFile, list: string[]) => errors.push(...list.map((e) => `${file.fileName}: ${e}`));
  for (const { file, json, kind } of parsed) {
    if (kind === 'okx-instruments') {
      const read = okxContractValues(json);
      if (!read.ok) prefixed(file, read.errors);
      else {
        for (const [family, value] of read.values) params.okxContractValues.set(family, value);
        loaded.push({ fileName: file.fileName, kind, names: [...read.values.keys()] });
      }
    } else if (kind === 'okx-position-tiers') {
      const read = parseOkxPositionTiers(json, params.okxContractValues, file.fileName, asOf);
      if (!read.ok) prefixed(file, read.errors.map((e) => (e.includes('ctVal') ? `${e}; select that instruments file together with this one` : e)));
      else {
        for (const [key, table] of read.tables) params.tierTables.set(userTableKey('okx', key), table);
        loaded.push({ fileName: file.fileName, kind, names: [...new Set([...read.tables.values()].map((t) => t.symbol))] });
      }
    } else if (kind === 'aave-reserves') {
      const read = parseAaveReserves(itemsOf(json));
      if (!read.ok) prefixed(file, read.errors);
      else {
        for (const [asset, reserve] of read.reserves) params.aaveReserves.set(asset, reserve);
        loaded.push({ fileName: file.fileName, kind, names: [...read.reserves.keys()] });
      }
    } else {
      const read = parseLeverageBrackets(json, file.fileName, asOf);
      if (!read.ok) prefixed(file, read.errors);
      else {
        for (const [symbol, table] of read.tables) params.tierTables.set(userTableKey('binance', symbol), table);
        loaded.push({ fileName: file.fileName, kind, names: [...read.tables.keys()] });
      }
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, params, loaded };
}

/**
 * Loaded Aave reserves applied to the book: an aave-v3 spot row that carries no threshold of its own
 * takes the loaded reserve's (as a haircut, 1 - threshold, which is how rows hold it). The row's own
 * figure still wins, as it does over the built-in reserves.
 */
export function withAaveReserves(rows: readonly PortfolioRow[], reserves: ReadonlyMap<string, AaveReserve>): PortfolioRow[] {
  return rows.map((row) => {
    if (row.venue !== 'aave-v3' || row.type !== 'spot' || row.haircut !== null) return row;
    const reserve = reserves.get(row.underlying.toUpperCase());
    return reserve ? { ...row, haircut: reserve.liquidationThreshold.negated().plus(1).toFixed() } : row;
  });
}
