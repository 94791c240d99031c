import { describe, expect, it } from 'vitest';
import { prepareFastBook } from '../../src/engine/fast';
import { HELD_AT_MARK } from '../../src/engine/options/repricing';
import { EMPTY_SCENARIO } from '../../src/engine/types';
import { prepareAccounts } from '../../src/engine/units';
import { importPortfolio } from '../../src/import';
import { createCascadeRunner } from '../../src/worker/cascade';
import { cascadeBookCsv } from '../../scripts/make-cascade-sample';

describe('worker cascade runner', () => {
  it('gives the same cascade on the what-if layout as on a book of its own', () => {
    const imported = importPortfolio({ fileName: 'book.csv', content: cascadeBookCsv(300, 3) });
    if (!imported.ok) throw new Error('sample did not import');
    const portfolio = imported.portfolio;
    const args = {
      scenario: { ...EMPTY_SCENARIO, shocks: [['BTC', '-0.15'], ['ETH', '-0.2']] as Array<[string, string]> },
      params: { impact: [{ underlying: 'BTC', model: 'linear' as const, depth: '200000' }, { underlying: 'ETH', model: 'sqrt' as const, depth: '100000', coefficient: '0.03' }], feeRate: '0.01', fund: '1000', partial: { kind: 'full' as const }, maxRounds: 10 },
    };
    const own = createCascadeRunner()(portfolio, new Map(), args);
    const layout = prepareFastBook(prepareAccounts(portfolio, new Map(), HELD_AT_MARK));
    const shared = createCascadeRunner()(portfolio, new Map(), args, layout);
    if (!own.ok || !shared.ok) throw new Error('cascade failed');
    expect(own.result.liquidations.round.length).toBeGreaterThan(0);
    expect(shared.result.rounds).toEqual(own.result.rounds);
    expect(shared.result.accounting).toEqual(own.result.accounting);
    expect(shared.result.names).toEqual(own.result.names);
  });
});
