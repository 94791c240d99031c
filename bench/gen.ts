/**
 * `npm run gen -- --positions 100000 --accounts 10000 [--seed N] [--out FILE]`: a large realistic
 * portfolio CSV (bench/generate.ts: perps over five underlyings, cross and isolated, Binance and
 * generic accounts with USDT collateral). Writes to stdout without --out.
 */
import { writeFileSync } from 'node:fs';
import { generatePortfolioCsv } from './generate';

function flag(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const arg = argv[at]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[at + 1] ?? fallback);
}

function count(name: string, fallback: string): number {
  const text = flag(name, fallback);
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    console.error(`--${name}: expected a positive whole number, found "${text}"`);
    process.exit(2);
  }
  return Number(text);
}

const positions = count('positions', '100000');
const accounts = count('accounts', String(Math.max(1, Math.round(positions / 10))));
const seed = count('seed', '42');
const out = flag('out', '');
const csv = generatePortfolioCsv(positions, accounts, seed);
if (out) {
  writeFileSync(out, csv);
  console.error(`wrote ${positions.toLocaleString('en-US')} positions over ${accounts.toLocaleString('en-US')} accounts to ${out}`);
} else {
  process.stdout.write(csv);
}
