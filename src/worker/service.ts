import { compareVenues } from '../engine/compare';
import { evaluatePortfolio } from '../engine/evaluate';
import { isStablecoin } from '../engine/stablecoins';
import type { Portfolio } from '../engine/types';
import { parseLeverageBrackets, type TierTable } from '../engine/venues/tiers';
import { importPortfolio, importPortfolios } from '../import';
import { createChartsHandler } from './chartsService';
import { createCascadeRunner } from './cascade';
import { FastSession } from './fastSession';
import { createOptionHandlers } from './optionHandlers';
import { previewFile } from '../import/preview';
import type { EngineHandlers, PortfolioSummary } from './protocol';
import { createRiskHandlers } from './riskService';

function summarize(portfolio: Portfolio): PortfolioSummary {
  const underlyings = new Map<string, boolean>();
  for (const row of portfolio.rows) underlyings.set(row.underlying, isStablecoin(row.underlying));
  return {
    source: portfolio.source,
    rows: portfolio.rows.length,
    accounts: new Set(portfolio.rows.map((r) => r.account)).size,
    underlyings: [...underlyings].map(([name, stable]) => ({ name, stable })),
    options: portfolio.rows.filter((r) => r.type === 'option').length,
  };
}

const EMPTY: Portfolio = { source: '', rows: [] };

/** The engine behind the protocol, holding the current portfolio and tier tables. */
export function createEngineService(): EngineHandlers {
  let portfolio: Portfolio = EMPTY;
  const tierTables = new Map<string, TierTable>();
  const charts = createChartsHandler(() => fast());
  const cascade = createCascadeRunner();
  // the what-if fast path, laid out on first use after each load or tier change
  let session: FastSession | null = null;
  const fast = (): FastSession | null => {
    if (!session && portfolio !== EMPTY) session = new FastSession(portfolio, tierTables);
    return session;
  };
  const guarded = <T>(run: (s: FastSession) => T): T | { ok: false; error: string } => {
    const s = fast();
    if (!s) return { ok: false, error: 'no portfolio loaded' };
    try {
      return run(s);
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  };
  const { invalidate: invalidateRisk, ...risk } = createRiskHandlers(() => ({ portfolio, tierTables }), () => fast()?.book ?? null);
  return {
    ...risk,
    load({ fileName, content, asOf, mapping }) {
      const result = importPortfolio({ fileName, content, ...(asOf ? { asOf } : {}), ...(mapping ? { mapping } : {}) });
      if (!result.ok) return result;
      portfolio = result.portfolio;
      session = null;
      invalidateRisk();
      return { ok: true, summary: summarize(portfolio), warnings: result.warnings };
    },
    loadFiles({ files, asOf }) {
      const result = importPortfolios(files.map((f) => ({ ...f, ...(asOf ? { asOf } : {}) })));
      if (!result.ok) return result;
      portfolio = result.portfolio;
      session = null;
      invalidateRisk();
      return { ok: true, summary: summarize(portfolio), warnings: result.warnings };
    },
    loadBrackets({ fileName, text }) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        return { ok: false, errors: [`${fileName}: expected JSON in the shape of Binance's leverageBracket response (${e instanceof Error ? e.message : String(e)})`] };
      }
      const parsed = parseLeverageBrackets(json, fileName, new Date().toISOString());
      if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `${fileName}: ${e}`) };
      for (const [symbol, table] of parsed.tables) tierTables.set(symbol, table);
      session = null;
      invalidateRisk();
      return { ok: true, symbols: [...parsed.tables.keys()] };
    },
    evaluate({ scenario, thresholds, asOf }) {
      return evaluatePortfolio({ portfolio, scenario, thresholds, asOf: asOf ?? new Date().toISOString(), tierTables });
    },
    compareVenues({ asOf }) {
      if (portfolio.rows.length === 0) return { ok: false, error: 'no portfolio is loaded' };
      return compareVenues({ rows: portfolio.rows, source: portfolio.source, asOf: asOf ?? new Date().toISOString(), tierTables });
    },
    charts,
    cascade(args) {
      // the layout is shared with charts and risk (this worker builds it once per portfolio)
      return cascade(portfolio, tierTables, args, fast()?.book ?? null);
    },
    layout: () => fast()?.layout() ?? null,
    evaluateFast: (args) => guarded((s) => s.evaluate(args)),
    exactUnits: ({ units, ...args }) => guarded((s) => ({ ok: true as const, units: s.exactUnits(args, units) })),
    positionRows: ({ rows, ...args }) => guarded((s) => s.positionRows(args, rows)),
    sortRows: ({ column, desc, ...args }) => guarded((s) => ({ ok: true as const, order: s.sortRows(args, column, desc) })),
    unitLiquidation: (args) =>
      guarded((s) => {
        const l = s.liquidation(args, false).liquidation;
        return { ok: true as const, down: l.unitShockDown.slice(), up: l.unitShockUp.slice(), source: l.unitSource.slice() };
      }),
    ...createOptionHandlers(() => portfolio),
    previewFile({ fileName, content }) {
      return previewFile(fileName, content);
    },
    checkMapping({ fileName, content, mapping, asOf }) {
      const result = importPortfolio({ fileName, content, mapping, ...(asOf ? { asOf } : {}) });
      return result.ok ? { ok: true, summary: summarize(result.portfolio), warnings: result.warnings } : result;
    },
  };
}
