import { gramMatrixOf, rejectedProduct, type GramOutcome } from './gramMatrix';
import { WasmGram } from './gramMatrixWasm';
import { rowsOf, type GramRequest } from './gramRequest';
import { worthSplitting } from './splitFloor';
import { gramKernel, type GramKernel } from './wasm/gramKernel';

/**
 * What a second thread computes for a split Gram product: the Gram matrix of `count` rows of `len`
 * values (row-major in `rows`), the later stretch of time of rows already centred and scaled. `into`,
 * when given and large enough, receives the matrix: the buffer of the previous answer, sent back.
 */
export interface GramBlockJob {
  rows: Float64Array;
  count: number;
  len: number;
  into?: Float64Array;
}

/** The helper's answer, with the job's rows buffer handed back for the next job. */
export interface GramBlockResult {
  /** The count*count matrix's upper triangle (i <= j), row-major; the lower triangle is unspecified. */
  gram: Float64Array;
  rows: Float64Array;
  /** Milliseconds the helper spent on the job, by its own clock (the next split's share is balanced by it). */
  ms: number;
}

/**
 * Another thread that runs `gramBlock` (the worker layer implements it over a MessagePort, the benchmark
 * over a Node worker thread), transferring the buffers both ways. The promise rejects when that thread
 * fails or is lost.
 */
export interface GramHelper {
  gram(job: GramBlockJob): Promise<GramBlockResult>;
}

/**
 * The helper's share of the time steps in its first split. WHY less than half: the helper also copies its
 * rows into its kernel's memory and its matrix out, and the messages take their turn (bench, 500 x 10,080
 * and 1000 x 2,000: at 0.45 the helper's answer arrives a few milliseconds before this thread's half ends).
 */
const FIRST_HELPER_SHARE = 0.45;
/**
 * Bounds of a learnt share: a helper slowed for a moment (a busy core) must not leave this thread all the
 * work for good, nor a helper that looked fast once take most of it.
 */
const MIN_HELPER_SHARE = 0.25;
const MAX_HELPER_SHARE = 0.6;
/** Milliseconds a message takes each way, allowed for when balancing (a transfer moves no bytes). */
const MESSAGE_MS = 0.5;

/** Each helper's share of its next split, learnt from its last one (balancedShare). */
const shares = new WeakMap<GramHelper, number>();

/**
 * The helper's share for the next split: the one at which, at the speeds each thread showed in this split
 * (`mineMs` for this thread's 1 − share of the steps, `helperMs` for the helper's share), both would have
 * finished together, averaged with the share used (one split's timings are noisy), within the bounds.
 * WHY learnt: the two threads run at the speed their cores give them (another tab, a hyperthread
 * sibling, a slower core), and a fixed share leaves one waiting for the other.
 */
export function balancedShare(share: number, mineMs: number, helperMs: number): number {
  const mineRate = mineMs / (1 - share);
  const helperRate = (helperMs + 2 * MESSAGE_MS) / share;
  const balanced = mineRate / (mineRate + helperRate);
  if (!Number.isFinite(balanced)) {
    return share;
  }
  return Math.min(MAX_HELPER_SHARE, Math.max(MIN_HELPER_SHARE, (share + balanced) / 2));
}

/**
 * The count*count Gram matrix of a job's rows, on the thread that runs it (the helper's side), with that
 * thread's kernel. (A kernel instance holds one product at a time: tests that play the helper on the same
 * thread pass an instance of their own.)
 */
export function gramBlock(job: GramBlockJob, kernel: GramKernel = gramKernel()): GramBlockResult {
  const { rows, count, len } = job;
  const started = performance.now();
  if (!kernel.exports) {
    throw new Error(`no WebAssembly kernel in the helper: ${kernel.unavailable}`);
  }
  const gram = WasmGram.open(kernel.exports, count, len);
  if (!gram) {
    throw new Error(`the helper's WebAssembly memory cannot hold ${count} series of ${len} points`);
  }
  const writeRow = rowsOf(rows, len);
  for (let i = 0; i < count; i++) {
    gram.setRow(i, writeRow);
  }
  gram.run();
  if (job.into && job.into.buffer.byteLength >= count * count * 8) {
    const out = reuse(job.into, count * count);
    gram.upperInto(out);
    return { gram: out, rows, ms: performance.now() - started };
  }
  // A new array is written whole (mirrored), so that every page of it is in memory when it is sent: the
  // other thread may keep it as its product (gramMatrixSplit).
  const out = new Float64Array(count * count);
  gram.finishInto(out, false);
  return { gram: out, rows, ms: performance.now() - started };
}

