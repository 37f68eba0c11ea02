/**
 * Correlation engine benchmark (issue 3): this engine vs ml-matrix `correlation` vs a naive loop,
 * all measured in the same run on the same seeded data. Prints median times and ratios, and the
 * largest absolute difference from the naive loop (must be <= 1e-12).
 *
 * Run: `npm run bench -- correlation` (or `npx tsx bench/correlation.bench.ts`).
 */
import { correlation as mlCorrelation } from 'ml-matrix';
import { analyze } from '../src/stats';
// Internal kernels, timed on their own: an allowed exception to the engine fence (eslint.config.mjs).
import { gramMatrixJs } from '../src/stats/correlation/gramMatrixJs';
import { gramMatrixWasm } from '../src/stats/correlation/gramMatrixWasm';
import { rowsOf } from '../src/stats/correlation/gramRequest';
import { pearsonMatrix } from '../src/stats/correlation/pearsonMatrix';
import { gramKernel } from '../src/stats/correlation/wasm/gramKernel';
import { spearmanMatrix } from '../src/stats/correlation/spearmanMatrix';
import { averageRanks } from '../src/stats/rank/averageRanks';
import { makeSeries, maxDiff, toMlMatrix } from './lib/series';
import { formatTable, ms, ratio } from './lib/table';
import { measure } from './lib/timing';

/** The naive reference: for every pair, a two-pass Pearson over the common rows (triple loop). */
function naivePearson(series: Float64Array[]): Float64Array {
  const N = series.length;
  const T = series[0].length;
  const out = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      const x = series[i];
      const y = series[j];
      let mx = 0;
      let my = 0;
      for (let t = 0; t < T; t++) {
        mx += x[t];
        my += y[t];
      }
      mx /= T;
      my /= T;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let t = 0; t < T; t++) {
        const a = x[t] - mx;
        const b = y[t] - my;
        sxy += a * b;
        sxx += a * a;
        syy += b * b;
      }
      out[i * N + j] = out[j * N + i] = sxy / Math.sqrt(sxx * syy);
    }
  }
  return out;
}

/** Naive all-pairs cross-correlation, biased normalisation, direct sum over pairs x lags x time. */
function naiveLags(series: Float64Array[], L: number, maxPairs: number): Float64Array[] {
  const T = series[0].length;
  const centred = series.map((s) => {
    const m = s.reduce((a, b) => a + b, 0) / T;
    return s.map((v) => v - m);
  });
  const ss = centred.map((c) => c.reduce((a, b) => a + b * b, 0));
  const out: Float64Array[] = [];
  for (let i = 0; i < series.length; i++) {
    for (let j = i + 1; j < series.length; j++) {
      const r = new Float64Array(2 * L + 1);
      for (let k = -L; k <= L; k++) {
        let s = 0;
        for (let t = Math.max(0, -k); t < Math.min(T, T - k); t++) {
          s += centred[i][t] * centred[j][t + k];
        }
        r[k + L] = s / Math.sqrt(ss[i] * ss[j]);
      }
      out.push(r);
      if (out.length >= maxPairs) {
        return out;
      }
    }
  }
  return out;
}

/** ml-matrix has no cross-correlation; per lag k it correlates X[0..T-k) with X[k..T). Timed on a few lags, scaled. */
function mlLags(series: Float64Array[], lags: number[]): void {
  const m = toMlMatrix(series);
  const T = m.rows;
  for (const k of lags) {
    mlCorrelation(m.subMatrix(0, T - 1 - k, 0, m.columns - 1), m.subMatrix(k, T - 1, 0, m.columns - 1));
  }
}

/** Series centred and scaled to unit norm, row-major: the Gram kernels' input (as pearsonMatrix prepares it). */
function unitRows(series: Float64Array[]): Float64Array {
  const T = series[0].length;
  const z = new Float64Array(series.length * T);
  series.forEach((s, i) => {
    const mean = s.reduce((a, b) => a + b, 0) / T;
    const row = z.subarray(i * T, (i + 1) * T);
    row.set(s.map((v) => v - mean));
    const norm = Math.sqrt(row.reduce((a, b) => a + b * b, 0));
    row.forEach((v, t) => (row[t] = v / norm));
  });
  return z;
}

/**
 * The Gram kernel alone, JavaScript against WebAssembly SIMD (copying rows in and the matrix out included).
 * GFLOP/s counts M*M*T flops: the symmetric product does M(M+1)/2*T multiply-adds, two flops each, which is
 * what a full M x M product by GEMM (numpy's X @ X.T) is credited with.
 */
