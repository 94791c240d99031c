/**
 * A seeded book of many accounts for the liquidation cascade: `tsx scripts/make-cascade-sample.ts
 * [ACCOUNTS] [OUT.csv]` (default 1000 accounts into public/samples/cascade-1000.csv).
 *
 * The mix: leverage mostly 2-10x with a tail at 20-50x (about 12% of positions), 60% longs, BTC /
 * ETH / SOL by weight 5:3:2, a quarter of positions isolated, accounts on Binance (tiered) and
 * generic (own mmr 0.5-1%), and 5% Aave borrowers (ETH or WBTC-as-BTC collateral, USDC debt at
 * 70-82% of the liquidation threshold's room). Entries within +-6% of the mark; a position under water
 * carries its loss in margin as well, so that no unit starts past liquidation.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../bench/generate';

const ASSETS: Array<[name: string, mark: number, weight: number]> = [['BTC', 63000, 5], ['ETH', 3400, 3], ['SOL', 140, 2]];


export function cascadeBookCsv(accounts: number, seed = 7): string {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const asset = () => {
    let x = random() * 10;
    for (const a of ASSETS) {
      x -= a[2];
      if (x < 0) return a;
    }
    return ASSETS[0]!;
  };
  const leverage = () => (random() < 0.12 ? pick([20, 25, 30, 40, 50]) : pick([2, 3, 3, 5, 5, 5, 8, 10, 10]));
  const lines = ['account,venue,symbol,type,side,qty,entry_price,mark_price,margin_mode,isolated_margin,leverage,mmr,liquidation_threshold'];
  const round = (x: number, dp: number) => x.toFixed(dp);
  for (let n = 0; n < accounts; n++) {
    const name = `acct${String(n).padStart(String(accounts).length, '0')}`;
    if (random() < 0.05) {
      const [coin, mark] = random() < 0.6 ? (['ETH', 3400] as const) : (['BTC', 63000] as const);
      const value = 5000 + random() * 200000;
      const lt = coin === 'ETH' ? 0.83 : 0.78;
      const debt = value * lt * (0.7 + random() * 0.12);
      lines.push(`${name},aave-v3,${coin},spot,,${round(value / mark, 6)},,${mark},,,,,${lt}`);
      lines.push(`${name},aave-v3,USDC,spot,,${round(-debt, 2)},,1,,,,,`);
      continue;
    }
    const venue = random() < 0.6 ? 'binance' : 'generic';
    const positions = 1 + Math.floor(random() * random() * 3);
    let crossMargin = 0;
    const rows: string[] = [];
    for (let p = 0; p < positions; p++) {
      const [coin, mark] = asset();
      const lev = leverage();
      const notional = Math.exp(Math.log(2000) + random() * Math.log(250)); // 2k .. 500k, log-uniform
      const qty = round(notional / mark, coin === 'BTC' ? 4 : coin === 'ETH' ? 3 : 2);
      const entry = round(mark * (1 + (random() - 0.5) * 0.12), 2);
      const side = random() < 0.6 ? 'long' : 'short';
      const isolated = random() < 0.25;
      // a live book has no unit past liquidation: a position under water carries its loss in margin too
      const loss = Math.max(0, (Number(entry) - mark) * Number(qty) * (side === 'long' ? 1 : -1));
      const margin = (notional / lev) * (1 + random() * 0.3) + loss;
      const mmr = venue === 'generic' ? pick(['0.005', '0.0075', '0.01']) : '';
      if (isolated) rows.push(`${name},${venue},${coin}USDT,perp,${side},${qty},${entry},${mark},isolated,${round(margin, 2)},${lev},${mmr},`);
      else {
        crossMargin += margin;
        rows.push(`${name},${venue},${coin}USDT,perp,${side},${qty},${entry},${mark},cross,,${lev},${mmr},`);
      }
    }
    if (crossMargin > 0) lines.push(`${name},${venue},USDT,spot,,${round(crossMargin, 2)},,1,,,,,`);
    lines.push(...rows);
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const accounts = Number(process.argv[2] ?? 1000);
  const out = process.argv[3] ?? 'public/samples/cascade-1000.csv';
  writeFileSync(out, cascadeBookCsv(accounts));
  console.log(`${out}: ${accounts} accounts`);
}
