import type { StressPreset } from '../stress';

/**
 * Historical crashes as data. Moves are cumulative fractions from the start of the window, given at
 * reported points (hour, move) per asset or family (BTC, ETH, ALTS = every other non-stable asset,
 * STABLE = every stablecoin, or a named asset); between points the path is linear, stepped every
 * `stepHours`. Where a source gives only a low and a close, the points say so in `notes`.
 */
export const CRASH_PRESETS: readonly StressPreset[] = [
  {
    id: 'black-thursday-2020',
    name: 'Black Thursday',
    date: '2020-03-12',
    start: '2020-03-12T10:00:00Z',
    stepHours: 1,
    hours: 24,
    summary: 'COVID sell-off: BTC from about $7,300 to $3,900 in two legs, then back to about $5,500 the next day',
    moves: [
      // 7,300 → 5,690 (10:00–11:00 UTC); about 5,800 until 23:00; → 3,900 by 02:15; about 5,500 later on the 13th
      { key: 'BTC', points: [[0, '0'], [1, '-0.221'], [13, '-0.205'], [16, '-0.466'], [24, '-0.247']] },
      { key: 'ETH', points: [[0, '0'], [1, '-0.25'], [13, '-0.24'], [16, '-0.54'], [24, '-0.32']] },
      { key: 'ALTS', points: [[0, '0'], [1, '-0.26'], [13, '-0.25'], [16, '-0.55'], [24, '-0.33']] },
    ],
    sources: [
      { title: 'BTCMEX: Black Thursday, what actually happened to Bitcoin', url: 'https://blog.btcmex.com/black-thursday-what-actually-happened-to-bitcoin/', says: 'first leg 10:00–11:00 UTC from $7,300 to $5,690; second 23:00–02:15 UTC from $5,800 to $3,900; altcoins fell more' },
      { title: 'CryptoGlobe: over $1.6 billion liquidated on BitMEX', url: 'https://cryptoglobe.com/latest/2020/03/bitcoins-crash-led-to-over-1-6-billion-in-liquidations-on-bitmex', says: 'low of $4,100 at 02:00 UTC, recovering to over $5,500' },
      { title: 'Blankvar: the 3·12 black swan timeline', url: 'https://api.blankvar.com/en/p/1gx7bf', says: 'ETH fell to around $90' },
    ],
    notes: ['ETH and other assets are scaled from the reported ETH low (about −54% from about $195); their hourly shape follows BTC (assumption)'],
  },
  {
    id: 'may-19-2021',
    name: 'May 19, 2021 sell-off',
    date: '2021-05-19',
    start: '2021-05-19T00:00:00Z',
    stepHours: 1,
    hours: 24,
    summary: 'China warning and Tesla reversal: BTC about −30% intraday from $43,000, ETH about −46%, closing well off the lows',
    moves: [
      { key: 'BTC', points: [[0, '0'], [10, '-0.07'], [14, '-0.30'], [24, '-0.186']] },
      { key: 'ETH', points: [[0, '0'], [10, '-0.12'], [14, '-0.46'], [24, '-0.29']] },
      { key: 'ALTS', points: [[0, '0'], [10, '-0.12'], [14, '-0.40'], [24, '-0.25']] },
    ],
    sources: [
      { title: 'MTWWR: Bitcoin plunges to $30,000 amid 30% 24-hour crash', url: 'https://www.mtwwr.com/2914.html', says: 'BTC from above $40,000 to near $30,000, rebounding to about $35,000; ETH down nearly 46% to about $1,900, back toward $2,500' },
      { title: 'IKA blog: the 519 correction', url: 'https://ikablog.com/7459.html', says: 'BTC from $43,000 to a low of $29,000–30,000 within hours' },
      { title: 'Open-lib: overnight crash', url: 'https://www.open-lib.com/1941.html', says: 'DOGE lost 40%' },
    ],
    notes: ['the hour of the low (14:00 UTC) and of breaking $40,000 (10:00 UTC) are approximate; altcoins use the reported DOGE fall'],
  },
  {
    id: 'luna-2022-05',
    name: 'LUNA / UST collapse',
    date: '2022-05-12',
    start: '2022-05-08T00:00:00Z',
    stepHours: 24,
    hours: 168,
    summary: 'UST lost its peg and LUNA went to zero; BTC hit $25,400 on May 12 (−28%), USDT traded at $0.94 on some venues',
    moves: [
      { key: 'BTC', points: [[0, '0'], [96, '-0.28'], [168, '-0.165']] },
      { key: 'ETH', points: [[0, '0'], [96, '-0.27'], [168, '-0.21']] },
      { key: 'ALTS', points: [[0, '0'], [96, '-0.33'], [168, '-0.27']] },
      { key: 'LUNA', points: [[0, '0'], [72, '-0.9'], [120, '-0.9999'], [168, '-0.9999']] },
      { key: 'USDT', points: [[0, '0'], [96, '-0.06'], [120, '0'], [168, '0']] },
    ],
    sources: [
      { title: 'Binaryoptions.net: Luna sends shockwaves across the crypto market', url: 'https://binaryoptions.net/blockchain-bloodshed-luna-sends-shockwaves-across-the-crypto-market', says: 'BTC low $25,401 on May 12; USDT as low as $0.94 on some exchanges' },
      { title: 'CryptoXAll weekly analysis, May 9–15 2022', url: 'https://cryptoxall.com/wma-a-crypto-bloodbath-amid-bitcoins-dip-below-30k-and-lunas-historic-disaster/5010/', says: 'week: BTC about −15% to $29,670, ETH about −21%, XRP about −27%' },
      { title: 'City A.M.: crypto crash', url: 'https://www.cityam.com/crypto-crash-gains-wiped-out-as-host-of-coins-collapse/', says: 'ETH just above $2,000 from $2,750 a week before; LUNA lost more than 99% in a week' },
      { title: 'Cryptobreak: losses of the Bitcoin collapse', url: 'https://cryptobreak.org/2022/05/how-much-money-have-crypto-investors-and-traders-lost-because-of-the-current-bitcoin-collapse', says: 'BTC from $35,500 (May 8) to $30,100 (May 14)' },
    ],
    notes: ['daily steps; the USDT dip was on some venues only and brief'],
  },
  {
    id: 'ftx-2022-11',
    name: 'FTX collapse',
    date: '2022-11-09',
    start: '2022-11-07T00:00:00Z',
    stepHours: 24,
    hours: 168,
    summary: 'FTX run and bankruptcy: BTC −18% in two days and −22% on the week, ETH −25%, SOL −60%, FTT −85%',
    moves: [
      { key: 'BTC', points: [[0, '0'], [48, '-0.18'], [96, '-0.2'], [168, '-0.224']] },
      { key: 'ETH', points: [[0, '0'], [48, '-0.25'], [168, '-0.244']] },
      { key: 'SOL', points: [[0, '0'], [48, '-0.5'], [168, '-0.616']] },
      { key: 'FTT', points: [[0, '0'], [48, '-0.84'], [168, '-0.85']] },
      { key: 'ALTS', points: [[0, '0'], [48, '-0.25'], [168, '-0.25']] },
    ],
    sources: [
      { title: 'Globe Live Media: Bitcoin fell 18% in two days and Ethereum 25%', url: 'https://globelivemedia.com/crypto/the-cryptocurrency-market-collapses-bitcoin-fell-18-in-two-days-and-ethereum-25/', says: 'BTC −18%, ETH −25% since Tuesday; XRP, ADA, MATIC, DOT −15 to −35%; SOL −50% in 36 hours; FTT $22 → $3.50' },
      { title: 'The Financial Trends: FTX contagion begins to spread', url: 'https://thefinancialtrends.com/2022/11/15/ftx-contagion-begins-to-spread', says: 'week: BTC −22.4%, ETH −24.4%, SOL −61.6%' },
    ],
    notes: ['daily steps; altcoins take the middle of the reported −15% to −35%'],
  },
  {
    id: 'oct-10-2025',
    name: '10/10 liquidation cascade',
    date: '2025-10-10',
    start: '2025-10-10T20:00:00Z',
    stepHours: 1,
    hours: 24,
    summary: 'Tariff shock and the largest liquidation day on record ($19bn): BTC −16.9% in three hours, SOL −30%, altcoins about −40%, then a partial rebound',
    moves: [
      { key: 'BTC', points: [[0, '0'], [1, '-0.06'], [3, '-0.169'], [6, '-0.10'], [24, '-0.078']] },
      { key: 'ETH', points: [[0, '0'], [1, '-0.07'], [3, '-0.178'], [6, '-0.12'], [24, '-0.126']] },
      { key: 'SOL', points: [[0, '0'], [1, '-0.1'], [3, '-0.30'], [6, '-0.2'], [24, '-0.2']] },
      { key: 'ALTS', points: [[0, '0'], [1, '-0.12'], [3, '-0.40'], [6, '-0.25'], [24, '-0.25']] },
    ],
    sources: [
      { title: 'Blockscope research: the crypto apocalypse of October 10', url: 'https://research.blockscope.co/the-october-crash', says: 'within three hours BTC $123,000 → $102,000 (−16.9%), ETH $4,346 → $3,574 (−17.8%), SOL −30%, an altcoin index near −40%' },
      { title: 'IG currency news: flash crash', url: 'https://igcurrencynews.com/?p=29182', says: 'BTC rebounded to about $112,500; ETH stabilised above $3,800' },
    ],
    notes: ['the rebound points at hours 6 and 24 for SOL and altcoins are estimates (sources give only the low)'],
  },
  {
    id: 'usdc-depeg-2023-03',
    name: 'USDC depeg (SVB)',
    date: '2023-03-11',
    start: '2023-03-10T18:00:00Z',
    stepHours: 1,
    hours: 60,
    summary: 'Circle had $3.3bn of reserves at Silicon Valley Bank: USDC fell to $0.88, DAI to about $0.90, and recovered after the Fed/FDIC backstop',
    moves: [
      { key: 'USDC', points: [[0, '0'], [12, '-0.12'], [18, '-0.10'], [48, '-0.03'], [60, '0']] },
      { key: 'DAI', points: [[0, '0'], [12, '-0.10'], [18, '-0.08'], [48, '-0.03'], [60, '0']] },
    ],
    sources: [
      { title: 'The Block: USDC remains at about $0.90', url: 'https://www.theblock.co/post/218993/usdc-and-dai-remain-at-about-0-90-following-circles-disclosure-of-funds-at-svb', says: 'USDC and DAI as low as $0.88 overnight, then $0.90 and $0.92' },
      { title: 'CNN via KTVZ: USDC breaks its dollar peg', url: 'https://ktvz.com/money/cnn-business-consumer/2023/03/11/stablecoin-usdc-breaks-dollar-peg-after-revealing-3-3-billion-silicon-valley-bank-exposure/', says: 'as low as $0.88 early Saturday (CoinGecko)' },
    ],
    notes: ['only the named stablecoins move; the recovery times (Sunday–Monday) are approximate'],
  },
];
