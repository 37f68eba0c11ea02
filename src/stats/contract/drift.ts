/**
 * The drift section of the engine contract: `request.drift` and `result.drift` (rolling drift of
 * histogram, sample or categorical series against a baseline; docs/engine.md, "Drift").
 *
 * The input, baseline, method and threshold shapes are defined next to the code that reads them
 * (src/stats/drift/*); this file only assembles them into the request and result sections.
 */
import type { BaselineSpec } from '../drift/baseline';
import type { DriftInput } from '../drift/rolling';
import type { DriftLevel, DriftMethod, DriftThreshold } from '../drift/thresholds';

export interface DriftSeriesRequest {
  /** Unique id; the correlation series is named `drift:<id>:<method>` (drift/seriesId.ts). */
  id: string;
  name?: string;
  /** Histogram buckets / categorical counters aligned on the analysis grid, or raw samples with timestamps. */
  input: DriftInput;
  /** Default: histogram/samples ['psi', 'ks', 'wassersteinNormalized']; categorical ['chiSquared', 'psi']. */
  methods?: DriftMethod[];
  /** Default { kind: 'preceding', factor: 4 }. */
  baseline?: BaselineSpec;
  /** Window length in ms (default 10 grid steps). */
  windowMs?: number;
  /** Per-method overrides of the default thresholds. */
  thresholds?: Partial<Record<DriftMethod, DriftThreshold>>;
  /** Baseline-quantile bins for samples (default 10). */
  bins?: number;
  /** Zero-proportion replacement for PSI/KL (default 1e-4). */
  epsilon?: number;
  /** Lower bound of the first histogram bucket (default 0 if its upper bound > 0). */
  firstLowerBound?: number;
}

export interface DriftRequest {
  series: DriftSeriesRequest[];
  /** Append each series' primary score (its first method) to the correlation input. Default false. */
  correlate?: boolean;
}

export interface DriftMethodResult {
  method: DriftMethod;
  /** Score per grid point (null = not computable). KS: D; chi-squared: X^2; JS: as named. */
  scores: Array<number | null>;
  /** p-values per grid point for KS and chi-squared. */
  pValues?: Array<number | null>;
  /** The last grid point with a score. */
  latest: { index: number; time: number; score: number; pValue: number | null; level: DriftLevel | null } | null;
  threshold: DriftThreshold | null;
}

export interface DriftSeriesResult {
  id: string;
  name: string;
  kind: DriftInput['kind'];
  windowMs: number;
  baseline: BaselineSpec;
  methods: DriftMethodResult[];
  warnings: string[];
  /** Id of the series added to the correlation input, when `correlate` is set. */
  correlationId?: string;
}

export interface DriftResult {
  series: DriftSeriesResult[];
}
