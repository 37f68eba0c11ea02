import type { ReasonCode } from '../contract';
import { maxAbs, pow2Exponent, timesPow2 } from '../util/unitScale';

/** Below this a sum of squares may have lost bits to underflow. */
const TINY = 2 ** -900;

export interface PairCorrelation {
  r: number;
  n: number;
  reason: ReasonCode | null;
}

/**
 * Pearson r of one pair over its pairwise-complete observations (rows where both are finite), the
 * way pandas DataFrame.corr treats missing data. Two-pass (means first) for accuracy. A pair that is
 * constant on its common rows has no correlation ('constant'), checked exactly.
 */
export function pearsonPair(x: ArrayLike<number>, y: ArrayLike<number>, minOverlap: number): PairCorrelation {
  const len = Math.min(x.length, y.length);
  let n = 0;
  let sx = 0;
  let sy = 0;
  let x0 = NaN;
  let y0 = NaN;
  let xConst = true;
  let yConst = true;
  for (let t = 0; t < len; t++) {
    const a = x[t];
    const b = y[t];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      if (n === 0) {
        x0 = a;
        y0 = b;
      } else {
        xConst = xConst && a === x0;
        yConst = yConst && b === y0;
      }
      n++;
      sx += a;
      sy += b;
    }
  }
  if (n < Math.max(2, minOverlap)) {
    return { r: NaN, n, reason: 'insufficient_overlap' };
  }
  if (xConst || yConst) {
    return { r: NaN, n, reason: 'constant' };
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let sa = 0;
  let sb = 0;
  for (let t = 0; t < len; t++) {
    const a = x[t];
    const b = y[t];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      const da = a - mx;
      const db = b - my;
      sa += da;
      sb += db;
      sxx += da * da;
      syy += db * db;
      sxy += da * db;
    }
  }
  // Corrected two-pass sums (util/centre.ts): remove the error of the first-pass means.
  sxx -= (sa * sa) / n;
  syy -= (sb * sb) / n;
  sxy -= (sa * sb) / n;
  if (!(sxx > TINY && syy > TINY && sxx < Infinity && syy < Infinity)) {
    // The squares overflowed or underflowed (common rows far smaller or larger than the series'
    // scale): the same pair with the deviations scaled by powers of two (util/unitScale.ts).
    return scaledPearson(x, y, len, mx, my, n);
  }
  const r = sxy / Math.sqrt(sxx) / Math.sqrt(syy);
  return { r: Math.max(-1, Math.min(1, r)), n, reason: null };
}

function scaledPearson(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  len: number,
  mx: number,
  my: number,
  n: number
): PairCorrelation {
  const da: number[] = [];
  const db: number[] = [];
  for (let t = 0; t < len; t++) {
    if (Number.isFinite(x[t]) && Number.isFinite(y[t])) {
      da.push(x[t] - mx);
      db.push(y[t] - my);
    }
  }
  const ka = maxAbs(da) > 0 ? pow2Exponent(maxAbs(da)) : 0;
  const kb = maxAbs(db) > 0 ? pow2Exponent(maxAbs(db)) : 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < da.length; i++) {
    const a = timesPow2(da[i], ka);
    const b = timesPow2(db[i], kb);
    sxx += a * a;
    syy += b * b;
    sxy += a * b;
  }
  const r = sxy / Math.sqrt(sxx) / Math.sqrt(syy);
  return Number.isFinite(r)
    ? { r: Math.max(-1, Math.min(1, r)), n, reason: null }
    : { r: NaN, n, reason: 'numeric_range' };
}

/**
 * A series without missing values, with the parts of pearsonPair's sums that depend on it alone. WHY:
 * a compare correlates each target's residuals with every other signal's; pearsonPair then repeats each
 * series' first pass, its deviations' sums and its constancy check for every partner, where only the
 * cross sum is new.
 */
export interface CompleteSeries {
  x: Float64Array;
  mean: number;
  /** Σ (x − mean) and Σ (x − mean)², summed in time order as pearsonPair sums them. */
  sumDev: number;
  sumSq: number;
  constant: boolean;
}

/** x prepared for pearsonComplete; null when a value is missing (pearsonPair then takes the pair). */
export function completeSeries(x: Float64Array): CompleteSeries | null {
  const n = x.length;
  let sum = 0;
  let constant = true;
  for (let t = 0; t < n; t++) {
    const v = x[t];
    if (!Number.isFinite(v)) {
      return null;
    }
    sum += v;
    constant = constant && v === x[0];
  }
  const mean = sum / n;
  let sumDev = 0;
  let sumSq = 0;
  for (let t = 0; t < n; t++) {
    const d = x[t] - mean;
    sumDev += d;
    sumSq += d * d;
  }
  return { x, mean, sumDev, sumSq, constant };
}

/**
 * completeSeries of every series, the same results: four series of one length at a time, their sums side
 * by side, each still added in time order. WHY: each sum waits on its own additions value by value, and
 * a compare prepares every signal's residuals.
 */
export function completeSeriesOf(xs: Float64Array[]): Array<CompleteSeries | null> {
  const out: Array<CompleteSeries | null> = [];
  for (let g = 0; g < xs.length; g += 4) {
    const group = xs.slice(g, g + 4);
    const alike = group.length === 4 && group.every((x) => x.length === group[0].length && x.length > 0);
    out.push(...(alike ? completeFour(group[0], group[1], group[2], group[3]) : group.map(completeSeries)));
  }
  return out;
}

