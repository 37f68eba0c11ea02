import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { meanStd } from '../util/meanStd';
import { completeCrossSums, completeSeries, completeSeriesOf, type CompleteSeries } from '../correlation/pearsonPair';
import { WasmResiduals } from './residualsWasm';

/**
 * Residuals of `x` after least-squares regression on an intercept and `controls`, on the rows where x
 * and every control are finite (NaN elsewhere). The correlation of two such residual series is their
 * partial correlation given the controls (Yule 1907; the same quantity partialCorrelation.ts reads off
 * the precision matrix). WHY a second route: an incident verdict needs the partial correlation of a few
 * targets with every other signal, one row of the matrix, and residualising each series once costs
 * O(N·T·k) where the precision-matrix route costs a whole extra Gram product. Collinear or constant
 * controls are fine: the SVD solve gives the minimum-norm fit, whose residuals are still unique.
 */
export function residualize(x: ArrayLike<number>, controls: ReadonlyArray<ArrayLike<number>>): Float64Array {
  return residualsOn(x, controlDesign(controls, finiteRows(controls, x)));
}

/**
 * residualize() for many series on the same controls: the controls' design (centred columns and the
 * pseudo-inverse of their normal matrix) is prepared once, on the rows where every control is finite,
 * and serves every series that is finite on those rows, with the same sums in the same order, so the
 * residuals are the ones residualize() gives. A series with other gaps gets its own design.
 */
export function residualizer(
  controls: ReadonlyArray<ArrayLike<number>>
): (x: ArrayLike<number>, out?: Float64Array) => Float64Array {
  const shared = controlDesign(controls, finiteRows(controls, null));
  return (x, out) => {
    // One pass checks x on the shared rows and sums it: NaN when x has a gap there (or a sum of finite
    // values that is not finite, which gives NaN residuals on either design).
    const mx = x.length === shared.length ? meanOn(x, shared.rows) : NaN;
    return Number.isFinite(mx)
      ? residualsOn(x, shared, out, mx)
      : residualsOn(x, controlDesign(controls, finiteRows(controls, x)), out);
  };
}

/** Residual series prepared for the partial correlations of a few targets with every series. */
export interface ResidualLinks {
  /** Every series' residuals (residualizer's), views of one block. */
  residuals: Float64Array[];
  /** Each residual series prepared for pearsonComplete (null where it has a missing value). */
  complete: Array<CompleteSeries | null>;
  /** Per target (in `targets` order) its residuals' zero-lag cross sum with each series' (NaN where not taken). */
  targetSums: Float64Array[];
}

/**
 * residualizer's residuals of every series, written into `block`, with what the partial links read of
 * them. WHY together: where the kernel serves the shared design, each residual series is still in its
 * memory when its sums and its cross sums with the targets' (kept there) are taken, four lanes at a time
 * (residualsWasm.ts): these sums were a third of a compare's partial links. They round in the kernel's
 * lanes, so a partial r may differ from pearsonPair's in the last bits. Elsewhere, in JavaScript:
 * completeSeriesOf, and completeCrossSums (the same doubles as pearsonComplete).
 */
export function residualsForLinks(
  series: Float64Array[],
  controls: ReadonlyArray<ArrayLike<number>>,
  targets: number[],
  block: Float64Array
): ResidualLinks {
  const T = series.length > 0 ? series[0].length : 0;
  const residuals = series.map((_, i) => block.subarray(i * T, (i + 1) * T));
  const targetSums = targets.map(() => new Float64Array(series.length).fill(NaN));
  const shared = controlDesign(controls, finiteRows(controls, null));
  const plan = shared.rows.length === T && shared.pinv ? kernelPlan(shared) : null;
  if (!plan || !plan.keepRoom(targets.length)) {
    const residualize = residualizer(controls);
    series.forEach((x, i) => residualize(x, residuals[i]));
    const complete = completeSeriesOf(residuals);
    crossSumsInJs(complete, targets, targetSums);
    return { residuals, complete, targetSums };
  }
  // The targets' residuals first, kept in the kernel's memory (those with a gap cannot be).
  const kept: number[] = [];
  const means: number[] = [];
  targets.forEach((t, ti) => {
    const mx = meanOn(series[t], shared.rows);
    if (Number.isFinite(mx)) {
      plan.residuals(series[t], mx, residuals[t]);
      means.push(plan.sums(residuals[t]).mean);
      plan.keep(kept.length);
      kept.push(ti);
    }
  });
  const row = new Float64Array(kept.length);
  const complete = series.map((x, j) => {
    const mx = meanOn(x, shared.rows);
    if (!Number.isFinite(mx)) {
      // A gap on the shared rows: its own design, in JavaScript, and no cross sums.
      return completeSeries(residualsOn(x, controlDesign(controls, finiteRows(controls, x)), residuals[j]));
    }
    plan.residuals(x, mx, residuals[j]);
    const sums = plan.sums(residuals[j]);
    plan.crossWithKept(sums.mean, means, row);
    kept.forEach((ti, k) => (targetSums[ti][j] = row[k]));
    return sums;
  });
  return { residuals, complete, targetSums };
}

