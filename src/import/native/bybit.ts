import type { Column } from '../columns';
import { nativeNumber } from './cells';
import { TableEditor } from './table';
import type { NativeProfile } from './types';

/**
 * Bybit derivatives, the Positions tab: Contracts ("BTCUSDT Cross 10.00x": the pair, margin mode
 * and leverage), Qty (negative for a short), Value, Entry Price, Mark Price, Est. Liquidation Price
 * (Liq. Price in older layouts), IM, MM, Unrealized P&L, Realized P&L, TP/SL.
 * Source: Bybit Help Center, "How to navigate Bybit perpetual futures contract trading page".
 */
const COLUMNS = new Map<string, Column>([
  ['contracts', 'symbol'], ['qty', 'qty'], ['entryprice', 'entry_price'], ['markprice', 'mark_price'],
  ['estliquidationprice', 'liquidation_price'], ['liqprice', 'liquidation_price'],
  ['im', 'isolated_margin'], ['mm', 'maintenance_margin'],
]);
const IGNORED = new Set(['value', 'positionvalue', 'unrealizedpl', 'unrealizedpnl', 'realizedpl', 'realizedpnl', 'tpsl', 'trailingstop', 'closeby', 'adl']);
const FIGURES: Column[] = ['qty', 'entry_price', 'mark_price', 'liquidation_price', 'maintenance_margin'];

export const BYBIT_POSITIONS: NativeProfile = {
  id: 'bybit-positions',
  title: 'Bybit positions',
  venue: 'bybit',
  source: 'Bybit Help Center: "How to navigate Bybit perpetual futures contract trading page" (Positions tab)',
  fingerprint: ['contracts', 'qty', 'value', 'entryprice', 'markprice'],
  columns: COLUMNS,
  ignored: IGNORED,
  transform(file, table) {
    const t = new TableEditor(file, table);
    let regrouped = false;
    for (const row of t.rows) {
      const written = t.get(row, 'symbol');
      const contract = t.contract(row, 'expected the pair, then Cross or Isolated and the leverage, as Bybit writes it ("BTCUSDT Cross 10.00x")');
      if (!contract) continue;
      // inverse pairs (BTCUSD) count Qty in USD, not in the coin: not read from this table
      if (/USD$/.test(contract.symbol)) {
        t.problem(row, 'symbol', 'expected a USDT or USDC contract: an inverse contract\'s Qty is in USD; load it from the v5 position list JSON instead', written);
        continue;
      }
      t.set(row, 'type', 'perp');
      regrouped = t.numbers(row, FIGURES) || regrouped;
      // IM is the position margin; it is assigned to the position only in isolated mode
      const im = nativeNumber(t.get(row, 'isolated_margin'));
      t.set(row, 'isolated_margin', contract.marginMode === 'isolated' ? im.text : '');
    }
    if (regrouped) t.warnings.push(`${file}: thousands separators removed from Bybit's figures`);
    return t.result();
  },
};
