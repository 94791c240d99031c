import { Dec, ONE, ZERO, decStr } from '../engine/decimal';
import type { InstrumentType, OptionType, PortfolioRow } from '../engine/types';
import { readBoolean, readExpiry, readMarginMode, readOptionType, readSide, readType, readVenue } from './cells';
import type { RowReader } from './rowReader';
import { inferSymbol, type SymbolInfo } from './symbols';
import { AAVE_RESERVES } from '../engine/venues/aave';

const POSITIVE = { min: ZERO, minExclusive: true };
const NON_NEGATIVE = { min: ZERO };
const FRACTION = { min: ZERO, max: ONE };
const HUNDRED = new Dec(100);

/** A row the file-level checks still have to complete (option underlying price). */
export interface DraftRow {
  row: PortfolioRow;
  /** options without an underlying_price column: filled from a perp or spot row of the same underlying */
  needsUnderlyingPrice: boolean;
}

export type RowOutcome = { kind: 'row'; draft: DraftRow } | { kind: 'skip'; warning: string } | { kind: 'invalid' };

function instrumentType(r: RowReader, info: SymbolInfo | null, symbol: string): InstrumentType | null {
  const given = r.read('type', readType);
  if (given) return given;
  if (r.has('type')) return null;
  if (info) return info.type;
  r.problem('symbol', `cannot tell the instrument from symbol "${symbol}": add a type column (perp, future, option, spot) and an underlying`);
  return null;
}

/** A value stated both by the symbol and by a column must agree. */
function agreeing<T>(r: RowReader, column: 'expiry' | 'strike' | 'option_type', fromColumn: T | null, fromSymbol: T | undefined, same: (a: T, b: T) => boolean, show: (v: T) => string): T | null {
  if (fromColumn !== null && fromSymbol !== undefined && !same(fromColumn, fromSymbol)) {
    r.problem(column, `expected ${show(fromSymbol)} as the symbol says; the symbol and the ${column} column disagree`);
    return null;
  }
  return fromColumn ?? fromSymbol ?? null;
}

function signedQty(r: RowReader): Dec | null {
  const qty = r.require('qty', r.decimal('qty'), 'a quantity in contracts (negative for short)');
  const side = r.read('side', readSide);
  if (!qty) return null;
  if (side === null) return r.has('side') ? null : qty;
  if (!qty.gt(0)) {
    r.problem('qty', `expected a positive quantity: with side "${r.text('side')}" given, the side sets the direction`);
    return null;
  }
  return side === 'short' ? qty.neg() : qty;
}

/** 1 - liquidation_threshold and haircut name the same thing; given both, they must agree. */
function haircutOf(r: RowReader): Dec | null {
  const haircut = r.decimal('haircut', FRACTION, 'a fraction from 0 to 1');
  const lt = r.decimal('liquidation_threshold', FRACTION, 'a fraction from 0 to 1');
  if (haircut && lt && !ONE.minus(lt).equals(haircut)) {
    r.problem('liquidation_threshold', `expected 1 - haircut = ${decStr(ONE.minus(haircut))}; haircut and liquidation_threshold disagree`);
    return null;
  }
  return haircut ?? (lt ? ONE.minus(lt) : null);
}

