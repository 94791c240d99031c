import { atScenario, withAddedCollateral } from '../evaluate';
import { Dec, ONE, ZERO, decStr, decStrOrNull, readDecimalText } from '../decimal';
import { noWhatIf, type PreparedScenario } from '../scenario';
import type { Portfolio } from '../types';
import { prepareAccounts, type PreparedAccount } from '../units';
import type { TierTables } from '../venues/tiers';
import { takerFee } from './fees';
import { unitLabel } from './exposure';

/**
 * Funding drift at constant prices (decimal money arithmetic): what funding does to each unit's
 * margin balance and HF over a horizon, and when the margin-call level is reached.
 *
 * A perp's funding per settlement is −qty × contract size × mark × rate: with a positive rate longs
 * pay and shorts receive (Binance: funding amount = position value × funding rate, every 8 hours).
 * Settlements come every 8 hours, three a day; the balance changes only at a settlement, so a level
 * is reached at the first settlement past it.
 *
 * The start is the cards' figures (evaluate.ts unitReport): options priced, and under a what-if its
 * marks, added collateral and cuts; the drift is then at those constant prices.
 */
export interface FundingRequest {
  portfolio: Portfolio;
  tierTables?: TierTables;
  horizonDays: string;
  marginCallHF: string;
  /** valuation instant of priced options, ISO 8601 (default: now) */
  asOf?: string;
  /** the what-if the projection starts from (default: today) */
  scenario?: PreparedScenario;
}

export interface UnitFunding {
  account: string;
  unit: string;
  label: string;
  marginBalance: string;
  maintenanceMargin: string;
  /** per 8-hour settlement; negative = the unit pays */
  fundingPer8h: string;
  fundingPerDay: string;
  /** taker fee to close every perp and future now */
  closingFee: string;
  /** one point a day from today to the horizon: balance and HF after that day's settlements */
  projection: Array<{ day: number; marginBalance: string; healthFactor: string | null }>;
  /** days until HF < margin-call level, at the settlement that crosses it; 0 when already there; null when never */
  daysToMarginCall: string | null;
  daysToLiquidation: string | null;
  /** perps of the unit without a funding_rate */
  perpsWithoutRate: number;
}

export type FundingOutcome = { ok: true; units: UnitFunding[]; notes: string[] } | { ok: false; error: string };

const SETTLEMENTS_PER_DAY = new Dec(3);

/**
 * Settlements, in days, until MB falls below `level` × MM (strict: HF < level, the margin-call rule)
 * or to it (HF ≤ 1, the liquidation rule). 0 when already there, null when funding never gets there.
 */
function daysTo(level: Dec, strict: boolean, mb: Dec, mm: Dec, perSettlement: Dec): Dec | null {
  if (!mm.gt(0)) return null;
  const gap = mb.minus(level.times(mm));
  if (strict ? gap.lt(0) : gap.lte(0)) return ZERO;
  if (!perSettlement.lt(0)) return null;
  const ratio = gap.div(perSettlement.neg());
  const settlements = strict ? ratio.floor().plus(1) : ratio.ceil();
  return settlements.div(SETTLEMENTS_PER_DAY);
}

/** A unit's funding figures that do not depend on the horizon or the level (decimal money). */
interface FundingUnit {
  account: string;
  unit: string;
  label: string;
  marginBalance: Dec;
  mm: Dec;
  per8h: Dec;
  closing: Dec;
  missing: number;
}

/**
 * The book as funding reads it, prepared once per portfolio and tier tables: the worker keeps it
 * (riskService.ts) so a new horizon or level only redoes the projection, not the decimal accounts.
 */
export interface FundingBook {
  units: FundingUnit[];
}

/** The accounts as the cards prepare them: options priced at `asOf` under the what-if's vol and time. */
export function fundingAccounts(portfolio: Portfolio, tierTables: TierTables, asOf: string, scenario: PreparedScenario): PreparedAccount[] {
  return prepareAccounts(portfolio, tierTables, { asOf, volShock: scenario.volShock.toNumber(), days: scenario.days.toNumber() });
}

