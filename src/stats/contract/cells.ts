/**
 * The cell types every section of the result shares (matrices, their reasons). Their own file so that
 * result.ts and the sections it assembles (compare.ts) import them without importing each other.
 */

/** Why a cell has no number. */
export type ReasonCode =
  | 'constant'
  | 'too_few_points'
  | 'insufficient_overlap'
  | 'effective_n_too_small'
  | 'singular'
  /** The data's magnitude is beyond what double precision can square (overflow or underflow). */
  | 'numeric_range'
  /** Not computed: a limit (e.g. limits.maxLagPairs) left this pair out; the LIMIT_EXCEEDED warning says by what rule. */
  | 'skipped';

/**
 * Matrices are flat, row-major, N*N: cell (i, j) is at index i*N + j, following `ids`. A cell without a
 * number is NaN (never +-Infinity); in JSON it is null.
 * WHY a typed array: at 1000 signals a result holds eight of them (8 million cells). As arrays of numbers
 * and nulls they cost a boxed number per cell, ~0.3 s to build and most of the garbage collection of a
 * run; as Float64Arrays they are written in place by the stages and move to the page without a copy.
 */
export type FlatMatrix = Float64Array;
