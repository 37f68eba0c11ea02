import { lagSumsOf } from '../lags/directCrossSum';
import { LAG_LANES } from '../lags/lagSumsWasm';
import { paddedSize } from '../lags/fftCrossSum';
import { centreInto, type Centred } from '../util/centre';
import { FftJsAutocovariance } from './autocovarianceFft';
import { WasmAutocovariance } from './autocovarianceWasm';

/**
 * One series' lagged sums S(k) = Σ_t d[t] d[t+k] (d its deviations), as the autocorrelation time reads
 * them: a few blocks of direct sums first, and every lag at once by the FFT when the window is long.
 * The series loaded is the plan's until the next `load` of any plan: the kernel's plans share its memory,
 * and autocorrelationTime loads, sums and transforms in one call.
 */
export interface SeriesAutocovariance {
  /** Whether the WebAssembly kernel does the work (direct lags then cost a sixth as much as in JavaScript). */
  readonly wasm: boolean;
  /** Takes one series (NaN for missing values) and centres it: its finite count and sum of squared deviations. */
  load(x: ArrayLike<number>): Centred;
  /** S(k) of the series loaded, k = first..last (at most 8 lags, 1 ≤ first), into out[k − first]. */
  direct(first: number, last: number, out: Float64Array): Float64Array;
  /** S(0..maxLag) of the series loaded, by the FFT, into out; the series must be loaded again after it. */
  all(out: Float64Array): Float64Array;
}

/**
 * The lagged sums of series of `length` values, up to maxLag: by the WebAssembly kernel where it compiles
 * (autocovarianceWasm.ts), else centred and summed in JavaScript (the direct sums by lagSumsOf, the FFT by
 * fft.js). One plan per window length is kept: a compare takes the autocorrelations of every signal over
 * two windows of the same lengths, and building a plan (twiddle factors) costs as much as using it. A few
 * lengths at most are alive at once; the memo is cleared past that.
 */
export function autocovarianceOf(length: number, maxLag: number): SeriesAutocovariance {
  const key = `${length}/${maxLag}`;
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size >= MAX_PLANS) {
      plans.clear();
    }
    const m = paddedSize(length + maxLag);
    plan = WasmAutocovariance.plan(length, m, maxLag) ?? new JsAutocovariance(length, m, maxLag);
    plans.set(key, plan);
  }
  return plan;
}

const plans = new Map<string, SeriesAutocovariance>();
const MAX_PLANS = 8;

/** SeriesAutocovariance in JavaScript: centreInto, lagSumsOf and fft.js. */
export class JsAutocovariance implements SeriesAutocovariance {
  readonly wasm = false;
  private readonly d: Float64Array;
  private readonly fft: FftJsAutocovariance;

  constructor(length: number, m: number, maxLag: number) {
    this.d = new Float64Array(length);
    this.fft = new FftJsAutocovariance(m, maxLag);
  }

  load(x: ArrayLike<number>): Centred {
    return centreInto(x, this.d);
  }

  direct(first: number, last: number, out: Float64Array): Float64Array {
    return lagSumsOf(this.d, this.d, DIRECT_BLOCK).sums(first, last, out);
  }

  all(out: Float64Array): Float64Array {
    return this.fft.sums(this.d, out);
  }
}

/** Most lags one `direct` call sums: one block of the WebAssembly kernels' lag sums. */
export const DIRECT_BLOCK = LAG_LANES;
