/** The least-squares line of a window over its finite points: value ≈ mean + slope · (t − meanT). */
export interface Line {
  meanT: number;
  mean: number;
  slope: number;
}

/**
 * Longest window whose sums over t have exact closed forms in doubles: Σt = n(n − 1)/2 and
 * Σ(t − mean t)² = n(n² − 1)/12 are then integers or quarters below 2⁵³, as is every partial sum of the
 * per-point walk, so both give the same double.
 */
const CLOSED_FORM_POINTS = 2 ** 17;

/** The line of x over its finite points (t = 0, 1, … along x), each sum added in time order. */
export function lineOf(x: Float64Array): Line {
  const len = x.length;
  let sx = 0;
  for (let t = 0; t < len; t++) {
    sx += x[t];
  }
  // No gap (a missing or infinite value would have carried into the sum): t's sums take their closed
  // forms and no value is tested; otherwise both walks skip the missing points.
  if (Number.isFinite(sx) && len <= CLOSED_FORM_POINTS) {
    const meanT = (len * (len - 1)) / 2 / len;
    const mean = sx / len;
    let stx = 0;
    for (let t = 0; t < len; t++) {
      stx += (t - meanT) * (x[t] - mean);
    }
    return completeLine(len, meanT, mean, stx);
  }
  let [n, st] = [0, 0];
  sx = 0;
  for (let t = 0; t < len; t++) {
    if (Number.isFinite(x[t])) {
      n++;
      st += t;
      sx += x[t];
    }
  }
  const meanT = st / n;
  const mean = sx / n;
  let stt = 0;
  let stx = 0;
  for (let t = 0; t < len; t++) {
    if (Number.isFinite(x[t])) {
      stt += (t - meanT) * (t - meanT);
      stx += (t - meanT) * (x[t] - mean);
    }
  }
  return { meanT, mean, slope: stt > 0 ? stx / stt : 0 };
}

/** The line of a window with no gap, from Σ(t − meanT)(x − mean). */
function completeLine(len: number, meanT: number, mean: number, stx: number): Line {
  const stt = (len * (len * len - 1)) / 12;
  return { meanT, mean, slope: stt > 0 ? stx / stt : 0 };
}

/**
 * lineOf the window lo..hi−1 of every series, the same doubles: four windows with no gap at a time,
 * their sums side by side, each still added in time order. WHY: each sum waits on its own additions
 * value by value, and a compare fits the baseline of every signal.
 */
export function linesOf(series: Float64Array[], lo: number, hi: number): Line[] {
  const len = Math.max(0, hi - lo);
  const lines: Line[] = [];
  for (let g = 0; g < series.length; g += 4) {
    const group = series.slice(g, g + 4).map((x) => x.subarray(lo, hi));
    const four = group.length === 4 && len > 0 && len <= CLOSED_FORM_POINTS ? fourLines(group, len) : null;
    lines.push(...(four ?? group.map(lineOf)));
  }
  return lines;
}

/** lineOf four windows of `len` values; null when one has a gap (lineOf then takes each). */
function fourLines([a, b, c, d]: Float64Array[], len: number): Line[] | null {
  let [sa, sb, sc, sd] = [0, 0, 0, 0];
  for (let t = 0; t < len; t++) {
    sa += a[t];
    sb += b[t];
    sc += c[t];
    sd += d[t];
  }
  if (!Number.isFinite(sa + sb + sc + sd)) {
    return null;
  }
  const meanT = (len * (len - 1)) / 2 / len;
  const [ma, mb, mc, md] = [sa / len, sb / len, sc / len, sd / len];
  let [pa, pb, pc, pd] = [0, 0, 0, 0];
  for (let t = 0; t < len; t++) {
    const dt = t - meanT;
    pa += dt * (a[t] - ma);
    pb += dt * (b[t] - mb);
    pc += dt * (c[t] - mc);
    pd += dt * (d[t] - md);
  }
  return [
    completeLine(len, meanT, ma, pa),
    completeLine(len, meanT, mb, pb),
    completeLine(len, meanT, mc, pc),
    completeLine(len, meanT, md, pd),
  ];
}

/** x minus its line (missing values stay missing), into `out`. */
export function subtractLine(x: Float64Array, line: Line, out: Float64Array): Float64Array {
  const { meanT, mean, slope } = line;
  // A loop, not x.map: the typed-array map calls its callback per value, several times slower here.
  for (let t = 0; t < x.length; t++) {
    out[t] = x[t] - mean - slope * (t - meanT);
  }
  return out;
}
