/** The sliding windows of the samples pipeline: a sorted multiset and a time window kept over it. */
import { lowerBound, upperBound } from '../../util/sortedSearch';

/** Sorted multiset over a Float64Array with binary insertion/removal (memmove-cheap for window sizes). */
export class SortedWindow {
  private buf: Float64Array;
  size = 0;

  constructor(capacity = 64) {
    this.buf = new Float64Array(Math.max(1, capacity));
  }

  insert(x: number): void {
    if (this.size === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    const at = upperBound(this.buf, x, 0, this.size);
    this.buf.copyWithin(at + 1, at, this.size);
    this.buf[at] = x;
    this.size++;
  }

  remove(x: number): void {
    const at = lowerBound(this.buf, x, 0, this.size);
    if (at < this.size && this.buf[at] === x) {
      this.buf.copyWithin(at, at + 1, this.size);
      this.size--;
    }
  }

  /** Ascending view of the current content (valid until the next insert/remove). */
  view(): Float64Array {
    return this.buf.subarray(0, this.size);
  }
}

/**
 * Keeps a SortedWindow equal to the observations with time in (from, to] as from/to only increase.
 * Observations must be sorted by time.
 */
export class TimeWindow {
  readonly win = new SortedWindow();
  private lo = 0;
  private hi = 0;

  constructor(
    private readonly times: Float64Array,
    private readonly values: Float64Array
  ) {}

  advance(from: number, to: number): Float64Array {
    while (this.hi < this.times.length && this.times[this.hi] <= to) {
      this.win.insert(this.values[this.hi++]);
    }
    while (this.lo < this.hi && this.times[this.lo] <= from) {
      this.win.remove(this.values[this.lo++]);
    }
    return this.win.view();
  }
}
