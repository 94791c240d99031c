import { compileGreeks, portfolioGreeks, type GreeksBook } from '../engine/options/greeks';
import { modelStr } from '../engine/options/report';
import { deribitGrid, readGridJson, rectangularGrid, spanGrid, type RiskGrid } from '../engine/options/riskGrid';
import { compileBook, riskMatrix, type CompiledBook } from '../engine/options/riskMatrix';
import type { Portfolio } from '../engine/types';
import type { EngineHandlers, GridChoice } from './protocol';

function gridOf(choice: GridChoice): { ok: true; grid: RiskGrid } | { ok: false; error: string } {
  if (choice === 'span') return { ok: true, grid: spanGrid() };
  if (choice === 'deribit') return { ok: true, grid: deribitGrid() };
  if (choice === 'heatmap') return { ok: true, grid: rectangularGrid() };
  let json: unknown;
  try {
    json = JSON.parse(choice.text);
  } catch (e) {
    return { ok: false, error: `${choice.fileName}: expected JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const read = readGridJson(json, choice.fileName);
  return read.ok ? read : { ok: false, error: read.errors.join('\n') };
}

/**
 * The option handlers of the protocol. The risk matrix's and the greeks' compiled books depend on
 * the portfolio only, so they are kept until the next load and every slider move reuses them.
 */
export function createOptionHandlers(current: () => Portfolio): Pick<EngineHandlers, 'riskMatrix' | 'greeks'> {
  let compiled: { portfolio: Portfolio; book: CompiledBook } | null = null;
  const book = () => {
    const portfolio = current();
    if (compiled?.portfolio !== portfolio) compiled = { portfolio, book: compileBook(portfolio) };
    return compiled.book;
  };
  let greeksCompiled: { portfolio: Portfolio; book: GreeksBook } | null = null;
  const greeksBook = () => {
    const portfolio = current();
    if (greeksCompiled?.portfolio !== portfolio) greeksCompiled = { portfolio, book: compileGreeks(portfolio) };
    return greeksCompiled.book;
  };
  return {
    riskMatrix({ scenario, grid: choice, asOf }) {
      const grid = gridOf(choice);
      if (!grid.ok) return grid;
      const out = riskMatrix({ portfolio: book(), asOf: asOf ?? new Date().toISOString(), scenario, grid: grid.grid });
      if (!out.ok) return out;
      const { grid: g, units, total } = out.result;
      return {
        ok: true,
        grid: { id: g.id, title: g.title, scenarios: g.scenarios, ...(g.axes ? { axes: g.axes } : {}) },
        total,
        units: units.map((u) => ({ account: u.account, unit: u.unit, venue: u.venue, pnl: u.pnl, requirement: modelStr(u.requirement), worst: u.worst })),
      };
    },
    greeks({ scenario, asOf }) {
      const out = portfolioGreeks({ portfolio: greeksBook(), asOf: asOf ?? new Date().toISOString(), scenario });
      if (!out.ok) return out;
      return {
        ok: true,
        underlyings: out.underlyings.map((g) => ({
          underlying: g.underlying, price: modelStr(g.price), options: g.options, delta: modelStr(g.delta), gamma: modelStr(g.gamma),
          vega: modelStr(g.vega), theta: modelStr(g.theta), rho: modelStr(g.rho),
        })),
      };
    },
  };
}
