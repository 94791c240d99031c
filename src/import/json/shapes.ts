import { Dec, decStr, readDecimalText } from '../../engine/decimal';
import type { Column } from '../columns';

/** One holding in canonical columns, as text: the CSV path validates it like any other row. */
export type CanonicalRecord = Partial<Record<Column, string>>;

export interface JsonShape {
  /** what the file was recognised as, for the warning that says so */
  name: string;
  records: CanonicalRecord[];
  warnings: string[];
}

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '');
const nonZero = (v: unknown) => {
  const t = text(v);
  return t !== '' && !/^[-+]?0*\.?0*$/.test(t);
};
/** a / b of two published decimal texts, '' when either is not a number (the row check then says so) */
const ratio = (a: string, b: string): string => {
  const x = readDecimalText(a);
  const y = readDecimalText(b);
  return x && y && !y.isZero() ? decStr(x.div(y).abs()) : '';
};
const arrayOf = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const has = (o: Obj, ...keys: string[]) => keys.every((k) => k in o);

/** Binance USDⓈ-M positionRisk (v2, v3) and account: positionAmt signed, isolatedWallet for isolated. */
function binancePosition(p: Obj, account: string): CanonicalRecord | null {
  if (!nonZero(p['positionAmt'])) return null;
  const isolated = text(p['marginType']) === 'isolated' || (p['isolated'] === true) || (nonZero(p['isolatedWallet']) && p['marginType'] === undefined);
  return {
    account, venue: 'binance', symbol: text(p['symbol']), type: 'perp', qty: text(p['positionAmt']),
    entry_price: text(p['entryPrice']), mark_price: text(p['markPrice']), margin_mode: isolated ? 'isolated' : 'cross',
    isolated_margin: isolated ? text(p['isolatedWallet'] ?? p['isolatedMargin']) : '', leverage: text(p['leverage']),
    liquidation_price: nonZero(p['liquidationPrice']) ? text(p['liquidationPrice']) : '', maintenance_margin: text(p['maintMargin']),
  };
}

function binance(json: unknown): JsonShape | null {
  if (Array.isArray(json) && json.length > 0 && arrayOf(json).every((p) => has(p, 'symbol', 'positionAmt', 'markPrice'))) {
    const records = arrayOf(json).map((p) => binancePosition(p, 'binance')).filter((r): r is CanonicalRecord => r !== null);
    return { name: 'Binance positionRisk', records, warnings: [] };
  }
  if (isObj(json) && Array.isArray(json['assets']) && Array.isArray(json['positions']) && 'totalWalletBalance' in json) {
    const assets = arrayOf(json['assets']).filter((a) => nonZero(a['walletBalance'])).map((a): CanonicalRecord => ({ account: 'binance', venue: 'binance', symbol: text(a['asset']), type: 'spot', qty: text(a['walletBalance']), mark_price: '1' }));
    const nonStable = assets.filter((a) => !/^(USDT|USDC|FDUSD|BUSD)$/.test(a.symbol ?? ''));
    const positions = arrayOf(json['positions']).map((p) => binancePosition({ ...p, markPrice: p['markPrice'] ?? '' }, 'binance')).filter((r): r is CanonicalRecord => r !== null);
    return { name: 'Binance account', records: [...assets, ...positions], warnings: nonStable.length > 0 ? [`Binance account: ${nonStable.map((a) => a.symbol).join(', ')} balances are priced at 1; add their marks`] : [] };
  }
  return null;
}

/** Bybit v5: { retCode, result: { list } } of positions (side Buy/Sell, size, avgPrice) or wallet coins. */
function bybit(json: unknown): JsonShape | null {
  if (!isObj(json) || !('retCode' in json) || !isObj(json['result'])) return null;
  const list = arrayOf(json['result']['list']);
  if (list.some((p) => has(p, 'symbol', 'side', 'size', 'avgPrice'))) {
    const records = list.filter((p) => nonZero(p['size'])).map((p): CanonicalRecord => {
      const isolated = text(p['tradeMode']) === '1';
      const inverse = /USD$/.test(text(p['symbol']));
      return {
        account: 'bybit', venue: 'bybit', symbol: text(p['symbol']), type: 'perp', side: text(p['side']) === 'Sell' ? 'short' : 'long',
        qty: text(p['size']), entry_price: text(p['avgPrice']), mark_price: text(p['markPrice']), margin_mode: isolated ? 'isolated' : 'cross',
        isolated_margin: isolated ? text(p['positionBalance'] ?? p['positionIM']) : '', leverage: text(p['leverage']),
        liquidation_price: nonZero(p['liqPrice']) ? text(p['liqPrice']) : '',
        // inverse contracts (BTCUSD) quote size in USD and margins in the coin: their positionMM is in BTC, not set beside ours
        maintenance_margin: inverse ? '' : text(p['positionMM']), inverse: inverse ? 'true' : '',
      };
    });
    return { name: 'Bybit /v5/position/list', records, warnings: [] };
  }
  const coins = list.flatMap((a) => arrayOf(a['coin']));
  if (coins.length > 0 && coins.every((c) => has(c, 'coin', 'walletBalance'))) {
    const records = coins.filter((c) => nonZero(c['walletBalance'])).map((c): CanonicalRecord => {
      const qty = text(c['walletBalance']);
      const usd = text(c['usdValue']);
      // Bybit gives the coin's USD value beside its balance: the mark is their ratio
      const mark = nonZero(usd) ? ratio(usd, qty) : '1';
      return { account: 'bybit', venue: 'bybit', symbol: text(c['coin']), type: 'spot', qty, mark_price: mark };
    });
    return { name: 'Bybit wallet balance', records, warnings: ['Bybit wallet balance: coin marks are usdValue / walletBalance'] };
  }
  return null;
}

