/**
 * Warnings of the engine contract: analyze() never throws; everything it could not do, dropped or
 * changed is reported as a coded warning in `result.warnings`.
 */

export type WarningCode =
  | 'INVALID_REQUEST'
  | 'UNSUPPORTED_VERSION'
  | 'NO_SERIES'
  | 'DUPLICATE_SERIES_ID'
  | 'EMPTY_SERIES'
  | 'ALL_MISSING'
  | 'NON_FINITE_VALUES'
  | 'NON_FINITE_TIMESTAMPS'
  | 'LENGTH_MISMATCH'
  | 'UNSORTED_TIMESTAMPS'
  | 'DUPLICATE_TIMESTAMPS'
  | 'STEP_INFERRED'
  | 'STEP_UNKNOWN'
  | 'CONSTANT_SERIES'
  | 'TOO_FEW_POINTS'
  | 'LOG_NONPOSITIVE'
  | 'COUNTER_RESET'
  | 'UNKNOWN_SERIES'
  | 'UNKNOWN_OPTION'
  | 'LIMIT_EXCEEDED'
  | 'SINGULAR_CONTROLS'
  | 'EFFECTIVE_N_SMALL'
  | 'MISSING_IN_LAGS'
  /** The WebAssembly kernel was wanted but is unavailable: the JS kernel gave the same numbers, slower. */
  | 'KERNEL_FALLBACK'
  /** The compare section's windows: outside the data, overlapping, empty or too short. */
  | 'COMPARE_WINDOW'
  | 'CANCELLED'
  | 'INTERNAL_ERROR';

export interface EngineWarning {
  code: WarningCode;
  message: string;
  /** Series id the warning is about, when it is about one series. */
  series?: string;
}
