/**
 * Seeded random numbers for Monte Carlo. Statistics run in float64 (house rule: scenarios and
 * statistics may; money figures may not).
 *
 * xoshiro128** (Blackman & Vigna, https://prng.di.unimi.it/) on 32-bit integers, which JavaScript
 * does natively with Math.imul; its state is filled by splitmix32 from (seed, path index), so every
 * path has its own stream: a run split into chunks draws exactly what a one-shot run draws.
 *
 * The states of many streams sit in one Int32Array (NormalStreams: one slot per path of a block).
 * A stream's draws run on local integers and are written back once per call: a state kept in
 * closure variables would box every new 32-bit value outside the small-integer range into a heap
 * number, millions per run, and the collector would spend more time than the draws.
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

const TWO_POW_32 = 4294967296;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Standard normal draws from many seeded streams, one slot each. */
export class NormalStreams {
  private readonly state: Int32Array;
  private readonly spare: Float64Array;
  private readonly hasSpare: Uint8Array;

  constructor(slots: number) {
    this.state = new Int32Array(4 * slots);
    this.spare = new Float64Array(slots);
    this.hasSpare = new Uint8Array(slots);
  }

  /** Slot starts stream `stream` of `seed`. */
  seed(slot: number, seed: number, stream = 0): void {
    // mix the stream index in through splitmix so that neighbouring paths are unrelated
    const init = splitmix32((seed >>> 0) ^ Math.imul(stream >>> 0, 0x9e3779b1));
    const a = init(), b = init(), c = init(), d = init();
    const o = 4 * slot;
    this.state[o] = (a | b | c | d) === 0 ? 1 : a; // the all-zero state is the one xoshiro cannot leave
    this.state[o + 1] = b;
    this.state[o + 2] = c;
    this.state[o + 3] = d;
    this.hasSpare[slot] = 0;
  }

  /** Next uniform in [0, 1) with 32 random bits of slot's stream. */
  uniform(slot: number): number {
    const o = 4 * slot;
    let a = this.state[o]!, b = this.state[o + 1]!, c = this.state[o + 2]!, d = this.state[o + 3]!;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    this.state[o] = a;
    this.state[o + 1] = b;
    this.state[o + 2] = c;
    this.state[o + 3] = d;
    return result / TWO_POW_32;
  }

  /** Writes `count` standard normals of slot's stream to out[from], out[from + stride], ... */
  normals(slot: number, out: Float64Array, from: number, stride: number, count: number): void {
    const o = 4 * slot;
    let a = this.state[o]!, b = this.state[o + 1]!, c = this.state[o + 2]!, d = this.state[o + 3]!;
    let has = this.hasSpare[slot] === 1;
    let spare = this.spare[slot]!;
    for (let f = 0; f < count; f++) {
      if (has) {
        has = false;
        out[from + f * stride] = spare;
        continue;
      }
      // Marsaglia's polar method (Knuth, TAOCP vol. 2, §3.4.1, Algorithm P): a point uniform in the
      // unit disc gives two independent normals with one log and one square root, no sine or
      // cosine; the second is kept for the next draw. Each uniform is xoshiro128** written out.
      let u: number;
      let v: number;
      let s: number;
      do {
        let r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        let t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = rotl(d, 11);
        u = 2 * (r / TWO_POW_32) - 1;
        r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = rotl(d, 11);
        v = 2 * (r / TWO_POW_32) - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const k = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * k;
      has = true;
      out[from + f * stride] = u * k;
    }
    this.state[o] = a;
    this.state[o + 1] = b;
    this.state[o + 2] = c;
    this.state[o + 3] = d;
    this.hasSpare[slot] = has ? 1 : 0;
    this.spare[slot] = spare;
  }
}

export interface Rng {
  /** uniform in [0, 1) with 32 random bits */
  next(): number;
  /** standard normal N(0, 1) */
  normal(): number;
}

/** One stream on its own (tests, small uses): the draws a NormalStreams slot seeded alike gives. */
export function createRng(seed: number, stream = 0): Rng {
  const streams = new NormalStreams(1);
  streams.seed(0, seed, stream);
  const one = new Float64Array(1);
  return {
    next: () => streams.uniform(0),
    normal() {
      streams.normals(0, one, 0, 1, 1);
      return one[0]!;
    },
  };
}
