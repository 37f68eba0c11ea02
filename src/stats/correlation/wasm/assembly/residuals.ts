// AssemblyScript source of the WebAssembly residuals kernel, compiled by scripts/build-wasm.ts into
// ../residualsKernelBytes.ts. Its host is partial/residualsWasm.ts, which owns the layout; partial/
// residualize.ts calls it for a series with every row of its design and computes in JavaScript otherwise.
//
// It gives the residuals of x after least-squares regression on an intercept and k centred controls, the
// same doubles as residualize.ts's residualsOn: every sum adds its rows in order and every fit adds its
// terms in order (mx + b0 c0 + b1 c1 + ...), in IEEE multiplication and addition. The f64x2 lanes only
// do two independent sums or two rows at once; nothing is reassociated. WHY a kernel: a compare
// residualises every signal on the controls, and the same walks took JavaScript about 17 us per series
// of 1,440 points.
//
// Layout (byte offsets chosen by the host, 16-byte aligned): x (m f64); the design's centred controls
// twice, by row (m rows of k, then four f64 of padding) and by column (k columns of m); pinv (k x k,
// row-major); aty and beta (k f64 each, 16-byte aligned, with one f64 of room past k); out (m f64); the
// sums of out (4 f64, seriesSums); and the residuals the host keeps (the targets', m f64 each, crossSum).

/** First 16-byte aligned byte offset after the module's static data: the host places its buffers from here. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

/**
 * out = x - (mx + design fit) on rows 0..m-1, where mx is the mean of x (meanOn's double, from the host),
 * rows the centred controls by row, cols by column, pinv the pseudo-inverse of their normal matrix.
 */
export function residuals(
  x: usize,
  m: i32,
  mx: f64,
  rows: usize,
  cols: usize,
  k: i32,
  pinv: usize,
  aty: usize,
  beta: usize,
  out: usize
): void {
  columnSums(x, m, mx, rows, k, aty);
  // beta[a] = 0 + p[a][0] aty[0] + p[a][1] aty[1] + ..., as residualsOn's loop adds them.
  for (let a = 0; a < k; a++) {
    let s: f64 = 0;
    for (let b = 0; b < k; b++) {
      s += load<f64>(pinv + ((<usize>(a * k + b)) << 3)) * load<f64>(aty + ((<usize>b) << 3));
    }
    store<f64>(beta + ((<usize>a) << 3), s);
  }
  fit(x, m, mx, cols, k, beta, out);
}

/**
 * aty[a] = sum over rows r, in order, of rows[r k + a] (x[r] - mx). Two columns per f64x2, two such pairs
 * per walk; a pair past k reads padding or the next row's first column, and its lane is not stored.
 */
function columnSums(x: usize, m: i32, mx: f64, rows: usize, k: i32, aty: usize): void {
  const stride = (<usize>k) << 3;
  for (let a = 0; a < k; a += 4) {
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let p = rows + ((<usize>a) << 3);
    for (let r = 0; r < m; r++) {
      const y = f64x2.splat(load<f64>(x + ((<usize>r) << 3)) - mx);
      s0 = f64x2.add(s0, f64x2.mul(v128.load(p), y));
      s1 = f64x2.add(s1, f64x2.mul(v128.load(p, 16), y));
      p += stride;
    }
    const at = aty + ((<usize>a) << 3);
    v128.store(at, s0);
    if (a + 2 < k) {
      // Lane 1 of s1 may belong past k; aty has one f64 of room for it.
      v128.store(at, s1, 16);
    }
  }
}

