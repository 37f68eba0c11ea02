/** Rolling drift over the analysis grid: one entry point, two pipelines (counters, samples). */
export { rollingDrift } from './rollingDrift';
export { SortedWindow } from './sortedWindow';
export type { DriftGrid, DriftInput, RollingOptions, RollingDrift } from './types';
