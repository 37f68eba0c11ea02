/**
 * Largest block kept from one call to the next, in doubles (8 MiB). A larger request is allocated for the
 * call alone, so that one huge analysis does not leave its working memory held by the worker for good.
 */
const MAX_KEPT = 1 << 20;

/**
 * Working memory for one purpose, kept from one call to the next. WHY: a compare of 300 signals at 1,440
 * points fills two blocks of 3.5 MB (every incident slice's residuals and centred copy) that live only
 * while it runs; a fresh typed array each time is zeroed memory outside the JavaScript heap, and
 * allocating it cost a millisecond or two per compare and drove the garbage collector. The engine runs
 * one analysis at a time on its thread, and each owner of a block takes it once per call.
 *
 * @example const work = new WorkBlock(); const a = work.take(1440); // a's values are left from before
 */
export class WorkBlock {
  private block: Float64Array<ArrayBuffer> = new Float64Array(0);

  /** n doubles, holding whatever the last caller left there; valid until the next `take`. */
  take(n: number): Float64Array<ArrayBuffer> {
    if (n > MAX_KEPT) {
      return new Float64Array(n);
    }
    if (this.block.length < n) {
      this.block = new Float64Array(n);
    }
    return this.block.subarray(0, n);
  }
}
