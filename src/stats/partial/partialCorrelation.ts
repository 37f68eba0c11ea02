import { inverse, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { reasonCodeOf, type ReasonCode, type ReasonMatrix } from '../contract/cells';
import type { Checkpoint } from '../util/cancel';
import { gramMatrix } from '../correlation/gramMatrix';
import { pearsonPair } from '../correlation/pearsonPair';

export interface PartialCorrelation {
  /** N*N over the non-control series. */
  r: Float64Array;
  n: Float64Array;
  reason: ReasonMatrix;
  /** True when the controls are (nearly) collinear on the rows used. */
  singularControls: boolean;
}

/** Condition number above which a correlation matrix is treated as singular. */
const MAX_CONDITION = 1e12;
const SINGULAR = reasonCodeOf('singular');

/**
 * Partial Pearson correlation of every pair of `series` controlling for `controls` (e.g. request
 * rate as a confounder): the correlation of the residuals after linear regression on the controls.
 *
 * Per pair it is read from the precision matrix P = R^-1 of the correlation matrix R of
 * [x, y, controls]: r_xy.z = -P_xy / sqrt(P_xx P_yy) (Whittaker 1990, "Graphical Models", ch. 5), on
 * the rows where x, y and every control are finite. WHY the fast path: when every series is finite on
 * the rows where the controls are, all pairs share those rows and the same quantity is the Schur
 * complement S = R_xx - R_xz R_zz^-1 R_zx normalised to unit diagonal (one k*k inverse instead of one
 * per pair); series with other gaps use the per-pair precision matrix.
 */
export function partialCorrelation(
  series: Float64Array[],
  controls: Float64Array[],
  minOverlap: number,
  checkpoint?: Checkpoint
): PartialCorrelation {
  const N = series.length;
  const k = controls.length;
  const T = N > 0 ? series[0].length : 0;
  const r = new Float64Array(N * N).fill(NaN);
  const n = new Float64Array(N * N);
  const reason: ReasonMatrix = new Uint8Array(N * N);
  let singularControls = false;

  const rows: number[] = [];
  for (let t = 0; t < T; t++) {
    if (controls.every((c) => Number.isFinite(c[t]))) {
      rows.push(t);
    }
  }
  const fast: number[] = [];
  const isFast = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    if (
      rows.length >= Math.max(k + 3, minOverlap) &&
      rows.every((t) => Number.isFinite(series[i][t])) &&
      stdOn(series[i], rows) > 0
    ) {
      fast.push(i);
      isFast[i] = 1;
    }
  }

  if (fast.length > 0) {
    const all = [...fast.map((i) => series[i]), ...controls];
    const m = all.length;
    const L = rows.length;
    const z = new Float64Array(m * L);
    let degenerate = false;
    all.forEach((x, a) => {
      let s = 0;
      for (const t of rows) {
        s += x[t];
      }
      const mean = s / L;
      let ss = 0;
      rows.forEach((t, q) => {
        const d = x[t] - mean;
        z[a * L + q] = d;
        ss += d * d;
      });
      if (!(ss > 0)) {
        degenerate = true;
      }
      const inv = 1 / Math.sqrt(ss);
      for (let q = 0; q < L; q++) {
        z[a * L + q] *= inv;
      }
    });
    const g = new Float64Array(m * m);
    gramMatrix(z, m, L, g, checkpoint);
    const F = fast.length;
    const R = new Matrix(m, m);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        R.set(a, b, a === b ? 1 : g[a * m + b]);
      }
    }
    let S: Matrix | null = null;
    if (k === 0) {
      S = R;
    } else if (!degenerate) {
      const Rzz = R.subMatrix(F, m - 1, F, m - 1);
      if (new SingularValueDecomposition(Rzz).condition < MAX_CONDITION) {
        const Rxz = R.subMatrix(0, F - 1, F, m - 1);
        S = R.subMatrix(0, F - 1, 0, F - 1).sub(Rxz.mmul(inverse(Rzz)).mmul(Rxz.transpose()));
      }
    }
    for (let a = 0; a < F; a++) {
      for (let b = 0; b < F; b++) {
        const i = fast[a];
        const j = fast[b];
        n[i * N + j] = L;
        if (S === null) {
          reason[i * N + j] = SINGULAR;
          singularControls = true;
          continue;
        }
        const v = i === j ? 1 : S.get(a, b) / Math.sqrt(S.get(a, a) * S.get(b, b));
        if (Number.isFinite(v)) {
          r[i * N + j] = Math.max(-1, Math.min(1, v));
        } else {
          reason[i * N + j] = SINGULAR;
        }
      }
    }
  }

  for (let i = 0; i < N; i++) {
    for (let j = i; j < N; j++) {
      if (isFast[i] && isFast[j]) {
        continue;
      }
      const res = partialPair(series[i], series[j], controls, minOverlap, i === j);
      r[i * N + j] = r[j * N + i] = res.r;
      n[i * N + j] = n[j * N + i] = res.n;
      reason[i * N + j] = reason[j * N + i] = reasonCodeOf(res.reason);
      singularControls = singularControls || res.reason === 'singular';
    }
    checkpoint?.tick(N - i);
  }
  return { r, n, reason, singularControls };
}

function stdOn(x: Float64Array, rows: number[]): number {
  const first = x[rows[0]];
  return rows.some((t) => x[t] !== first) ? 1 : 0;
}

/** One pair through the precision matrix of [x, y, controls] on its complete rows. */
function partialPair(
  x: Float64Array,
  y: Float64Array,
  controls: Float64Array[],
  minOverlap: number,
  diagonal: boolean
): { r: number; n: number; reason: ReasonCode | null } {
  const vars = [x, y, ...controls];
  const m = vars.length;
  const cols: number[][] = vars.map(() => []);
  for (let t = 0; t < x.length; t++) {
    if (vars.every((v) => Number.isFinite(v[t]))) {
      vars.forEach((v, a) => cols[a].push(v[t]));
    }
  }
  const count = cols[0].length;
  if (count < Math.max(minOverlap, controls.length + 3)) {
    return { r: NaN, n: count, reason: diagonal ? 'too_few_points' : 'insufficient_overlap' };
  }
  const R = new Matrix(m, m);
  for (let a = 0; a < m; a++) {
    for (let b = a; b < m; b++) {
      const c = a === b ? pearsonPair(cols[a], cols[a], 2) : pearsonPair(cols[a], cols[b], 2);
      if (c.reason !== null) {
        return { r: NaN, n: count, reason: a >= 2 || b >= 2 ? 'singular' : 'constant' };
      }
      R.set(a, b, a === b ? 1 : c.r);
      R.set(b, a, a === b ? 1 : c.r);
    }
  }
  if (diagonal) {
    return { r: 1, n: count, reason: null };
  }
  if (
    controls.length > 0 &&
    !(new SingularValueDecomposition(R.subMatrix(2, m - 1, 2, m - 1)).condition < MAX_CONDITION)
  ) {
    return { r: NaN, n: count, reason: 'singular' };
  }
  // x or y may itself be a linear function of the controls on these rows: then R has no inverse and
  // the partial correlation is undefined (found by the fuzz suite: ml-matrix throws on a singular LU).
  if (!(new SingularValueDecomposition(R).condition < MAX_CONDITION)) {
    return { r: NaN, n: count, reason: 'singular' };
  }
  const P = inverse(R);
  const v = -P.get(0, 1) / Math.sqrt(P.get(0, 0) * P.get(1, 1));
  return Number.isFinite(v)
    ? { r: Math.max(-1, Math.min(1, v)), n: count, reason: null }
    : { r: NaN, n: count, reason: 'singular' };
}
