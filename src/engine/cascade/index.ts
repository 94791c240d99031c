export { cascadeBookOf, prepareCascadeBook, servesCascade, type CascadeBook } from './book';
export { runCascade, type CascadeOutcome, type CascadeRequest } from './run';
export { equityOf, marksOf, settleUnits, type RunState } from './state';
export * from './types';