/** OKX contract values (OKX instruments: BTC-USDT-SWAP ctVal 0.01 BTC, ETH-USDT-SWAP 0.1 ETH, inverse BTC-USD-SWAP 100 USD). */
export const OKX_CT_VAL: ReadonlyMap<string, string> = new Map([
  ['BTC-USDT-SWAP', '0.01'], ['ETH-USDT-SWAP', '0.1'], ['SOL-USDT-SWAP', '1'], ['BTC-USD-SWAP', '100'], ['ETH-USD-SWAP', '10'],
]);

function okx(json: unknown): JsonShape | null {
  if (!isObj(json) || text(json['code']) !== '0' || !Array.isArray(json['data'])) return null;
  const data = arrayOf(json['data']);
  if (data.some((p) => has(p, 'instId', 'pos', 'avgPx'))) {
    const warnings: string[] = [];
    const records = data.filter((p) => nonZero(p['pos'])).map((p): CanonicalRecord => {
      const instId = text(p['instId']);
      // coin-margined contracts are 100 USD (BTC) or 10 USD (others) a contract, swaps and futures alike
      const coinFace = /-USD-/.test(instId) ? (instId.startsWith('BTC-') ? '100' : '10') : '';
      const ctVal = text(p['ctVal']) || OKX_CT_VAL.get(instId) || coinFace;
      if (!ctVal) warnings.push(`OKX ${instId}: contract value unknown; contract_size 1 assumed (add ctVal from /api/v5/public/instruments)`);
      const isolated = text(p['mgnMode']) === 'isolated';
      const inverse = /-USD-(SWAP|\d+)$/.test(instId);
      return {
        account: 'okx', venue: 'okx', symbol: instId, type: text(p['instType']) === 'FUTURES' ? 'future' : 'perp', underlying: instId.split('-')[0] ?? '',
        qty: text(p['pos']), contract_size: ctVal || '1', entry_price: text(p['avgPx']), mark_price: text(p['markPx']),
        margin_mode: isolated ? 'isolated' : 'cross', isolated_margin: isolated ? text(p['margin']) : '', leverage: text(p['lever']),
        liquidation_price: nonZero(p['liqPx']) ? text(p['liqPx']) : '', maintenance_margin: inverse ? '' : text(p['mmr']), inverse: inverse ? 'true' : '',
      };
    });
    return { name: 'OKX /api/v5/account/positions', records, warnings };
  }
  const details = data.flatMap((a) => arrayOf(a['details']));
  if (details.length > 0 && details.every((d) => has(d, 'ccy', 'eq'))) {
    const records = details.filter((d) => nonZero(d['cashBal'] ?? d['eq'])).map((d): CanonicalRecord => {
      const qty = text(d['cashBal'] ?? d['eq']);
      const usd = text(d['eqUsd']);
      const eq = text(d['eq']);
      return { account: 'okx', venue: 'okx', symbol: text(d['ccy']), type: 'spot', qty, mark_price: nonZero(usd) && nonZero(eq) ? ratio(usd, eq) : '1' };
    });
    return { name: 'OKX /api/v5/account/balance', records, warnings: ['OKX balance: coin marks are eqUsd / eq'] };
  }
  return null;
}

/** Deribit JSON-RPC: get_positions (futures sized in USD, inverse) and get_account_summary (equity in the coin). */
function deribit(json: unknown): JsonShape | null {
  if (!isObj(json) || json['jsonrpc'] !== '2.0') return null;
  const result = json['result'];
  if (Array.isArray(result)) {
    const records = arrayOf(result).filter((p) => nonZero(p['size']) && text(p['kind']) !== 'option').map((p): CanonicalRecord => {
      const name = text(p['instrument_name']);
      return {
        account: 'deribit', venue: 'deribit', symbol: name, type: name.endsWith('PERPETUAL') ? 'perp' : 'future', underlying: name.split(/[-_]/)[0] ?? '',
        side: text(p['direction']) === 'sell' ? 'short' : 'long', qty: text(p['size']).replace(/^-/, ''), entry_price: text(p['average_price']), mark_price: text(p['mark_price']),
        liquidation_price: nonZero(p['estimated_liquidation_price']) ? text(p['estimated_liquidation_price']) : '',
      };
    });
    const options = arrayOf(result).filter((p) => text(p['kind']) === 'option').length;
    return { name: 'Deribit get_positions', records, warnings: options > 0 ? [`Deribit get_positions: ${options} option position(s) left out (option margin is another session's work)`] : [] };
  }
  if (isObj(result) && has(result, 'currency', 'equity', 'balance')) {
    const currency = text(result['currency']);
    const price = text(result['estimated_delivery_price'] ?? result['index_price'] ?? '');
    return {
      name: 'Deribit get_account_summary',
      records: [{ account: 'deribit', venue: 'deribit', symbol: currency, type: 'spot', qty: text(result['balance']), mark_price: nonZero(price) ? price : '' }],
      warnings: [],
    };
  }
  return null;
}