/** out[r] = x[r] - (((mx + beta[0] c0[r]) + beta[1] c1[r]) + ...), two rows per f64x2. */
function fit(x: usize, m: i32, mx: f64, cols: usize, k: i32, beta: usize, out: usize): void {
  const column = (<usize>m) << 3;
  let r = 0;
  for (; r + 2 <= m; r += 2) {
    const at = (<usize>r) << 3;
    let f = f64x2.splat(mx);
    let c = cols + at;
    for (let a = 0; a < k; a++) {
      f = f64x2.add(f, f64x2.mul(f64x2.splat(load<f64>(beta + ((<usize>a) << 3))), v128.load(c)));
      c += column;
    }
    v128.store(out + at, f64x2.sub(v128.load(x + at), f));
  }
  for (; r < m; r++) {
    const at = (<usize>r) << 3;
    let f = mx;
    let c = cols + at;
    for (let a = 0; a < k; a++) {
      f += load<f64>(beta + ((<usize>a) << 3)) * load<f64>(c);
      c += column;
    }
    store<f64>(out + at, load<f64>(x + at) - f);
  }
}

/**
 * What pearsonComplete (correlation/pearsonPair.ts) reads of the m values at x, into out: their mean (the
 * sum, in four lanes, over m), the sum of their deviations from it, the sum of the squared deviations
 * (four lanes each), and 1 when every value equals the first, else 0. WHY here: a compare prepares every
 * residual series for its partial links right where this kernel wrote it; JavaScript's sums waited on
 * each addition.
 */
export function seriesSums(x: usize, m: i32, out: usize): void {
  const end = x + ((<usize>(m & ~3)) << 3);
  const first = load<f64>(x);
  const firsts = f64x2.splat(first);
  let s0 = f64x2.splat(0);
  let s1 = s0;
  let same = f64x2.eq(firsts, firsts);
  for (let p = x; p < end; p += 32) {
    const a = v128.load(p);
    const b = v128.load(p, 16);
    s0 = f64x2.add(s0, a);
    s1 = f64x2.add(s1, b);
    same = v128.and(same, v128.and(f64x2.eq(a, firsts), f64x2.eq(b, firsts)));
  }
  let sum = lanes(s0) + lanes(s1);
  let constant = i64x2.all_true(same);
  for (let p = end; p < x + ((<usize>m) << 3); p += 8) {
    sum += load<f64>(p);
    constant = constant && load<f64>(p) == first;
  }
  const mean = sum / <f64>m;
  const means = f64x2.splat(mean);
  s0 = f64x2.splat(0);
  s1 = s0;
  let q0 = s0;
  let q1 = s0;
  for (let p = x; p < end; p += 32) {
    const a = f64x2.sub(v128.load(p), means);
    const b = f64x2.sub(v128.load(p, 16), means);
    s0 = f64x2.add(s0, a);
    s1 = f64x2.add(s1, b);
    q0 = f64x2.add(q0, f64x2.mul(a, a));
    q1 = f64x2.add(q1, f64x2.mul(b, b));
  }
  let dev = lanes(s0) + lanes(s1);
  let sq = lanes(q0) + lanes(q1);
  for (let p = end; p < x + ((<usize>m) << 3); p += 8) {
    const d = load<f64>(p) - mean;
    dev += d;
    sq += d * d;
  }
  store<f64>(out, mean);
  store<f64>(out, dev, 8);
  store<f64>(out, sq, 16);
  store<f64>(out, constant ? 1 : 0, 24);
}

/** The sum over m rows of (a[r] - ma)(b[r] - mb), four lanes at a time. */
export function crossSum(a: usize, ma: f64, b: usize, mb: f64, m: i32): f64 {
  const ends = (<usize>(m & ~3)) << 3;
  const mas = f64x2.splat(ma);
  const mbs = f64x2.splat(mb);
  let s0 = f64x2.splat(0);
  let s1 = s0;
  for (let o: usize = 0; o < ends; o += 32) {
    s0 = f64x2.add(s0, f64x2.mul(f64x2.sub(v128.load(a + o), mas), f64x2.sub(v128.load(b + o), mbs)));
    s1 = f64x2.add(s1, f64x2.mul(f64x2.sub(v128.load(a + o, 16), mas), f64x2.sub(v128.load(b + o, 16), mbs)));
  }
  let sum = lanes(s0) + lanes(s1);
  for (let o = ends; o < (<usize>m) << 3; o += 8) {
    sum += (load<f64>(a + o) - ma) * (load<f64>(b + o) - mb);
  }
  return sum;
}

function lanes(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}
