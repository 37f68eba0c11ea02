/** Shapes shared by the rolling-drift pipelines: the grid, the inputs and the options. */
import type { BaselineSpec, ResolvedStatic } from '../baseline';
import type { CounterMode } from '../histogram';
import type { DriftSeriesOutput, ScoreOptions } from '../score';
import type { DriftMethod } from '../thresholds';
import type { BucketGeometryOptions } from '../wasserstein';

export interface DriftGrid {
  start: number;
  stepMs: number;
  length: number;
}

export type DriftInput =
  /** Prometheus `_bucket` series, one per `le`, each aligned on the grid. */
  | { kind: 'histogram'; le: Array<number | string>; buckets: Array<ArrayLike<number | null>>; mode?: CounterMode }
  /** Per-category counters (e.g. predicted class counts), each aligned on the grid. */
  | { kind: 'categorical'; categories: string[]; counters: Array<ArrayLike<number | null>>; mode?: CounterMode }
  /** Raw observations with their own timestamps (ms). */
  | { kind: 'samples'; timestamps: ArrayLike<number>; values: ArrayLike<number> };

export interface RollingOptions extends ScoreOptions, BucketGeometryOptions {
  /** Window length w in ms. */
  windowMs: number;
  baseline: BaselineSpec;
  methods: readonly DriftMethod[];
  /** Default true; false recomputes each window from scratch (benchmark / oracle). */
  incremental?: boolean;
}

export interface RollingDrift extends DriftSeriesOutput {
  warnings: string[];
}

/** What rollingDrift hands to a pipeline besides its input: the static baseline if any, the scores to fill, the warnings. */
export interface PipelineRun {
  grid: DriftGrid;
  options: RollingOptions;
  stat: ResolvedStatic | null;
  out: DriftSeriesOutput;
  warnings: string[];
}