/**
 * The buffers that last went to the helper and came back, kept for the next split product. WHY: a fresh
 * buffer of tens of megabytes costs its page faults and a garbage collection on both threads each time;
 * dashboards repeat analyses of the same size, so one pair of buffers, passed back and forth, serves them.
 * The matrix comes back only when the caller gave its own `out`; otherwise the answer became the product,
 * and the helper writes the next one into a new array.
 */
const spare: { rows?: Float64Array; gram?: Float64Array } = {};

/**
 * `length` values over `buffer`'s memory when it is large enough (contents undefined), else a new array
 * over room for `capacity` values.
 */
function reuse(buffer: Float64Array | undefined, length: number, capacity = length): Float64Array {
  return buffer && buffer.buffer.byteLength >= length * 8
    ? new Float64Array(buffer.buffer, 0, length)
    : new Float64Array(new ArrayBuffer(Math.max(length, capacity) * 8), 0, length);
}

/**
 * gramMatrixOf with time cut in two: this thread sums the earlier time steps while a helper thread sums
 * the later ones, and the two matrices are added. WHY cut time, not rows: each thread then needs only its
 * part of every row (less than half the data crosses between threads) and the multiply-adds divide in
 * proportion (the helper's share, balancedShare), where a cut between rows would send the helper about 70 % of the rows.
 * The sums are associated differently from one thread's, so the two agree to rounding (1e-15), not bit
 * for bit. Anything that stops the split (a product too small to gain, no WebAssembly, memory that cannot
 * grow) leaves the product to this thread; a helper that fails costs the time of computing it all here
 * again, never the answer.
 */
export async function gramMatrixSplit(request: GramRequest, helper: GramHelper): Promise<GramOutcome> {
  const { rows, len, writeRow, rowSum, checkpoint } = request;
  const kernel = gramKernel();
  const share = shares.get(helper) ?? FIRST_HELPER_SHARE;
  const mine = Math.round((len * (1 - share)) / 2) * 2;
  const worth = worthSplitting(rows, len) && mine > 0 && mine < len;
  const gram = worth && kernel.exports ? WasmGram.open(kernel.exports, rows, mine, len) : null;
  if (!gram || !kernel.name) {
    return gramMatrixOf(request);
  }
  const rest = len - mine;
  // Room for the largest share the helper may learn, so that a share that moves keeps the same buffer.
  const rowsRoom = rows * (Math.ceil(len * MAX_HELPER_SHARE) + 2);
  const job: GramBlockJob = {
    rows: reuse(spare.rows, rows * rest, rowsRoom),
    count: rows,
    len: rest,
    into: spare.gram,
  };
  // Both buffers go to the helper (transferred, so no longer usable here) and come back with its answer.
  spare.rows = spare.gram = undefined;
  for (let i = 0; i < rows; i++) {
    const sum = rowSum?.(i);
    if (Number.isNaN(sum)) {
      spare.rows = job.rows;
      spare.gram = job.into;
      return rejectedProduct(request.out ?? new Float64Array(0));
    }
    const row = gram.setRow(i, writeRow, sum);
    job.rows.set(row.subarray(mine), i * rest);
  }
  let asked: Promise<GramBlockResult | null>;
  try {
    // A failed helper is a null matrix, never an unhandled rejection.
    asked = helper.gram(job).catch(() => null);
  } catch {
    asked = Promise.resolve(null);
  }
  const running = performance.now();
  request.alongside?.();
  gram.run(checkpoint);
  const mineMs = performance.now() - running;
  const other = await asked;
  if (!other || other.gram.length !== rows * rows) {
    return gramMatrixOf({ ...request, alongside: undefined });
  }
  shares.set(helper, balancedShare((len - mine) / len, mineMs, other.ms));
  gram.add(other.gram);
  // Without an `out`, the helper's answer holds the product: its pages are in memory already.
  const product = request.out ?? other.gram;
  gram.finishInto(product, rowSum !== undefined);
  spare.rows = other.rows;
  spare.gram = request.out ? other.gram : undefined;
  return { kernel: kernel.name, fallback: null, workers: 2, product };
}
