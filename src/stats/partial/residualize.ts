import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { meanStd } from '../util/meanStd';
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
    if (design.wasm === undefined) {
      design.wasm = WasmResiduals.plan({ m, k, centred, pinv });
    }
    if (design.wasm) {
      return design.wasm.residuals(x, mx, out);
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
