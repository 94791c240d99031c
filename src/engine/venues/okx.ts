import positionTiers from './okx-position-tiers.json';
import { Dec, readDecimalText } from '../decimal';
import type { BracketParse, Tier, TierTable, TierTables } from './tiers';

export const OKX_AS_OF = '2025-06-01';
export const OKX_SOURCE = 'OKX Help "Tiered maintenance margin ratio rules" (liquidation at margin ratio 100%: equity <= maintenance margin + liquidation fees; isolated: (margin + PnL) / (face value × |contracts| × mark × (tier mmr + fee rate))); OKX fee schedule, regular user Lv1 perpetual taker 0.05%; docs/venue-sources.md §9';

/** OKX's taker fee, added to the maintenance rate in the liquidation condition. */
export const OKX_TAKER_FEE = new Dec('0.0005');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** OKX answers `{ code, msg, data: [...] }`; a bare `data` array is taken too. */
function dataOf(json: unknown, what: string, errors: string[]): unknown[] {
  if (Array.isArray(json)) return json;
  if (isObj(json) && Array.isArray(json['data'])) {
    if (json['code'] !== undefined && String(json['code']) !== '0') errors.push(`${what}: OKX answered code ${JSON.stringify(json['code'])} (${String(json['msg'] ?? '')}), not "0"`);
    return json['data'];
  }
  errors.push(`${what}: expected OKX's { "code": "0", "data": [...] } or the data array`);
  return [];
}

function decimalAt(item: Obj, key: string, where: string, errors: string[]): Dec | null {
  const value = item[key];
  const read = typeof value === 'string' || typeof value === 'number' ? readDecimalText(String(value)) : null;
  if (!read) errors.push(`${where}.${key}: expected a number, found ${JSON.stringify(value)}`);
  return read;
}

/** The family a tier row belongs to: instFamily (SWAP/FUTURES), else uly, else instId. */
function familyOf(item: Obj): string {
  for (const key of ['instFamily', 'uly', 'instId']) {
    const v = item[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim().toUpperCase();
  }
  return '';
}

/**
 * Contract values by instrument family from OKX's `GET /api/v5/public/instruments` response
 * (`ctVal` per instrument; every instrument of a family shares it).
 */
export function okxContractValues(json: unknown): { ok: true; values: Map<string, Dec> } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const values = new Map<string, Dec>();
  dataOf(json, 'instruments', errors).forEach((item, i) => {
    if (!isObj(item)) return void errors.push(`instruments.data[${i}]: expected an object`);
    const family = familyOf(item);
    const ctVal = decimalAt(item, 'ctVal', `instruments.data[${i}]`, errors);
    if (family && ctVal) values.set(family, ctVal);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

/**
 * Reads OKX's `GET /api/v5/public/position-tiers` response as it comes. OKX counts a tier's bounds
 * (`minSz`, `maxSz`) in contracts; the engine counts a position's size in the underlying
 * (|q| × contract size), so each bound is multiplied by the family's contract value `ctVal`
 * (from the instruments response). A tier covers sizes up to and including `maxSz`; OKX's `minSz`
 * is the next tradable size after the previous `maxSz`, so the floor is the previous cap. OKX charges
 * the whole position at its tier's rate (MM = position value × mmr), so there is no deduction (cum 0).
 * Tables are keyed by the family (`ADA-USDT`) and by its joined name (`ADAUSDT`).
 */
export function parseOkxPositionTiers(json: unknown, contractValues: ReadonlyMap<string, Dec>, source: string, asOf: string): BracketParse {
  const errors: string[] = [];
  const byFamily = new Map<string, Array<{ at: string; item: Obj }>>();
  dataOf(json, 'position-tiers', errors).forEach((item, i) => {
    const at = `data[${i}]`;
    if (!isObj(item)) return void errors.push(`${at}: expected an object`);
    const family = familyOf(item);
    if (!family) return void errors.push(`${at}: no instFamily, uly or instId`);
    byFamily.set(family, [...(byFamily.get(family) ?? []), { at, item }]);
  });
  const tables = new Map<string, TierTable>();
  for (const [family, items] of byFamily) {
    const ctVal = contractValues.get(family);
    if (!ctVal || !ctVal.gt(0)) {
      errors.push(`${family}: contract value (ctVal) unknown; OKX's tiers count contracts, so give the family's ctVal from GET /api/v5/public/instruments`);
      continue;
    }
    const read: Array<{ at: string; tier: number; maxSz: Dec; mmr: Dec; maxLever: Dec }> = [];
    for (const { at, item } of items) {
      const maxSz = decimalAt(item, 'maxSz', at, errors);
      const mmr = decimalAt(item, 'mmr', at, errors);
      const maxLever = decimalAt(item, 'maxLever', at, errors);
      const tierNo = Number(item['tier']);
      if (!Number.isInteger(tierNo) || tierNo < 1) errors.push(`${at}.tier: expected a tier number from 1, found ${JSON.stringify(item['tier'])}`);
      if (!maxSz || !mmr || !maxLever) continue;
      if (mmr.lt(0) || mmr.gte(1)) errors.push(`${at}.mmr: expected a fraction in [0, 1)`);
      if (maxLever.lt(1)) errors.push(`${at}.maxLever: expected at least 1`);
      read.push({ at, tier: tierNo, maxSz, mmr, maxLever });
    }
    read.sort((a, b) => a.tier - b.tier);
    const tiers: Tier[] = [];
    read.forEach((r, i) => {
      const previous = read[i - 1];
      if (previous && !r.maxSz.gt(previous.maxSz)) errors.push(`${family}: tier ${r.tier} ends at ${r.maxSz.toFixed()} contracts, not above tier ${previous.tier}'s ${previous.maxSz.toFixed()}`);
      const floor = previous ? previous.maxSz.times(ctVal) : new Dec(0);
      tiers.push({ bracket: r.tier, floor, cap: r.maxSz.times(ctVal), mmr: r.mmr, cum: new Dec(0), maxLeverage: r.maxLever });
    });
    const table: TierTable = { symbol: family, asOf, source, tiers, sizedIn: 'quantity' };
    tables.set(family, table);
    tables.set(family.replace(/-/g, ''), table);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, tables };
}

/** OKX tiers shipped with the app: OKX's own response and contract values, loaded as they come. */
function load(): TierTables {
  const values = new Map(Object.entries(positionTiers.contractValues).map(([family, v]): [string, Dec] => [family, new Dec(v)]));
  const parsed = parseOkxPositionTiers(positionTiers.response, values, positionTiers.source, positionTiers.asOf);
  if (!parsed.ok) throw new Error(`built-in OKX tiers are invalid: ${parsed.errors.join('; ')}`);
  return parsed.tables;
}

export const OKX_TIER_TABLES: TierTables = load();