/** completeSeries of four non-empty series of one length. */
function completeFour(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  d: Float64Array
): Array<CompleteSeries | null> {
  const n = a.length;
  let [sa, sb, sc, sd] = [0, 0, 0, 0];
  let [ka, kb, kc, kd] = [true, true, true, true];
  const [a0, b0, c0, d0] = [a[0], b[0], c[0], d[0]];
  for (let t = 0; t < n; t++) {
    sa += a[t];
    sb += b[t];
    sc += c[t];
    sd += d[t];
    ka = ka && a[t] === a0;
    kb = kb && b[t] === b0;
    kc = kc && c[t] === c0;
    kd = kd && d[t] === d0;
  }
  if (!Number.isFinite(sa + sb + sc + sd)) {
    // A missing or infinite value (or sums past the largest double): each series on its own.
    return [a, b, c, d].map(completeSeries);
  }
  const [ma, mb, mc, md] = [sa / n, sb / n, sc / n, sd / n];
  let [da, db, dc, dd] = [0, 0, 0, 0];
  let [qa, qb, qc, qd] = [0, 0, 0, 0];
  for (let t = 0; t < n; t++) {
    const ea = a[t] - ma;
    const eb = b[t] - mb;
    const ec = c[t] - mc;
    const ed = d[t] - md;
    da += ea;
    db += eb;
    dc += ec;
    dd += ed;
    qa += ea * ea;
    qb += eb * eb;
    qc += ec * ec;
    qd += ed * ed;
  }
  return [
    { x: a, mean: ma, sumDev: da, sumSq: qa, constant: ka },
    { x: b, mean: mb, sumDev: db, sumSq: qb, constant: kb },
    { x: c, mean: mc, sumDev: dc, sumSq: qc, constant: kc },
    { x: d, mean: md, sumDev: dd, sumSq: qd, constant: kd },
  ];
}

/**
 * pearsonPair(a.x, b.x, minOverlap) of two complete series of one length, the same double: with every
 * row common, its sums are the prepared ones and only the cross sum is taken here.
 */
export function pearsonComplete(
  a: CompleteSeries,
  b: CompleteSeries,
  minOverlap: number,
  crossSum = NaN
): PairCorrelation {
  const n = a.x.length;
  if (b.x.length !== n || n < Math.max(2, minOverlap) || a.constant || b.constant) {
    return pearsonPair(a.x, b.x, minOverlap);
  }
  const x = a.x;
  const y = b.x;
  // `crossSum`: the pair's Σ (x − mean)(y − mean) when the caller took it already (completeCrossSums, or the
  // residuals kernel: partial/residualize.ts's residualsForLinks).
  let sxy = Number.isNaN(crossSum) ? completeCrossSum(a, b) : crossSum;
  const sxx = a.sumSq - (a.sumDev * a.sumDev) / n;
  const syy = b.sumSq - (b.sumDev * b.sumDev) / n;
  sxy -= (a.sumDev * b.sumDev) / n;
  if (!(sxx > TINY && syy > TINY && sxx < Infinity && syy < Infinity)) {
    return pearsonPair(x, y, minOverlap);
  }
  const r = sxy / Math.sqrt(sxx) / Math.sqrt(syy);
  return { r: Math.max(-1, Math.min(1, r)), n, reason: null };
}

/** Σ (a − mean a)(b − mean b) over two complete series of one length, in time order. */
function completeCrossSum(a: CompleteSeries, b: CompleteSeries): number {
  const x = a.x;
  const y = b.x;
  const mx = a.mean;
  const my = b.mean;
  let sxy = 0;
  for (let t = 0; t < x.length; t++) {
    sxy += (x[t] - mx) * (y[t] - my);
  }
  return sxy;
}

/**
 * completeCrossSum of `a` with each of `others` (complete series of a's length), into out: the same
 * doubles, each sum added in time order. WHY together: each sum waits on its own additions value by
 * value; up to four sums side by side overlap, and a compare correlates every signal's residuals with
 * each target's.
 */
export function completeCrossSums(a: CompleteSeries, others: CompleteSeries[], out: Float64Array): Float64Array {
  const x = a.x;
  const mx = a.mean;
  const last = others.length - 1;
  for (let o = 0; o <= last; o += 4) {
    // A group short of four repeats its last series; the repeats' sums are not stored.
    const [b0, b1, b2, b3] = [
      others[o],
      others[Math.min(o + 1, last)],
      others[Math.min(o + 2, last)],
      others[Math.min(o + 3, last)],
    ];
    const y0 = b0.x;
    const y1 = b1.x;
    const y2 = b2.x;
    const y3 = b3.x;
    const m0 = b0.mean;
    const m1 = b1.mean;
    const m2 = b2.mean;
    const m3 = b3.mean;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let t = 0; t < x.length; t++) {
      const d = x[t] - mx;
      s0 += d * (y0[t] - m0);
      s1 += d * (y1[t] - m1);
      s2 += d * (y2[t] - m2);
      s3 += d * (y3[t] - m3);
    }
    out[o] = s0;
    if (o + 1 <= last) {
      out[o + 1] = s1;
    }
    if (o + 2 <= last) {
      out[o + 2] = s2;
    }
    if (o + 3 <= last) {
      out[o + 3] = s3;
    }
  }
  return out;
}
