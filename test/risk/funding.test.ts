import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { evaluatePortfolio } from '../../src/engine/evaluate';
import { fundingAccounts, prepareFunding, projectFunding } from '../../src/engine/risk/funding';
import { noWhatIf, prepareScenario } from '../../src/engine/scenario';
import { EMPTY_SCENARIO, type Portfolio, type PortfolioRow, type Scenario } from '../../src/engine/types';
import { importPortfolio } from '../../src/import';
import { AS_OF, row, spot } from '../engine/helpers';

function prepared(scenario: Partial<Scenario>) {
  const checked = prepareScenario({ ...EMPTY_SCENARIO, ...scenario }, { targetHF: '1.5', marginCallHF: '1.25' });
  if (!checked.ok) throw new Error(checked.error);
  return checked.scenario;
}

function from(rows: PortfolioRow[], scenario: Partial<Scenario>, horizonDays = '1') {
  const outcome = projectFunding({ portfolio: { source: 't', rows }, horizonDays, marginCallHF: '1.25', asOf: AS_OF, scenario: prepared(scenario) });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.units[0]!;
}

describe('funding projection', () => {
  it('longs pay a positive rate; days to the margin-call level counted in 8-hour settlements', () => {
    // long 1 BTC perp at 100 (notional 100, MM = 0.5 at mmr 0.005), 1 USDT of collateral: HF = 2
    // funding 0.001 per 8h: the long pays 100 × 0.001 = 0.1 a settlement, 0.3 a day
    // margin call (HF < 1.25) when MB < 0.625: gap 0.375 / 0.1 = 3.75 → 4th settlement = 4/3 days
    // liquidation (HF ≤ 1) when MB ≤ 0.5: gap 0.5 / 0.1 = 5 → 5th settlement = 5/3 days
    const rows = [spot('USDT', '1', '1'), row({ symbol: 'BTCUSDT', qty: '1', markPrice: '100', mmr: '0.005', fundingRate: '0.001', venue: 'binance' })];
    const outcome = projectFunding({ portfolio: { source: 't', rows }, horizonDays: '2', marginCallHF: '1.25' });
    if (!outcome.ok) throw new Error(outcome.error);
    const unit = outcome.units[0]!;
    expect(unit.fundingPer8h).toBe('-0.1');
    expect(unit.fundingPerDay).toBe('-0.3');
    expect(unit.daysToMarginCall).toBe('1.3333');
    expect(unit.daysToLiquidation).toBe('1.6667');
    // day 1: 1 − 0.3 = 0.7, HF 1.4; day 2: 0.4, HF 0.8
    expect(unit.projection).toEqual([
      { day: 0, marginBalance: '1', healthFactor: '2' },
      { day: 1, marginBalance: '0.7', healthFactor: '1.4' },
      { day: 2, marginBalance: '0.4', healthFactor: '0.8' },
    ]);
    // Binance Regular taker 0.05% of 100 = 0.05 to close
    expect(unit.closingFee).toBe('0.05');
  });

  it('a short receives a positive rate and never reaches the margin call by funding', () => {
    const rows = [spot('USDT', '1', '1'), row({ symbol: 'BTCUSDT', qty: '-1', markPrice: '100', mmr: '0.005', fundingRate: '0.001' })];
    const outcome = projectFunding({ portfolio: { source: 't', rows }, horizonDays: '1', marginCallHF: '1.25' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.units[0]!.fundingPer8h).toBe('0.1');
    expect(outcome.units[0]!.daysToMarginCall).toBeNull();
  });

  it('the importer reads funding_rate (and its aliases) for perps and refuses it elsewhere', () => {
    const ok = importPortfolio({ fileName: 'f.csv', content: 'symbol,qty,entry_price,mark_price,Funding Rate\nBTCUSDT,1,100,100,-0.0001\nUSDT,5,,1,\n' });
    expect(ok.ok && ok.portfolio.rows.map((r) => r.fundingRate)).toEqual(['-0.0001', null]);
    const alias = importPortfolio({ fileName: 'f.csv', content: 'symbol,qty,entry_price,mark_price,lastFundingRate\nBTCUSDT,1,100,100,0.0002\n' });
    expect(alias.ok && alias.portfolio.rows[0]!.fundingRate).toBe('0.0002');
    const bad = importPortfolio({ fileName: 'f.csv', content: 'symbol,qty,entry_price,mark_price,funding_rate\nBTCUSDT,1,100,100,0.01%\nETH,2,,3000,0.001\nSOLUSDT,1,1,1,2\n' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`)).toEqual([
      'f.csv:2:funding_rate: expected a fraction, not a percent (0.005, not 0.5%)',
      'f.csv:3:funding_rate: expected blank: funding applies to perpetual swaps, not a spot',
      'f.csv:4:funding_rate: expected a funding rate per 8 hours as a fraction from -1 to 1 (0.0001 = 0.01%)',
    ]);
  });

  it('a book prepared once serves every horizon and level, with the figures of a fresh preparation; a bad request prepares nothing', () => {
    // the example of the first test: the long pays 0.1 a settlement; a short on ETH beside it receives 3000 × 0.0001 = 0.3
    const portfolio = {
      source: 't',
      rows: [
        spot('USDT', '1', '1'),
        row({ symbol: 'BTCUSDT', qty: '1', markPrice: '100', mmr: '0.005', fundingRate: '0.001', venue: 'binance' }),
        row({ account: 'b', symbol: 'ETHUSDT', qty: '-1', markPrice: '3000', mmr: '0.01', fundingRate: '0.0001' }),
        spot('USDT', '100', '1', { account: 'b' }),
      ],
    };
    const book0 = prepareFunding(fundingAccounts(portfolio, new Map(), AS_OF, noWhatIf()));
    let asked = 0;
    const book = () => {
      asked++;
      return book0;
    };
    for (const [horizonDays, marginCallHF] of [['2', '1.25'], ['7', '1.5'], ['0.5', '1']]) {
      const fresh = projectFunding({ portfolio, horizonDays: horizonDays!, marginCallHF: marginCallHF! });
      expect(projectFunding({ portfolio, horizonDays: horizonDays!, marginCallHF: marginCallHF!, book })).toEqual(fresh);
    }
    expect(asked).toBe(3);
    expect(book0.units.map((u) => u.per8h.toString())).toEqual(['-0.1', '0.3']);
    expect(projectFunding({ portfolio, horizonDays: '0', marginCallHF: '1.25', book }).ok).toBe(false);
    expect(asked).toBe(3);
  });
});

describe('funding from the what-if', () => {
  // long 1 BTC perp at 100 (mmr 0.005) beside 1 USDT, funding 0.001 per 8 hours
  const book = () => [spot('USDT', '1', '1'), row({ symbol: 'BTCUSDT', qty: '1', markPrice: '100', mmr: '0.005', fundingRate: '0.001', venue: 'binance' })];

  it('at the shocked price: a bigger balance, and funding on the bigger notional', () => {
    // BTC +10%: mark 110, MB = 1 + 10 = 11, MM = 0.55; the long pays 110 × 0.001 = 0.11 a settlement
    const unit = from(book(), { shocks: [['BTC', '0.1']] });
    expect([unit.marginBalance, unit.maintenanceMargin, unit.fundingPer8h, unit.fundingPerDay]).toEqual(['11', '0.55', '-0.11', '-0.33']);
    // margin call when MB < 1.25 × 0.55 = 0.6875: gap 10.3125 / 0.11 = 93.75 → 94th settlement = 31.3333 days
    expect(unit.daysToMarginCall).toBe('31.3333');
    // liquidation when MB ≤ 0.55: gap 10.45 / 0.11 = 95 → 95th settlement = 31.6667 days
    expect(unit.daysToLiquidation).toBe('31.6667');
    // closing: Binance taker 0.05% of 110 = 0.055
    expect(unit.closingFee).toBe('0.055');
  });

  it('added collateral and a half cut: the cut realises its PnL and halves the funding', () => {
    // BTC +10%, half closed at 110: realised 0.5 × 10 = 5, MB = 1 + 5 + 0.5 × 10 + 2 (added) = 13;
    // MM = 0.5 × 110 × 0.005 = 0.275; funding 0.5 × 110 × 0.001 = 0.055 a settlement
    const unit = from(book(), { shocks: [['BTC', '0.1']], cuts: [['cross:main', '0.5']], addCollateral: [['main', '2']] });
    expect([unit.marginBalance, unit.maintenanceMargin, unit.fundingPer8h]).toEqual(['13', '0.275', '-0.055']);
    // margin call when MB < 0.34375: gap 12.65625 / 0.055 = 230.11 → 231st settlement = 77 days
    expect(unit.daysToMarginCall).toBe('77');
    // liquidation when MB ≤ 0.275: gap 12.725 / 0.055 = 231.36 → 232nd settlement = 77.3333 days
    expect(unit.daysToLiquidation).toBe('77.3333');
  });

  it('starts from the cards: every unit of the options sample, today and under a what-if, as evaluate reports it', () => {
    // held at mark, short options had no maintenance margin here before; the cards price them
    const bytes = readFileSync(new URL('../../public/samples/options.csv', import.meta.url));
    const imported = importPortfolio({ fileName: 'options.csv', content: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    if (!imported.ok) throw new Error('import failed');
    const portfolio: Portfolio = imported.portfolio;
    const account = portfolio.rows[0]!.account;
    for (const scenario of [{}, { shocks: [['BTC', '-0.1']], volShock: '0.2', days: '3', addCollateral: [[account, '5000']] }] as Array<Partial<Scenario>>) {
      const funding = projectFunding({ portfolio, horizonDays: '1', marginCallHF: '1.25', asOf: AS_OF, scenario: prepared(scenario) });
      const cards = evaluatePortfolio({ portfolio, asOf: AS_OF, scenario: { ...EMPTY_SCENARIO, ...scenario } });
      if (!funding.ok || !cards.ok) throw new Error('failed');
      const fromCards = cards.report.accounts.flatMap((a) => a.units.map((u) => [a.account, u.unit, u.marginBalance, u.maintenanceMargin]));
      expect(funding.units.map((u) => [u.account, u.unit, u.marginBalance, u.maintenanceMargin])).toEqual(fromCards);
      expect(funding.units.some((u) => u.maintenanceMargin !== '0')).toBe(true);
    }
  });
});
