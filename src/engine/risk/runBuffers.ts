import { allocateBlock, type PathBlock } from './pathBlock';
import { createTopK, type TopK } from './topK';

/**
 * The big working buffers of a run — a block of paths, the per-unit and per-underlying worst
 * values — handed from a finished run to the next run of the same shape. A preview re-runs on every
 * slider step: fresh megabytes each time would be garbage for a heap that also holds the whole
 * book, and a full collection of that heap costs more than the run. Only a finished run gives its
 * buffers back (finish.ts), so two live runs never share one.
 */
export interface RunBuffers {
  key: string;
  block: PathBlock;
  unitWorst: TopK;
  lows: TopK;
  highs: TopK;
}

/** The last few shapes given back (a preview's and a full run's, say). */
const free: RunBuffers[] = [];
const KEEP = 2;

export function takeBuffers(underlyings: number, factors: number, pathUnits: number, k: number): RunBuffers {
  const key = `${underlyings}|${factors}|${pathUnits}|${k}`;
  const at = free.findIndex((b) => b.key === key);
  if (at < 0) {
    return { key, block: allocateBlock(underlyings, factors, pathUnits), unitWorst: createTopK(pathUnits, k), lows: createTopK(underlyings, k), highs: createTopK(underlyings, k) };
  }
  const found = free.splice(at, 1)[0]!;
  // the block needs no reset (simulateBlock sets up each block); the stores start empty
  for (const top of [found.unitWorst, found.lows, found.highs]) {
    top.size.fill(0);
    top.cut.fill(-Infinity);
  }
  return found;
}

export function giveBack(buffers: RunBuffers): void {
  free.unshift(buffers);
  if (free.length > KEEP) free.pop();
}