/** Hyperliquid clearinghouseState: szi signed, mark = positionValue / |szi|, USDC = accountValue - unrealised PnL. */
function hyperliquid(json: unknown): JsonShape | null {
  if (!isObj(json) || !Array.isArray(json['assetPositions']) || !isObj(json['marginSummary'])) return null;
  let pnl = new Dec(0);
  const records = arrayOf(json['assetPositions']).map((a) => (isObj(a['position']) ? a['position'] : {})).filter((p) => nonZero(p['szi'])).map((p): CanonicalRecord => {
    pnl = pnl.plus(readDecimalText(text(p['unrealizedPnl'])) ?? 0);
    const lev = isObj(p['leverage']) ? p['leverage'] : {};
    const isolated = text(lev['type']) === 'isolated';
    return {
      account: 'hyperliquid', venue: 'hyperliquid', symbol: text(p['coin']), type: 'perp', underlying: text(p['coin']), qty: text(p['szi']),
      entry_price: text(p['entryPx']), mark_price: ratio(text(p['positionValue']), text(p['szi'])), margin_mode: isolated ? 'isolated' : 'cross',
      isolated_margin: isolated ? text(p['marginUsed']) : '', leverage: text(lev['value']), liquidation_price: nonZero(p['liquidationPx']) ? text(p['liquidationPx']) : '',
    };
  });
  const accountValue = readDecimalText(text(json['marginSummary']['accountValue']));
  const cash = accountValue ? decStr(accountValue.minus(pnl)) : '';
  return {
    name: 'Hyperliquid clearinghouseState',
    records: [{ account: 'hyperliquid', venue: 'hyperliquid', symbol: 'USDC', type: 'spot', qty: cash, mark_price: '1' }, ...records],
    warnings: ['Hyperliquid: marks are positionValue / |szi|; the USDC balance is accountValue - unrealised PnL'],
  };
}

/** CCXT unified fetchPositions (array of { symbol 'BTC/USDT:USDT', contracts, contractSize, side }) and fetchBalance. */
function ccxt(json: unknown): JsonShape | null {
  if (Array.isArray(json) && json.length > 0 && arrayOf(json).every((p) => has(p, 'symbol', 'contracts', 'side'))) {
    const records = arrayOf(json).filter((p) => nonZero(p['contracts'])).map((p): CanonicalRecord => {
      const symbol = text(p['symbol']);
      const [base, rest = ''] = symbol.split('/');
      const [quote = '', settle = ''] = rest.split(':');
      const dated = /-\d{6}/.test(settle);
      return {
        account: 'ccxt', venue: 'generic', symbol, type: dated ? 'future' : 'perp', underlying: base ?? '', side: text(p['side']) === 'short' ? 'short' : 'long',
        qty: text(p['contracts']), contract_size: text(p['contractSize']) || '1', entry_price: text(p['entryPrice']), mark_price: text(p['markPrice']),
        margin_mode: text(p['marginMode']) === 'isolated' ? 'isolated' : 'cross', isolated_margin: text(p['marginMode']) === 'isolated' ? text(p['collateral']) : '',
        leverage: text(p['leverage']), liquidation_price: nonZero(p['liquidationPrice']) ? text(p['liquidationPrice']) : '', maintenance_margin: text(p['maintenanceMargin']),
        inverse: p['inverse'] === true || (settle.split('-')[0] === base && quote !== base) ? 'true' : '',
      };
    });
    return { name: 'CCXT fetchPositions', records, warnings: [] };
  }
  if (isObj(json) && isObj(json['total']) && isObj(json['free']) && 'info' in json) {
    const total = json['total'];
    const records = Object.keys(total).filter((c) => nonZero(total[c])).map((c): CanonicalRecord => ({ account: 'ccxt', venue: 'generic', symbol: c, type: 'spot', qty: text(total[c]), mark_price: /^(USDT|USDC|USD|DAI|FDUSD)$/.test(c) ? '1' : '' }));
    return { name: 'CCXT fetchBalance', records, warnings: [] };
  }
  return null;
}

/** Every shape, most specific first. */
export const SHAPES: ReadonlyArray<(json: unknown) => JsonShape | null> = [bybit, okx, deribit, hyperliquid, ccxt, binance];
