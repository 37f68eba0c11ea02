// No imports, on purpose: the page imports worthSplitting (to decide whether to start a helper worker), and
// this module must not bring the engine's kernels into the page's bundle with it.

/**
 * Multiply-adds from which a product is split (about 20 ms on one thread). WHY this floor: below it the
 * split saves less than 10 ms, less the copy and the round trip, while starting a helper worker at all
 * costs a core for its engine load (the data source benchmark's first query at 500 x 2,000, 250 M
 * multiply-adds, took 25-30 ms longer with a helper starting; later queries gained nothing).
 */
export const SPLIT_MIN_WORK = 1 << 28;

/**
 * Whether a Gram product of `rows` rows of `len` values is large enough to split: the one rule for the
 * engine's split and for the page's decision to start a helper worker at all.
 */
export function worthSplitting(rows: number, len: number): boolean {
  return (rows * (rows + 1) * len) / 2 >= SPLIT_MIN_WORK;
}