function gramKernelRows(): string {
  const kernel = gramKernel();
  const rows: string[][] = [
    ['Gram kernel', 'JS ms', 'JS GFLOP/s', 'wasm ms', 'wasm GFLOP/s', 'wasm vs JS', 'max |diff|'],
  ];
  for (const [M, T] of [
    [500, 10080],
    [1000, 2000],
  ]) {
    const z = unitRows(makeSeries(M, T, M * 11 + T));
    const js = new Float64Array(M * M);
    const wasm = new Float64Array(M * M);
    const tJs = measure(() => gramMatrixJs(z, M, T, js), 3, 1);
    const tWasm = kernel.exports
      ? measure(() => gramMatrixWasm(kernel.exports!, { rows: M, len: T, writeRow: rowsOf(z, T), out: wasm }), 3, 1)
      : null;
    const gflops = (t: number) => ((M * M * T) / (t * 1e6)).toFixed(2);
    rows.push([
      `M=${M} T=${T}`,
      ms(tJs.medianMs),
      gflops(tJs.medianMs),
      tWasm ? ms(tWasm.medianMs) : 'n/a',
      tWasm ? gflops(tWasm.medianMs) : (kernel.unavailable ?? ''),
      tWasm ? ratio(tJs.medianMs, tWasm.medianMs) : 'n/a',
      tWasm ? maxDiff(js, wasm).toExponential(1) : 'n/a',
    ]);
  }
  return formatTable(rows);
}

export function run(): string {
  const rows: string[][] = [
    ['case', 'engine ms', 'ml-matrix ms', 'naive ms', 'vs ml-matrix', 'vs naive', 'max |diff| vs naive'],
  ];
  const sizes: Array<[number, number]> = [
    [50, 1440],
    [200, 10080],
    [1000, 2000],
  ];
  for (const [N, T] of sizes) {
    const series = makeSeries(N, T, N * 7 + T);
    const big = N * N * T > 1e8;
    const runs = big ? 3 : 7;
    for (const method of ['pearson', 'spearman'] as const) {
      let ours: Float64Array = new Float64Array(0);
      const tOurs = measure(
        () => {
          ours = (method === 'pearson' ? pearsonMatrix(series, 3) : spearmanMatrix(series, 3)).r;
        },
        runs,
        1
      );
      let ref: Float64Array = new Float64Array(0);
      const tNaive = measure(
        () => {
          ref = naivePearson(method === 'pearson' ? series : series.map((s) => averageRanks(s)));
        },
        runs,
        big ? 0 : 1
      );
      const tMl = measure(
        () => {
          mlCorrelation(toMlMatrix(method === 'pearson' ? series : series.map((s) => averageRanks(s))));
        },
        runs,
        big ? 0 : 1
      );
      rows.push([
        `${method} N=${N} T=${T}`,
        ms(tOurs.medianMs),
        ms(tMl.medianMs),
        ms(tNaive.medianMs),
        ratio(tMl.medianMs, tOurs.medianMs),
        ratio(tNaive.medianMs, tOurs.medianMs),
        maxDiff(ours, ref).toExponential(1),
      ]);
    }
  }
  for (const L of [60, 360]) {
    const N = 50;
    const T = 10080;
    const series = makeSeries(N, T, 4242 + L);
    let res: ReturnType<typeof analyze> | null = null;
    const tOurs = measure(
      () => {
        res = analyze({
          version: 1,
          series: series.map((values, i) => ({ id: `s${i}`, values })),
          correlation: { enabled: false },
          lags: { maxLag: L, all: true },
        });
      },
      3,
      1
    );
    let ref: Float64Array[] = [];
    const allPairs = (N * (N - 1)) / 2;
    const naivePairs = L > 100 ? 150 : allPairs;
    const tNaiveSample = measure(() => (ref = naiveLags(series, L, naivePairs)), 1, 0);
    const tNaive = (tNaiveSample.medianMs * allPairs) / naivePairs;
    const sampleLags = Array.from({ length: 11 }, (_, i) => Math.round((i * L) / 10));
    const tMlSample = measure(() => mlLags(series, sampleLags), 1, 0);
    const tMl = (tMlSample.medianMs * (2 * L + 1)) / sampleLags.length;
    let d = 0;
    (res as ReturnType<typeof analyze> | null)?.lags?.pairs.forEach((p, k) => {
      if (k < ref.length) {
        d = Math.max(
          d,
          maxDiff(
            (p.r ?? []).map((v) => v ?? NaN),
            ref[k]
          )
        );
      }
    });
    rows.push([
      `lags all pairs N=${N} T=${T} L=${L} (${res!.lags!.algorithm})`,
      ms(tOurs.medianMs),
      `${ms(tMl)}*`,
      naivePairs < allPairs ? `${ms(tNaive)}+` : ms(tNaive),
      ratio(tMl, tOurs.medianMs),
      ratio(tNaive, tOurs.medianMs),
      d.toExponential(1),
    ]);
  }
  const text = `${formatTable(rows)}\n\n${gramKernelRows()}`;
  console.log(text);
  console.log(
    '\nmedian of 3 (large) or 7 runs after 1 warm-up; naive lags: 1 run. Spearman references rank first, then correlate.\n' +
      '* ml-matrix has no cross-correlation: it is timed on 11 of the 2L+1 lags (Pearson of X[0..T-k) vs X[k..T)) and scaled to 2L+1 lags.\n' +
      '+ naive lags at L=360 timed on the first 150 of 1225 pairs and scaled (and compared on those pairs).\n' +
      'Lag rows compare the engine (statsmodels-style biased ccf, FFT) with a direct-sum naive loop.\n' +
      'Gram kernel rows: median of 3 after 1 warm-up; GFLOP/s = M*M*T / time (a multiply-add is two flops over the\n' +
      'M(M+1)/2*T the symmetric product does, the credit of a full GEMM); max |diff| between the two kernels.'
  );
  return text;
}

if (require.main === module) {
  run();
}