function optionTerms(r: RowReader, info: SymbolInfo | null) {
  const strike = agreeing(r, 'strike', r.decimal('strike', POSITIVE, 'a strike above 0'), info?.strike ? new Dec(info.strike) : undefined, (a, b) => a.equals(b), (v) => decStr(v));
  const optionType = agreeing<OptionType>(r, 'option_type', r.read('option_type', readOptionType), info?.optionType, (a, b) => a === b, (v) => v);
  const iv = r.decimal('iv', POSITIVE, 'an annualised volatility above 0, as a fraction (0.65)');
  const ivPct = r.decimal('iv_pct', POSITIVE, 'an annualised volatility above 0, in percent (65)');
  if (iv && ivPct && !ivPct.div(HUNDRED).equals(iv)) r.problem('iv_pct', `expected iv × 100 = ${decStr(iv.times(HUNDRED))}; iv and iv_pct disagree`);
  const vol = iv ?? (ivPct ? ivPct.div(HUNDRED) : null);
  if (!strike && !r.has('strike')) r.problem('strike', 'missing value: an option needs a strike (column or symbol)');
  if (!optionType && !r.has('option_type')) r.problem('option_type', 'missing value: an option needs call or put (column or symbol)');
  if (!vol && !r.has('iv') && !r.has('iv_pct')) r.problem('iv', 'missing value: an option needs its implied volatility (iv as a fraction or iv_pct in percent)');
  const underlyingPrice = r.decimal('underlying_price', POSITIVE, 'a price above 0');
  const rate = r.decimal('rate', { min: ONE.neg(), max: ONE }, 'a continuously compounded rate as a fraction, e.g. 0.05') ?? ZERO;
  if (!strike || !optionType || !vol) return null;
  return { strike, optionType, iv: vol, underlyingPrice, rate };
}

