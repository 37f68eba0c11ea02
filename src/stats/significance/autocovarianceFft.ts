import FFT from 'fft.js';

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
 *
 * The same steps run in the WebAssembly kernel (autocovarianceWasm.ts) wherever it compiles, about twice
 * as fast (its transforms take a third of fft.js's time); this is the fallback, with the same sums to
 * rounding (1e-15 of S(0)). One plan per padded size m.
 */
export class FftJsAutocovariance {
  private readonly size: number;
  private readonly half: FFT;
  /** e^{−2πik/m} as (cos, sin) pairs of 2πk/m, k = 0..m/2. */
  private readonly twiddle: Float64Array;
  // fft.js gets the plain arrays it creates itself: typed arrays in its loops measured ~20 % slower.
  /** The padded series, then its power spectrum, both as m/2 complex values. */
  private readonly packed: number[];
  private readonly spectrum: number[];

  constructor(
    m: number,
    private readonly maxLag: number
  ) {
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
   * S(0..maxLag) of d (centred, 0 for missing values) into out. WHY every loop written out here: bin k of the real transform is read from bins k and h − k of the
   * packed transform Z (h = m/2) as X[k] = E[k] + e^{−2πik/m} O[k]; a method per bin (and the sums read
   * one lag at a time) cost a third as much as the two transforms.
   */
  sums(d: Float64Array, out: Float64Array): Float64Array {
    const m = this.size;
    const h = m / 2;
    const z = this.packed;
    const s = this.spectrum;
    const tw = this.twiddle;
    // Interleaved (re, im) pairs of z[n] = x[2n] + i x[2n+1] are x itself, in order.
    for (let t = 0; t < d.length; t++) {
      z[t] = d[t];
    }
    for (let t = d.length; t < m; t++) {
      z[t] = 0;
    }
    this.half.transform(s, z);
    // |X[k]|², k = 0..h, laid out as the real, even sequence the second transform reads (z[m − k] = z[k]).
    // At k = 0 and k = h the twiddle is ±1 and the bin is real: Z[0]'s parts summed or subtracted.
    z[0] = (s[0] + s[1]) * (s[0] + s[1]);
    z[h] = (s[0] - s[1]) * (s[0] - s[1]);
    for (let k = 1; k < h; k++) {
      const i = 2 * k;
      const j = m - i;
      const er = 0.5 * (s[i] + s[j]);
      const ei = 0.5 * (s[i + 1] - s[j + 1]);
      const or = 0.5 * (s[i + 1] + s[j + 1]);
      const oi = -0.5 * (s[i] - s[j]);
      const re = er + tw[i] * or + tw[i + 1] * oi;
      const im = ei + tw[i] * oi - tw[i + 1] * or;
      z[k] = z[m - k] = re * re + im * im;
    }
    this.half.transform(s, z);
    // The power spectrum is real and even, so its transform is real: only the real part of each lag's
    // bin is unpacked, divided by m (the inverse transform of a real, even sequence is its forward one / m).
    for (let k = 0; k <= this.maxLag; k++) {
      const i = 2 * k;
      const j = k === 0 ? 0 : m - i;
      const er = 0.5 * (s[i] + s[j]);
      const or = 0.5 * (s[i + 1] + s[j + 1]);
      const oi = -0.5 * (s[i] - s[j]);
      out[k] = (er + tw[i] * or + tw[i + 1] * oi) / m;
    }
    return out;
  }
}
