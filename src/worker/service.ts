import { compareVenues } from '../engine/compare';
import { evaluatePortfolio } from '../engine/evaluate';
import { isStablecoin } from '../engine/stablecoins';
import type { Portfolio } from '../engine/types';
import { emptyVenueParams, KIND_LABELS, readVenueParamFiles, withAaveReserves, type VenueParams } from '../engine/venues/params';
import { importPortfolio, importPortfolios, type ImportResult } from '../import';
import { createChartsHandler } from './chartsService';
import { createCascadeRunner } from './cascade';
import { FastSession } from './fastSession';
import { createOptionHandlers } from './optionHandlers';
import { previewFile } from '../import/preview';
import type { EngineHandlers, LoadOutcome, PortfolioSummary } from './protocol';
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
  // the book as imported, and as the engine margins it (loaded Aave reserves applied)
  let imported: Portfolio = EMPTY;
  let portfolio: Portfolio = EMPTY;
  let params: VenueParams = emptyVenueParams();
  let tierTables = params.tierTables;
  const applyParams = () => {
    portfolio = imported === EMPTY || params.aaveReserves.size === 0 ? imported : { ...imported, rows: withAaveReserves(imported.rows, params.aaveReserves) };
  };
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
  /** A good import replaces the book; everything laid out for the old one is dropped. A refused one changes nothing. */
  const adopt = (result: ImportResult): LoadOutcome => {
    if (!result.ok) return result;
    imported = result.portfolio;
    applyParams();
    session = null;
    invalidateRisk();
    return { ok: true, summary: summarize(portfolio), warnings: result.warnings };
  };
  return {
    ...risk,
    load({ fileName, content, asOf, mapping }) {
      return adopt(importPortfolio({ fileName, content, ...(asOf ? { asOf } : {}), ...(mapping ? { mapping } : {}) }));
    },
    loadFiles({ files, asOf }) {
      return adopt(importPortfolios(files.map((f) => ({ ...f, ...(asOf ? { asOf } : {}) }))));
    },
    loadBrackets(args) {
      const files = 'files' in args ? args.files : [{ fileName: args.fileName, text: args.text }];
      const replace = 'files' in args && args.replace === true;
      const read = readVenueParamFiles(files, replace ? emptyVenueParams() : params, new Date().toISOString());
      if (!read.ok) return read;
      params = read.params;
      tierTables = params.tierTables;
      applyParams();
      session = null;
      invalidateRisk();
      const loaded = read.loaded.map((l) => ({ ...l, label: KIND_LABELS[l.kind] }));
      return { ok: true, symbols: loaded.flatMap((l) => l.names), loaded };
    },
    evaluate({ scenario, thresholds, asOf }) {
      return evaluatePortfolio({ portfolio, scenario, thresholds, asOf: asOf ?? new Date().toISOString(), tierTables });
    },
    compareVenues({ asOf }) {
      if (portfolio.rows.length === 0) return { ok: false, error: 'no portfolio is loaded' };
      return compareVenues({ rows: portfolio.rows, source: portfolio.source, asOf: asOf ?? new Date().toISOString(), tierTables, aaveReserves: params.aaveReserves });
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
