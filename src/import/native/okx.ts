import type { Column } from '../columns';
import { OKX_CT_VAL } from '../json/shapes';
import { TableEditor } from './table';
import type { NativeProfile } from './types';

/**
 * OKX positions written as CSV with the field names of `GET /api/v5/account/positions` (instId,
 * instType, mgnMode, posSide, pos, avgPx, markPx, liqPx, lever, margin, mmr …), the names OKX's own
 * position export and API tools use. `pos` is in contracts: contract_size is ctVal (a ctVal column,
 * else OKX's instrument list for the common swaps). `mmr` here is an amount, not a rate.
 * Source: OKX API v5 docs, "Get positions", response parameters.
 */
const COLUMNS = new Map<string, Column>([
  ['instid', 'symbol'], ['insttype', 'type'], ['mgnmode', 'margin_mode'], ['posside', 'side'],
  ['pos', 'qty'], ['avgpx', 'entry_price'], ['markpx', 'mark_price'], ['liqpx', 'liquidation_price'],
  ['lever', 'leverage'], ['margin', 'isolated_margin'], ['mmr', 'maintenance_margin'], ['ctval', 'contract_size'],
]);
const IGNORED = new Set([
  'adl', 'availpos', 'bepx', 'ccy', 'ctime', 'utime', 'deltabs', 'deltapa', 'gammabs', 'gammapa', 'thetabs', 'thetapa', 'vegabs', 'vegapa',
  'fee', 'fundingfee', 'idxpx', 'imr', 'interest', 'last', 'liab', 'liabccy', 'mgnratio', 'notionalusd', 'optval', 'pnl', 'posccy', 'posid',
  'realizedpnl', 'tradeid', 'upl', 'uplratio', 'upllastpx', 'uplratiolastpx', 'usdpx', 'basebal', 'quotebal', 'spotinuseamt', 'uly', 'instfamily',
]);
const TYPES = new Map([['SWAP', 'perp'], ['FUTURES', 'future']]);

export const OKX_POSITIONS: NativeProfile = {
  id: 'okx-positions',
  title: 'OKX positions',
  venue: 'okx',
  source: 'OKX API v5 docs: "Get positions" (GET /api/v5/account/positions), response parameters',
  fingerprint: ['instid', 'pos', 'avgpx', 'markpx'],
  columns: COLUMNS,
  ignored: IGNORED,
  transform(file, table) {
    const t = new TableEditor(file, table);
    for (const row of t.rows) {
      const instId = t.get(row, 'symbol').toUpperCase();
      const instType = t.get(row, 'type').toUpperCase();
      if (instType !== '') {
        const type = TYPES.get(instType);
        if (!type) {
          t.problem(row, 'type', 'expected SWAP or FUTURES: this table is read for perpetual and dated futures positions', t.get(row, 'type'));
          continue;
        }
        t.set(row, 'type', type);
      }
      // posSide long/short (hedge mode) gives the direction of a positive pos; net keeps the sign of pos
      const posSide = t.get(row, 'side').toLowerCase();
      if (posSide === 'net') t.set(row, 'side', '');
      const inverse = /-USD-(SWAP|\d{6})$/.test(instId);
      if (!t.get(row, 'contract_size')) {
        const coinFace = inverse ? (instId.startsWith('BTC-') ? '100' : '10') : '';
        const ctVal = OKX_CT_VAL.get(instId) ?? coinFace;
        if (ctVal) t.set(row, 'contract_size', ctVal);
        else t.warnings.push(`line ${row.line}: OKX ${instId}: contract value unknown; contract_size 1 assumed (add a ctVal column from /api/v5/public/instruments)`);
      }
      if (inverse) {
        t.set(row, 'inverse', 'true');
        // an inverse position's mmr is in the coin, not in USD: not comparable with ours
        t.set(row, 'maintenance_margin', '');
      }
      if (t.get(row, 'margin_mode').toLowerCase() !== 'isolated') t.set(row, 'isolated_margin', '');
      if (t.get(row, 'liquidation_price') === '0') t.set(row, 'liquidation_price', '');
    }
    return t.result();
  },
};
