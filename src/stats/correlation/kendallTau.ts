/** Counts Kendall's p-value needs, named as in scipy.stats.kendalltau (SciPy 1.10). */
export interface KendallStats {
  tau: number;
  /** Number of pairwise-complete observations. */
  size: number;
  /** Discordant pairs. */
  dis: number;
  /** n(n-1)/2. */
  tot: number;
  /** Pairs tied in x, in y, in both. */
  xtie: number;
  ytie: number;
  ntie: number;
  /** Sum of t(t-1)(t-2) and t(t-1)(2t+5) over tie groups of x and y (variance terms). */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Kendall's tau-b in O(n log n) by Knight's algorithm (Knight 1966, "A computer method for
 * calculating Kendall's tau with ungrouped data", JASA 61:436-439).
 *
 * Inputs are integer ranks (dense, -1 = missing) so that the pair can be sorted by the single key
 * xRank * U + yRank with the native typed-array sort. After that sort, discordant pairs are the strict
 * inversions of the y sequence, counted with a Fenwick tree; ties in x, y and both come from run
 * lengths. tau-b = (P - Q) / sqrt((n0 - n1)(n0 - n2)) (Kendall 1945). Returns tau = NaN when either
 * side is constant on the common rows.
 */
export function kendallTau(xr: Int32Array, yr: Int32Array, uniqueY: number, uniqueX: number): KendallStats {
  const len = Math.min(xr.length, yr.length);
  const U = uniqueY + 1;
  let size = 0;
  for (let t = 0; t < len; t++) {
    if (xr[t] >= 0 && yr[t] >= 0) {
      size++;
    }
  }
  const keys = new Float64Array(size);
  let k = 0;
  for (let t = 0; t < len; t++) {
    if (xr[t] >= 0 && yr[t] >= 0) {
      keys[k++] = xr[t] * U + yr[t];
    }
  }
  keys.sort();

  // Fenwick tree over y ranks counts earlier elements with y <= current.
  const tree = new Int32Array(U + 1);
  const yCount = new Int32Array(U);
  let dis = 0;
  let xtie = 0;
  let x0 = 0;
  let x1 = 0;
  let ntie = 0;
  let xRun = 1;
  let jRun = 1;
  for (let i = 0; i < size; i++) {
    const key = keys[i];
    const y = key % U;
    // earlier elements with y' <= y
    let le = 0;
    for (let p = y + 1; p > 0; p -= p & -p) {
      le += tree[p];
    }
    dis += i - le;
    for (let p = y + 1; p <= U; p += p & -p) {
      tree[p]++;
    }
    yCount[y]++;
    if (i > 0) {
      const prev = keys[i - 1];
      if (Math.floor(prev / U) === Math.floor(key / U)) {
        xRun++;
      } else {
        xtie += (xRun * (xRun - 1)) / 2;
        x0 += xRun * (xRun - 1) * (xRun - 2);
        x1 += xRun * (xRun - 1) * (2 * xRun + 5);
        xRun = 1;
      }
      if (prev === key) {
        jRun++;
      } else {
        ntie += (jRun * (jRun - 1)) / 2;
        jRun = 1;
      }
    }
  }
  if (size > 0) {
    xtie += (xRun * (xRun - 1)) / 2;
    x0 += xRun * (xRun - 1) * (xRun - 2);
    x1 += xRun * (xRun - 1) * (2 * xRun + 5);
    ntie += (jRun * (jRun - 1)) / 2;
  }
  let ytie = 0;
  let y0 = 0;
  let y1 = 0;
  for (let y = 0; y < uniqueY; y++) {
    const c = yCount[y];
    if (c > 1) {
      ytie += (c * (c - 1)) / 2;
      y0 += c * (c - 1) * (c - 2);
      y1 += c * (c - 1) * (2 * c + 5);
    }
  }
  void uniqueX;
  const tot = (size * (size - 1)) / 2;
  let tau = NaN;
  if (size >= 2 && xtie !== tot && ytie !== tot) {
    const conMinusDis = tot - xtie - ytie + ntie - 2 * dis;
    tau = conMinusDis / Math.sqrt(tot - xtie) / Math.sqrt(tot - ytie);
    tau = Math.min(1, Math.max(-1, tau));
  }
  return { tau, size, dis, tot, xtie, ytie, ntie, x0, x1, y0, y1 };
}