/** The design's kernel plan, made on first use (null: no kernel or memory, or no pseudo-inverse). */
function kernelPlan(design: ControlDesign): WasmResiduals | null {
  if (design.wasm === undefined) {
    design.wasm = design.pinv
      ? WasmResiduals.plan({ m: design.rows.length, k: design.k, centred: design.centred, pinv: design.pinv })
      : null;
  }
  return design.wasm;
}

/** The targets' zero-lag cross sums with every complete residual series, completeCrossSums's doubles. */
function crossSumsInJs(complete: Array<CompleteSeries | null>, targets: number[], sums: Float64Array[]): void {
  const usable = targets.flatMap((t, i) => (complete[t] ? [i] : []));
  const series = usable.map((i) => complete[targets[i]]!);
  const row = new Float64Array(usable.length);
  for (let j = 0; j < complete.length; j++) {
    const c = complete[j];
    if (c && usable.length > 0) {
      completeCrossSums(c, series, row);
      for (let k = 0; k < usable.length; k++) {
        sums[usable[k]][j] = row[k];
      }
    }
  }
}

/**
 * The controls on a set of rows, centred, with the pseudo-inverse of their normal matrix from its SVD
 * (null: too few rows).
 */
interface ControlDesign {
  /** Series length the design was built for (0 without controls: no series shares it). */
  length: number;
  rows: Int32Array;
  k: number;
  /** controls[a][t] − mean, rows × k, row-major. */
  centred: Float64Array;
  /**
   * k × k, row-major: what SVD.solve multiplies the right-hand side by (V Σ⁺ Uᵀ), taken once; β = P·Xᵀy
   * summed in the same order as its matrix product, so β is the double the solve gives.
   */
  pinv: Float64Array | null;
  /** The design in the WebAssembly kernel, made on first use (null: no kernel, or not every row). */
  wasm?: WasmResiduals | null;
}

/** Rows where every control (and x, when given) is finite. */
function finiteRows(controls: ReadonlyArray<ArrayLike<number>>, x: ArrayLike<number> | null): Int32Array {
  const T = x ? x.length : controls.length > 0 ? controls[0].length : 0;
  const rows: number[] = [];
  for (let t = 0; t < T; t++) {
    if ((x === null || Number.isFinite(x[t])) && controls.every((c) => Number.isFinite(c[t]))) {
      rows.push(t);
    }
  }
  return Int32Array.from(rows);
}

/** Mean of v over the rows, summed in row order. */
function meanOn(v: ArrayLike<number>, rows: Int32Array): number {
  let s = 0;
  for (let r = 0; r < rows.length; r++) {
    s += v[rows[r]];
  }
  return s / rows.length;
}

function controlDesign(controls: ReadonlyArray<ArrayLike<number>>, rows: Int32Array): ControlDesign {
  const k = controls.length;
  const m = rows.length;
  const length = controls.length > 0 ? controls[0].length : 0;
  const centred = new Float64Array(m * k);
  if (m < k + 2) {
    return { length, rows, k, centred, pinv: null };
  }
  // Normal equations on centred columns: the intercept drops out and the system stays well scaled.
  const mc = controls.map((c) => meanOn(c, rows));
  // Sums in plain arrays (a Matrix's get/set per element was most of the cost), then one k×k SVD.
  const ata = Array.from({ length: k }, () => new Float64Array(k));
  for (let r = 0; r < m; r++) {
    const t = rows[r];
    for (let a = 0; a < k; a++) {
      const ca = (centred[r * k + a] = controls[a][t] - mc[a]);
      for (let b = 0; b <= a; b++) {
        ata[a][b] += ca * centred[r * k + b];
      }
    }
  }
  const xtx = new Matrix(
    Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => (b <= a ? ata[a][b] : ata[b][a])))
  );
  // Solving for the identity gives V Σ⁺ Uᵀ itself (each entry times 1 plus zeros).
  const pinv = new SingularValueDecomposition(xtx).solve(Matrix.eye(k));
  return { length, rows, k, centred, pinv: Float64Array.from(pinv.to1DArray()) };
}

