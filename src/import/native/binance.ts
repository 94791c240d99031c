import { STABLECOINS } from '../../engine/stablecoins';
import type { Column } from '../columns';
import { nativeNumber } from './cells';
import { TableEditor } from './table';
import type { NativeProfile } from './types';

/**
 * Binance USDⓈ-M Futures, the Positions table as the trading page shows it and as it is copied or
 * exported to a sheet: Symbol ("BTCUSDT Perp Cross 20x"), Size (signed, in the coin: "-12.000 ETH"),
 * Entry Price, Break Even Price, Mark Price, Liq.Price, Margin Ratio, Margin ("4,100.00 USDT"),
 * PNL (ROI %). Sources: test/fixtures/import-native/README.md.
 */
const COLUMNS = new Map<string, Column>([
  ['symbol', 'symbol'], ['size', 'qty'], ['entryprice', 'entry_price'], ['markprice', 'mark_price'],
  ['liqprice', 'liquidation_price'], ['margin', 'isolated_margin'], ['marginmode', 'margin_mode'],
]);
const IGNORED = new Set(['breakevenprice', 'marginratio', 'pnlroi', 'pnl', 'roi', 'tpsl', 'adl', 'closepositions', 'reverse']);
const PRICES: Column[] = ['entry_price', 'mark_price', 'liquidation_price'];

export const BINANCE_POSITIONS: NativeProfile = {
  id: 'binance-positions',
  title: 'Binance Futures positions',
  venue: 'binance',
  source: 'Binance Support FAQ: "How to Use the Position History Feature on Binance Futures"; "How to Visualize the Breakeven Price of Open Positions on Binance Futures"',
  fingerprint: ['symbol', 'size', 'entryprice', 'markprice', 'liqprice'],
  columns: COLUMNS,
  ignored: IGNORED,
  transform(file, table) {
    const t = new TableEditor(file, table);
    let regrouped = false;
    for (const row of t.rows) {
      const contract = t.contract(row, 'expected the symbol, then optionally Perp, Cross or Isolated and the leverage, as Binance writes it ("BTCUSDT Perp Cross 20x")');
      if (!contract) continue;
      if (contract.perpetual) t.set(row, 'type', 'perp');

      const size = nativeNumber(t.get(row, 'qty'));
      if (STABLECOINS.has(size.unit)) {
        t.problem(row, 'qty', `expected the size in the coin, not in ${size.unit}: set Binance's size unit to the coin and export again`, t.get(row, 'qty'));
        continue;
      }
      t.set(row, 'qty', size.text);
      regrouped = t.numbers(row, PRICES) || regrouped;
      // the Margin column is the margin of the position: assigned to it only when it is isolated
      const margin = nativeNumber(t.get(row, 'isolated_margin'));
      const isolated = t.get(row, 'margin_mode').toLowerCase() === 'isolated';
      t.set(row, 'isolated_margin', isolated ? margin.text : '');
      regrouped ||= size.regrouped || margin.regrouped;
    }
    if (regrouped) t.warnings.push(`${file}: thousands separators removed from Binance's figures ("4,100.00" read as 4100.00)`);
    return t.result();
  },
};
