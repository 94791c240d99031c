import { Dec } from '../../src/engine/decimal';
import { evaluatePortfolio, type EvaluateRequest } from '../../src/engine/evaluate';
import type { PortfolioRow, PositionReport, Report, UnitReport } from '../../src/engine/types';

export const AS_OF = '2026-01-01T00:00:00Z';

let nextLine = 2;

/** A portfolio row with the defaults of portfolio-csv.md; pass only what the example states. */
export function row(fields: Partial<PortfolioRow> & Pick<PortfolioRow, 'symbol' | 'qty' | 'markPrice'>): PortfolioRow {
  return {
    line: nextLine++,
    account: 'main',
    venue: 'generic',
    type: 'perp',
    underlying: fields.symbol.replace(/USDT$/, ''),
    contractSize: '1',
    entryPrice: fields.type === 'spot' ? null : fields.markPrice,
    marginMode: 'cross',
    isolatedMargin: null,
    leverage: null,
    imr: null,
    mmr: null,
    maintenanceAmount: null,
    haircut: null,
    expiry: null,
    option: null,
    ...fields,
  };
}

export function spot(symbol: string, qty: string, markPrice: string, extra: Partial<PortfolioRow> = {}): PortfolioRow {
  return row({ symbol, qty, markPrice, type: 'spot', underlying: symbol, ...extra });
}

export function evaluate(rows: PortfolioRow[], extra: Partial<EvaluateRequest> = {}): Report {
  const result = evaluatePortfolio({ portfolio: { source: 'test.csv', rows }, asOf: AS_OF, ...extra });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

export function unitOf(report: Report, unit = 'cross', account = 'main'): UnitReport {
  const found = report.accounts.find((a) => a.account === account)?.units.find((u) => u.unit === unit || u.unit.startsWith(unit));
  if (!found) throw new Error(`no unit ${unit} in ${account}`);
  return found;
}

export function positionOf(report: Report, symbol: string, account = 'main'): PositionReport {
  for (const a of report.accounts) {
    if (a.account !== account) continue;
    for (const u of a.units) for (const p of u.positions) if (p.symbol === symbol) return p;
  }
  throw new Error(`no position ${symbol}`);
}

/** |actual - expected| <= tolerance * |expected| */
export function expectClose(actual: string | null, expected: Dec | string, relative = '1e-12'): void {
  if (actual === null) throw new Error(`expected ${expected.toString()}, got null`);
  const e = new Dec(expected);
  const error = new Dec(actual).minus(e).abs();
  const bound = e.abs().times(relative);
  if (error.greaterThan(bound)) throw new Error(`expected ${e.toFixed()} (±${bound.toExponential(2)}), got ${actual}`);
}