/** Residuals of x on the design, written into `out` (a new array when not given), NaN off its rows. */
function residualsOn(
  x: ArrayLike<number>,
  design: ControlDesign,
  out: Float64Array = new Float64Array(x.length),
  mx = meanOn(x, design.rows)
): Float64Array {
  const { rows, k, centred, pinv } = design;
  const m = rows.length;
  if (!pinv) {
    return out.fill(NaN);
  }
  if (m === x.length) {
    // Every row in the design, so x is finite on all of them: the kernel gives the same doubles.
    const plan = kernelPlan(design);
    if (plan) {
      return plan.residuals(x, mx, out);
    }
  } else {
    out.fill(NaN);
  }
  const aty = new Float64Array(k);
  // Four columns' sums per walk down the rows, in four registers: each sum still adds its rows in order,
  // but the four additions overlap instead of waiting on each other (a column of the last group past k
  // repeats column k − 1 and is dropped).
  for (let a = 0; a < k; a += 4) {
    const a1 = Math.min(a + 1, k - 1);
    const a2 = Math.min(a + 2, k - 1);
    const a3 = Math.min(a + 3, k - 1);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let r = 0, c = 0; r < m; r++, c += k) {
      const y = x[rows[r]] - mx;
      s0 += centred[c + a] * y;
      s1 += centred[c + a1] * y;
      s2 += centred[c + a2] * y;
      s3 += centred[c + a3] * y;
    }
    aty[a] = s0;
    aty[a1] = s1;
    aty[a2] = s2;
    aty[a3] = s3;
  }
  const beta = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      beta[a] += pinv[a * k + b] * aty[b];
    }
  }
  // The fit mx + β₀c₀ + β₁c₁ + … is added in that order for every row, up to three terms per walk down the
  // rows (a loop over the k terms inside the row loop took twice as long); `out` holds the partial fit.
  for (let a = 0; a < k; a += 3) {
    addTerms(x, out, design, beta, a, Math.min(3, k - a), a === 0, mx, a + 3 >= k);
  }
  return out;
}

/**
 * Adds terms a..a+w−1 (w ≤ 3) of the fit on every row: to `mx` for the first terms, else to the partial
 * fit in `out`; for the last terms, out becomes x − fit.
 */
function addTerms(
  x: ArrayLike<number>,
  out: Float64Array,
  design: ControlDesign,
  beta: Float64Array,
  a: number,
  w: number,
  first: boolean,
  mx: number,
  last: boolean
): void {
  const { rows, k, centred } = design;
  const b0 = beta[a];
  const b1 = w > 1 ? beta[a + 1] : 0;
  const b2 = w > 2 ? beta[a + 2] : 0;
  for (let r = 0, c = a; r < rows.length; r++, c += k) {
    const t = rows[r];
    let fit = (first ? mx : out[t]) + b0 * centred[c];
    if (w > 1) {
      fit += b1 * centred[c + 1];
    }
    if (w > 2) {
      fit += b2 * centred[c + 2];
    }
    out[t] = last ? x[t] - fit : fit;
  }
}

/**
 * x standardised, and its powers up to `degree` (z, z², z³…): the regressors of a polynomial adjustment
 * for a control. Standardising first keeps the powers on one scale, so the normal equations stay well
 * conditioned. Missing values stay missing.
 */
export function polynomialTerms(x: ArrayLike<number>, degree: number): Float64Array[] {
  const { mean, std } = meanStd(x);
  const centre = Number.isFinite(mean) ? mean : 0;
  const z = Float64Array.from(x as ArrayLike<number>, (v) => (std > 0 ? (v - centre) / std : v - centre));
  return Array.from({ length: Math.max(1, degree) }, (_, p) => z.map((v) => v ** (p + 1)));
}