/** Validates one record into a portfolio row; every problem is recorded on the reader. */
export function readRow(r: RowReader): RowOutcome {
  const account = r.text('account') || 'main';
  const venue = r.read('venue', readVenue) ?? 'generic';
  const symbol = r.require('symbol', r.text('symbol') || null, 'the instrument symbol, e.g. BTCUSDT');
  const info = symbol ? inferSymbol(symbol) : null;
  const type = symbol ? instrumentType(r, info, symbol) : null;
  const underlyingColumn = r.text('underlying').toUpperCase();
  // an option symbol states its own type and underlying: a column that says otherwise is a mistake
  if (info?.type === 'option' && type && type !== 'option') r.problem('type', `expected option as the symbol "${symbol}" says; the symbol and the type column disagree`);
  if (info?.type === 'option' && underlyingColumn && underlyingColumn !== info.underlying) r.problem('underlying', `expected ${info.underlying} as the symbol says; the symbol and the underlying column disagree`);
  const underlying = underlyingColumn || info?.underlying || null;
  if (symbol && type && !underlying) r.problem('underlying', `missing value: cannot tell the underlying of "${symbol}"; add an underlying column`);

  const q = signedQty(r);
  const contractSize = r.decimal('contract_size', POSITIVE, 'a contract size above 0') ?? ONE;
  const entry = r.decimal('entry_price', POSITIVE, 'a price above 0');
  const mark = r.require('mark_price', r.decimal('mark_price', POSITIVE, 'a price above 0'), 'the current mark price');
  const marginMode = r.read('margin_mode', readMarginMode) ?? 'cross';
  const isolatedMargin = r.decimal('isolated_margin', NON_NEGATIVE, 'an amount of 0 or more');
  const leverage = r.decimal('leverage', { min: ONE }, 'a leverage of 1 or more');
  const imr = r.decimal('imr', { min: ZERO, minExclusive: true, max: ONE }, 'a fraction above 0 and at most 1');
  const mmr = r.decimal('mmr', { min: ZERO, max: ONE }, 'a fraction from 0 to 1');
  const maintenanceAmount = r.decimal('maintenance_amount', NON_NEGATIVE, 'an amount of 0 or more');
  const haircut = haircutOf(r);
  const fundingRate = r.decimal('funding_rate', { min: ONE.neg(), max: ONE }, 'a funding rate per 8 hours as a fraction from -1 to 1 (0.0001 = 0.01%)');
  if (fundingRate && type && type !== 'perp') r.problem('funding_rate', `expected blank: funding applies to perpetual swaps, not a ${type}`);
  const expiryColumn = r.read('expiry', readExpiry);
  const expiry = agreeing(r, 'expiry', expiryColumn, info?.expiry, (a, b) => a === b, (v) => v.slice(0, 10));

  const derivative = type === 'perp' || type === 'future' || type === 'option';
  if (derivative && !entry && !r.has('entry_price')) r.problem('entry_price', `missing value: a ${type} needs its entry price`);
  if (type === 'spot' && !contractSize.equals(ONE)) r.problem('contract_size', 'expected 1 or blank: a spot balance is counted in units of the asset');
  if (marginMode === 'isolated') {
    if (type === 'spot') r.problem('margin_mode', 'expected cross or blank: a spot balance is collateral of the cross account, not an isolated position');
    if (venue === 'aave-v3') r.problem('margin_mode', 'expected cross or blank: aave-v3 has no isolated positions');
    if (!isolatedMargin && !r.has('isolated_margin')) r.problem('isolated_margin', 'missing value: an isolated position needs the margin assigned to it');
  }
  if (maintenanceAmount && !mmr) r.problem('maintenance_amount', 'expected an mmr column beside it: the maintenance amount is the deduction of a rate');
  if (venue === 'aave-v3' && type && type !== 'spot') r.problem('type', `expected spot: aave-v3 accounts hold supplied and borrowed assets, not a ${type}`);
  if (venue === 'aave-v3' && type === 'spot' && q?.gt(0) && haircut === null && !AAVE_RESERVES.has(underlying ?? '') && !r.has('haircut') && !r.has('liquidation_threshold')) {
    r.problem('liquidation_threshold', 'missing value: aave-v3 collateral needs its liquidation threshold (e.g. 0.825); built in only for ' + [...AAVE_RESERVES.keys()].join(', '));
  }
  if (type === 'future' && !expiry && !r.has('expiry')) r.problem('expiry', 'missing value: a future needs its expiry (column or a dated symbol)');
  const option = type === 'option' ? optionTerms(r, info) : null;
  const inverseColumn = r.read('inverse', readBoolean);
  // Deribit's coin-settled futures (BTC-PERPETUAL, BTC-27DEC24) are inverse; its USDC ones carry an underscore
  const inverse = (type === 'perp' || type === 'future') && (inverseColumn ?? (venue === 'deribit' && !!symbol && !symbol.includes('_')));
  const venueLiquidationPrice = r.decimal('liquidation_price', NON_NEGATIVE, 'a price of 0 or more');
  const venueMaintenanceMargin = r.decimal('maintenance_margin', NON_NEGATIVE, 'an amount of 0 or more');
  if (type === 'option' && !expiry && !r.has('expiry')) r.problem('expiry', 'missing value: an option needs its expiry (column or symbol)');

  if (r.problems.length > 0 || !symbol || !type || !underlying || !q || !mark) return { kind: 'invalid' };
  if (q.isZero()) return { kind: 'skip', warning: `line ${r.line}: ${symbol} has quantity 0 and was skipped` };
  if (type === 'option' && !option) return { kind: 'invalid' };

  const str = (d: Dec | null) => (d ? decStr(d) : null);
  return {
    kind: 'row',
    draft: {
      needsUnderlyingPrice: type === 'option' && !option?.underlyingPrice,
      row: {
        line: r.line,
        account,
        venue,
        symbol,
        type,
        underlying,
        qty: decStr(q),
        contractSize: decStr(contractSize),
        entryPrice: type === 'spot' ? null : str(entry),
        markPrice: decStr(mark),
        marginMode,
        isolatedMargin: marginMode === 'isolated' ? str(isolatedMargin) : null,
        leverage: str(leverage),
        imr: str(imr),
        mmr: str(mmr),
        maintenanceAmount: str(maintenanceAmount),
        haircut: str(haircut),
        fundingRate: type === 'perp' ? str(fundingRate) : null,
        expiry: type === 'future' || type === 'option' ? expiry : null,
        option: option
          ? {
              strike: decStr(option.strike),
              optionType: option.optionType,
              iv: decStr(option.iv),
              underlyingPrice: option.underlyingPrice ? decStr(option.underlyingPrice) : '',
              rate: decStr(option.rate),
            }
          : null,
        ...(inverse ? { inverse: true } : {}),
        ...(venueLiquidationPrice ? { venueLiquidationPrice: decStr(venueLiquidationPrice) } : {}),
        ...(venueMaintenanceMargin ? { venueMaintenanceMargin: decStr(venueMaintenanceMargin) } : {}),
      },
    },
  };
}