/** Each unit's balance, maintenance margin, funding and closing fee at the what-if's marks. */
export function prepareFunding(accounts: readonly PreparedAccount[], scenario: PreparedScenario = noWhatIf()): FundingBook {
  const units: FundingUnit[] = [];
  for (const account of accounts) {
    const fee = takerFee(account.venue.id).rate;
    for (const uncut of withAddedCollateral(account, scenario.addCollateral.get(account.account))) {
      const { marks, unit, fig } = atScenario(uncut, scenario);
      let per8h = ZERO;
      let closing = ZERO;
      let missing = 0;
      unit.rows.forEach((row, i) => {
        const mark = marks[i]!;
        if (row.src.type === 'perp' || row.src.type === 'future') closing = closing.plus(row.absQ.times(row.cs).times(mark).times(fee));
        if (row.src.type !== 'perp') return;
        const rate = row.src.fundingRate ?? null;
        if (rate === null) missing++;
        else per8h = per8h.minus(row.q.times(row.cs).times(mark).times(new Dec(rate)));
      });
      const label = unitLabel({ account: account.account, unit: unit.id, mode: unit.mode });
      units.push({ account: account.account, unit: unit.id, label, marginBalance: fig.marginBalance, mm: fig.mm, per8h, closing, missing });
    }
  }
  return { units };
}

/**
 * `book`: where to get the portfolio already prepared (prepareFunding), asked once the request is
 * valid; without it the portfolio is prepared here.
 */
export function projectFunding(request: FundingRequest & { book?: () => FundingBook }): FundingOutcome {
  const horizon = readDecimalText(request.horizonDays);
  if (!horizon || horizon.lte(0) || horizon.gt(3650)) return { ok: false, error: `horizon: expected days above 0 and at most 3650, found "${request.horizonDays}"` };
  const mcHF = readDecimalText(request.marginCallHF);
  if (!mcHF || mcHF.lt(ONE)) return { ok: false, error: `margin-call level: expected at least 1, found "${request.marginCallHF}"` };
  const days = horizon.ceil().toNumber();
  const scenario = request.scenario ?? noWhatIf();
  const book = request.book
    ? request.book()
    : prepareFunding(fundingAccounts(request.portfolio, request.tierTables ?? new Map(), request.asOf ?? new Date().toISOString(), scenario), scenario);
  const units: UnitFunding[] = book.units.map((u) => {
    const perDay = u.per8h.times(SETTLEMENTS_PER_DAY);
    const mm = u.mm;
    const projection = Array.from({ length: days + 1 }, (_, d) => {
      const mb = u.marginBalance.plus(perDay.times(d));
      return { day: d, marginBalance: decStr(mb.toDecimalPlaces(2)), healthFactor: mm.gt(0) ? decStr(mb.div(mm).toDecimalPlaces(4)) : null };
    });
    const toLiq = daysTo(ONE, false, u.marginBalance, mm, u.per8h);
    const toCall = daysTo(mcHF, true, u.marginBalance, mm, u.per8h);
    return {
      account: u.account,
      unit: u.unit,
      label: u.label,
      marginBalance: decStr(u.marginBalance),
      maintenanceMargin: decStr(mm),
      fundingPer8h: decStr(u.per8h),
      fundingPerDay: decStr(perDay),
      closingFee: decStr(u.closing),
      projection,
      daysToMarginCall: decStrOrNull(toCall ? toCall.toDecimalPlaces(4) : null),
      daysToLiquidation: decStrOrNull(toLiq ? toLiq.toDecimalPlaces(4) : null),
      perpsWithoutRate: u.missing,
    };
  });
  const notes = ['prices held constant (today\'s, or the what-if\'s); funding settles every 8 hours (3 a day); closing fee at the venue taker rate (src/engine/risk/fees.ts)'];
  const missing = units.reduce((s, u) => s + u.perpsWithoutRate, 0);
  if (missing > 0) notes.push(`${missing} perp row(s) have no funding_rate: counted as 0`);
  return { ok: true, units, notes };
}
