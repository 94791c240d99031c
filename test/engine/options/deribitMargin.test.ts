import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/engine/decimal';
import { deribitOptionMargin } from '../../../src/engine/options/deribitMargin';

/**
 * Deribit standard margin for options (margin-model.md; Deribit's formulas as reproduced by TSLab,
 * "Deribit Margin Requirements Calculation"), in BTC per contract and here times S in USD:
 *   short call IM = max(0.15 - OTM/S, 0.10) + mark, MM = 0.075 + mark
 *   short put  IM = max(max(0.15 - OTM/S, 0.10) + mark, MM), MM = max(0.075, 0.075 * mark) + mark
 * Each case below is worked by hand in the comment.
 */
function margin(type: 'call' | 'put', size: string, S: string, K: string, M: string) {
  const r = deribitOptionMargin({ type, size: new Dec(size), underlyingPrice: new Dec(S), strike: new Dec(K), mark: new Dec(M) });
  return { im: r.im.toFixed(), mm: r.mm.toFixed() };
}

describe('Deribit option margin: four worked cases', () => {
  it('1. short 1 call, out of the money: S 60,000, K 70,000, mark 1,200', () => {
    // OTM = 10,000; in BTC: IM = max(0.15 - 10000/60000, 0.10) + 1200/60000 = 0.10 + 0.02 = 0.12 BTC = 7,200 USD
    // MM = 0.075 + 0.02 = 0.095 BTC = 5,700 USD
    expect(margin('call', '-1', '60000', '70000', '1200')).toEqual({ im: '7200', mm: '5700' });
  });

  it('2. short 2 calls, in the money: S 60,000, K 50,000, mark 11,000', () => {
    // OTM = 0: IM = (max(0.15, 0.10) * 60000 + 11000) * 2 = (9000 + 11000) * 2 = 40,000
    // MM = (0.075 * 60000 + 11000) * 2 = (4500 + 11000) * 2 = 31,000
    expect(margin('call', '-2', '60000', '50000', '11000')).toEqual({ im: '40000', mm: '31000' });
  });

  it('3. short 0.5 put, out of the money: S 60,000, K 57,000, mark 900', () => {
    // OTM = 60000 - 57000 = 3,000: max(9000 - 3000, 6000) + 900 = 6,900; MM = max(4500, 67.5) + 900 = 5,400
    // IM = max(6900, 5400) * 0.5 = 3,450; MM = 5400 * 0.5 = 2,700
    expect(margin('put', '-0.5', '60000', '57000', '900')).toEqual({ im: '3450', mm: '2700' });
  });

  it('4. short 1 put, deep in the money, mark above S: S 20,000, K 60,000, mark 40,500', () => {
    // OTM = 0: max(0.15 * 20000, 0.10 * 20000) + 40500 = 3000 + 40500 = 43,500
    // MM = max(0.075 * 20000, 0.075 * 40500) + 40500 = max(1500, 3037.5) + 40500 = 43,537.5
    // IM = max(43500, 43537.5) = 43,537.5: the put's IM is never below its MM
    expect(margin('put', '-1', '20000', '60000', '40500')).toEqual({ im: '43537.5', mm: '43537.5' });
  });

  it('long options need no margin', () => {
    expect(margin('call', '3', '60000', '70000', '1200')).toEqual({ im: '0', mm: '0' });
    expect(margin('put', '1', '60000', '57000', '900')).toEqual({ im: '0', mm: '0' });
  });
});
