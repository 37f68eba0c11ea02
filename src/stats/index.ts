/**
 * Public surface of the statistics engine (pure TypeScript; safe in a Web Worker, Node and tests).
 * Code outside src/stats imports the engine from here only (an ESLint fence enforces it), so the
 * modules behind it can move without breaking the data source, the worker, the panels or the CLI.
 *
 * src/stats/package.json declares the engine free of side effects: a bundle that imports a helper
 * from here (e.g. finiteOrNull in a panel) then gets that helper only, not analyze() and everything
 * behind it; the engine itself reaches the page only in the worker and the lazy `engine` chunk.
 */

// The entry point and its contract.
export { analyze, analyzeSplit } from './analyze';
// A large correlation matrix shared with a second worker: what that worker runs, and how it is reached.
export { gramBlock, type GramBlockJob, type GramBlockResult, type GramHelper } from './correlation/gramSplit';
export { worthSplitting } from './correlation/splitFloor';
export * from './contract';
export { pairStats, type PairStats } from './pairStats';
// The result's N x N matrices (Float64Array) and their reasons (Uint8Array of codes): where they are, and
// the result as JSON (arrays with null; arrays of reason strings and null).
export {
  MATRIX_FIELDS,
  REASON_FIELDS,
  matrixEntries,
  reasonEntries,
  type MatrixEntry,
  type ReasonEntry,
  type WithMatrices,
} from './contract/matrices';
export { resultToJson, type AnalyzeResultJson, type Json } from './resultToJson';
// A reason matrix's code table, and reading and writing its cells.
export { REASON_CODES, reasonAt, reasonCodeOf, reasonList } from './contract/cells';

// Lags: the sign convention and reading a pair the other way round.
export { LAG_CONVENTION, reverseLag, reverseCurve, lagAsAsked, alignmentShift } from './lags/convention';
// Lags: the one rule for saying who leads (panels, drill-down, CLI, incident verdicts).
export {
  leadDecision,
  leadStatement,
  pairLeadStatement,
  type LeadDecision,
  type LeadKind,
  type LeadOptions,
  type LeadPair,
  type LeadStatement,
} from './lags/leadStatement';
// The numbers in that sentence; the panels print their tables and axes with the same formats.
export { durationText, pText, pValueText, rText } from './lags/leadWords';

// Missing values: NaN inside the engine, null in JSON and frames.
export { finiteOrNull, numberOrNaN, toFloat64, copyToFloat64, toJsonArray } from './util/missing';

// Transforms the panels draw with.
export { zScore, type ZScoreOptions } from './transforms/zScore';

// Drift: what the data source needs to build drift requests and their baselines.
export {
  baselineRange,
  DAY_MS,
  DEFAULT_PRECEDING_FACTOR,
  type BaselineSpec,
  type StaticDistribution,
} from './drift/baseline';
export { leBound, parseLe, type CounterMode } from './drift/histogram';
export {
  DEFAULT_THRESHOLDS,
  DRIFT_METHODS,
  driftLevel,
  type DriftLevel,
  type DriftMethod,
  type DriftThreshold,
} from './drift/thresholds';
export { driftSeriesId, driftSeriesName, isDriftSeriesId } from './drift/seriesId';
export { rollingDrift, type DriftGrid, type DriftInput, type RollingOptions, type RollingDrift } from './drift/rolling';
