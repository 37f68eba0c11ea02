import { Matrix, solve } from 'ml-matrix';
import { meanStd } from '../util/meanStd';

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
  const T = x.length;
  const k = controls.length;
  const rows: number[] = [];
  for (let t = 0; t < T; t++) {
    if (Number.isFinite(x[t]) && controls.every((c) => Number.isFinite(c[t]))) {
      rows.push(t);
    }
  }
  const out = new Float64Array(T).fill(NaN);
  if (rows.length < k + 2) {
    return out;
  }
  // Normal equations on centred columns: the intercept drops out and the system stays well scaled.
  const mean = (v: ArrayLike<number>) => rows.reduce((s, t) => s + v[t], 0) / rows.length;
  const mx = mean(x);
  const mc = controls.map(mean);
  // Sums in plain arrays (a Matrix's get/set per element was most of the cost), then one k×k solve.
  const ata = Array.from({ length: k }, () => new Float64Array(k));
  const aty = new Float64Array(k);
  const c = new Float64Array(k);
  for (const t of rows) {
    for (let a = 0; a < k; a++) {
      c[a] = controls[a][t] - mc[a];
    }
    const y = x[t] - mx;
    for (let a = 0; a < k; a++) {
      aty[a] += c[a] * y;
      for (let b = 0; b <= a; b++) {
        ata[a][b] += c[a] * c[b];
      }
    }
  }
  const xtx = new Matrix(
    Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => (b <= a ? ata[a][b] : ata[b][a])))
  );
  const xty = Matrix.columnVector(Array.from(aty));
  const beta = solve(xtx, xty, true);
  for (const t of rows) {
    let fit = mx;
    for (let a = 0; a < k; a++) {
      fit += beta.get(a, 0) * (controls[a][t] - mc[a]);
    }
    out[t] = x[t] - fit;
  }
  return out;
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
