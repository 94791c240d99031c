/** The float64 fast path for what-if sliders: lay out once (book.ts), evaluate per scenario (evaluate.ts). */
export { prepareFastBook, RowKind, type FastBook, type FastUnitInfo } from './book';
export { allocateFigures, compileScenario, evaluateFast, STATUS_CODES, type FastFigures, type FastScenario } from './evaluate';
