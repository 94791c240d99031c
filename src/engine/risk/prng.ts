/**
 * Seeded random numbers for Monte Carlo. Statistics run in float64 (house rule: scenarios and
 * statistics may; money figures may not).
 *
 * xoshiro128** (Blackman & Vigna, https://prng.di.unimi.it/) on 32-bit integers, which JavaScript
 * does natively with Math.imul; its state is filled by splitmix32 from (seed, path index), so every
 * path has its own stream: a run split into chunks draws exactly what a one-shot run draws.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export interface Rng {
  /** uniform in [0, 1) with 32 random bits */
  next(): number;
  /** standard normal N(0, 1) */
  normal(): number;
}

const TWO_POW_32 = 4294967296;

export function createRng(seed: number, stream = 0): Rng {
  // mix the stream index in through splitmix so that neighbouring paths are unrelated
  const init = splitmix32((seed >>> 0) ^ Math.imul(stream >>> 0, 0x9e3779b1));
  let a = init(), b = init(), c = init(), d = init();
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is the one xoshiro cannot leave
  let spare = 0;
  let hasSpare = false;
  const nextUint = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = () => nextUint() / TWO_POW_32;
  return {
    next,
    normal() {
      // Marsaglia's polar method (Knuth, TAOCP vol. 2, §3.4.1, Algorithm P): a point uniform in the
      // unit disc gives two independent normals with one log and one square root, no sine or cosine
      // (the hot loop draws one normal per underlying per step); the second is kept for the next call
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      hasSpare = true;
      return u * f;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
