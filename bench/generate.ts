/** Deterministic synthetic books for benchmarks: a seeded PRNG, realistic leverage and venue mix. */
const UNDERLYINGS: Array<[string, number]> = [['BTC', 63000], ['ETH', 3400], ['SOL', 140], ['BNB', 580], ['XRP', 0.55]];

/** The one seeded PRNG of the benchmarks and sample generators (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** CSV text with `positions` perp rows spread over `accounts` accounts, each with USDT collateral. */
export function generatePortfolioCsv(positions: number, accounts: number, seed = 42): string {
  const random = mulberry32(seed);
  const lines = ['account,venue,symbol,side,qty,entry_price,mark_price,margin_mode,isolated_margin,leverage'];
  for (let a = 0; a < accounts; a++) lines.push(`acct${a},${a % 2 ? 'binance' : 'generic'},USDT,,${(20000 + random() * 200000).toFixed(2)},,1,,,`);
  for (let i = 0; i < positions; i++) {
    const a = i % accounts;
    const [asset, price] = UNDERLYINGS[Math.floor(random() * UNDERLYINGS.length)]!;
    const mark = price * (0.9 + random() * 0.2);
    const entry = mark * (0.9 + random() * 0.2);
    const leverage = [2, 5, 10, 20, 50][Math.floor(random() * 5)]!;
    const notional = 1000 + random() * 50000;
    const qty = (notional / mark).toPrecision(6);
    const isolated = random() < 0.2;
    const margin = isolated ? (notional / leverage).toFixed(2) : '';
    lines.push(`acct${a},${a % 2 ? 'binance' : 'generic'},${asset}USDT,${random() < 0.5 ? 'long' : 'short'},${qty},${entry.toPrecision(8)},${mark.toPrecision(8)},${isolated ? 'isolated' : 'cross'},${margin},${leverage}`);
  }
  return `${lines.join('\n')}\n`;
}
