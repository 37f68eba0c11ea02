import FFT from 'fft.js';
import { paddedSize } from '../lags/fftCrossSum';

/**
 * Lagged sums of a series with itself, S(k) = Σ_t d[t] d[t+k] for k = 0..maxLag, through the FFT
 * (Wiener–Khinchin: S is the inverse transform of the power spectrum |D|²). Zero padding to a power
 * of two m ≥ n + maxLag keeps the circular sums equal to the linear ones up to maxLag.
 *
 * Both transforms are of real input (the series, then its power spectrum, which is real and even, so
 * that its inverse transform is its forward one divided by m), and each is done as a complex transform
 * of half the size: the real x of length m packed as z[n] = x[2n] + i x[2n+1], whose transform Z gives
 * X[k] = E[k] + e^{−2πik/m} O[k], E[k] = (Z[k] + conj Z[m/2−k])/2, O[k] = (Z[k] − conj Z[m/2−k])/(2i)
 * (the split step of a real FFT). WHY: fft.js's own real transform costs almost a full complex one,
 * and a compare takes the autocorrelation of every signal three times; the plan's buffers are reused
 * call after call, and only the lags asked for are unpacked from the second transform.
 */
export class AutocovarianceFft {
  private readonly size: number;
  private readonly half: FFT;
  /** e^{−2πik/m} as (cos, sin) pairs of 2πk/m, k = 0..m/2. */
  private readonly twiddle: Float64Array;
  // fft.js gets the plain arrays it creates itself: typed arrays in its loops measured ~20 % slower.
  /** The padded series, then its power spectrum, both as m/2 complex values. */
  private readonly packed: number[];
  private readonly spectrum: number[];
  /** The bin last unpacked. */
  private re = 0;
  private im = 0;

  /** A plan for series of `length` values and lags up to `maxLag`. */
  constructor(length: number, maxLag: number) {
    const m = paddedSize(length + maxLag);
    this.size = m;
    this.half = new FFT(m / 2);
    this.twiddle = new Float64Array(m + 2);
    for (let k = 0; k <= m / 2; k++) {
      this.twiddle[2 * k] = Math.cos((2 * Math.PI * k) / m);
      this.twiddle[2 * k + 1] = Math.sin((2 * Math.PI * k) / m);
    }
    this.packed = this.half.createComplexArray();
    this.spectrum = this.half.createComplexArray();
  }

  /**
   * Computes S(k) for one series of `length` values; read them with sum(k) until the next call. NaN
   * must already be replaced (a centred series with 0 for missing values).
   */
  load(d: Float64Array): void {
    const m = this.size;
    const z = this.packed;
    // Interleaved (re, im) pairs of z[n] = x[2n] + i x[2n+1] are x itself, in order.
    for (let t = 0; t < d.length; t++) {
      z[t] = d[t];
    }
    for (let t = d.length; t < m; t++) {
      z[t] = 0;
    }
    this.half.transform(this.spectrum, z);
    for (let k = 0; k <= m / 2; k++) {
      this.unpack(k);
      const p = this.re * this.re + this.im * this.im;
      z[k] = p;
      z[k === 0 ? 0 : m - k] = p;
    }
    this.half.transform(this.spectrum, z);
  }

  /** S(k), 0 <= k <= maxLag, of the series last loaded. */
  sum(k: number): number {
    this.unpack(k);
    return this.re / this.size;
  }

  /**
   * Bin k (0..m/2) of the real transform whose packed half-size transform is in `spectrum`, into re and
   * im. WHY fields rather than a returned pair: a compare unpacks about a thousand bins per series, and
   * an array per bin was a tenth of the compare's garbage.
   */
  private unpack(k: number): void {
    const h = this.size / 2;
    const s = this.spectrum;
    // Z[k mod h] and Z[(h − k) mod h], without an integer division per bin.
    const i = k === h ? 0 : 2 * k;
    const j = k === 0 ? 0 : 2 * (h - k);
    const er = 0.5 * (s[i] + s[j]);
    const ei = 0.5 * (s[i + 1] - s[j + 1]);
    const or = 0.5 * (s[i + 1] + s[j + 1]);
    const oi = -0.5 * (s[i] - s[j]);
    const c = this.twiddle[2 * k];
    const n = this.twiddle[2 * k + 1];
    this.re = er + c * or + n * oi;
    this.im = ei + c * oi - n * or;
  }
}
