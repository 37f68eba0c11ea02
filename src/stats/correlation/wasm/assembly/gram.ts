// AssemblyScript source of the WebAssembly SIMD Gram kernel (compiled by scripts/build-wasm.ts into
// ../gramKernelBytes.ts). Same tiling as ../../gramMatrix.ts: a 4x2 block of rows, eight f64x2
// accumulators, six loads per eight multiply-adds, now two time steps per instruction. Rows are unit-norm
// centred series of `len` f64 each, row-major at byte offset `z`; the n*n result goes to byte offset `out`.
// Each sum is an even-lane plus odd-lane sum, then the last element when `len` is odd: not the JS
// kernel's order, so results differ from it by rounding only (tests hold them to 1e-12).

/** First 16-byte aligned byte offset after the module's static data: the host places rows from here. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

function put(out: usize, n: i32, i: i32, j: i32, v: f64): void {
  store<f64>(out + ((<usize>i * n + j) << 3), v);
  store<f64>(out + ((<usize>j * n + i) << 3), v);
}

/** Dot product of the rows at byte offsets a and b. */
function dot(a: usize, b: usize, len: i32): f64 {
  const even = (<usize>(len & ~1)) << 3;
  let s = f64x2.splat(0);
  for (let o: usize = 0; o < even; o += 16) {
    s = f64x2.add(s, f64x2.mul(v128.load(a + o), v128.load(b + o)));
  }
  let r = hsum(s);
  if (len & 1) {
    r += load<f64>(a + even) * load<f64>(b + even);
  }
  return r;
}

/** Rows i0..i0+3 against every row j >= i0 (both triangles written). */
export function gramBlock4(z: usize, n: i32, len: i32, out: usize, i0: i32): void {
  const rowBytes = (<usize>len) << 3;
  const even = (<usize>(len & ~1)) << 3;
  const a0 = z + <usize>i0 * rowBytes;
  const a1 = a0 + rowBytes;
  const a2 = a1 + rowBytes;
  const a3 = a2 + rowBytes;
  let j = i0;
  for (; j + 2 <= n; j += 2) {
    const b0 = z + <usize>j * rowBytes;
    const b1 = b0 + rowBytes;
    let s00 = f64x2.splat(0);
    let s01 = f64x2.splat(0);
    let s10 = f64x2.splat(0);
    let s11 = f64x2.splat(0);
    let s20 = f64x2.splat(0);
    let s21 = f64x2.splat(0);
    let s30 = f64x2.splat(0);
    let s31 = f64x2.splat(0);
    for (let o: usize = 0; o < even; o += 16) {
      const y0 = v128.load(b0 + o);
      const y1 = v128.load(b1 + o);
      const x0 = v128.load(a0 + o);
      const x1 = v128.load(a1 + o);
      const x2 = v128.load(a2 + o);
      const x3 = v128.load(a3 + o);
      s00 = f64x2.add(s00, f64x2.mul(x0, y0));
      s01 = f64x2.add(s01, f64x2.mul(x0, y1));
      s10 = f64x2.add(s10, f64x2.mul(x1, y0));
      s11 = f64x2.add(s11, f64x2.mul(x1, y1));
      s20 = f64x2.add(s20, f64x2.mul(x2, y0));
      s21 = f64x2.add(s21, f64x2.mul(x2, y1));
      s30 = f64x2.add(s30, f64x2.mul(x3, y0));
      s31 = f64x2.add(s31, f64x2.mul(x3, y1));
    }
    let r00 = hsum(s00);
    let r01 = hsum(s01);
    let r10 = hsum(s10);
    let r11 = hsum(s11);
    let r20 = hsum(s20);
    let r21 = hsum(s21);
    let r30 = hsum(s30);
    let r31 = hsum(s31);
    if (len & 1) {
      const y0 = load<f64>(b0 + even);
      const y1 = load<f64>(b1 + even);
      const x0 = load<f64>(a0 + even);
      const x1 = load<f64>(a1 + even);
      const x2 = load<f64>(a2 + even);
      const x3 = load<f64>(a3 + even);
      r00 += x0 * y0;
      r01 += x0 * y1;
      r10 += x1 * y0;
      r11 += x1 * y1;
      r20 += x2 * y0;
      r21 += x2 * y1;
      r30 += x3 * y0;
      r31 += x3 * y1;
    }
    put(out, n, i0, j, r00);
    put(out, n, i0, j + 1, r01);
    put(out, n, i0 + 1, j, r10);
    put(out, n, i0 + 1, j + 1, r11);
    put(out, n, i0 + 2, j, r20);
    put(out, n, i0 + 2, j + 1, r21);
    put(out, n, i0 + 3, j, r30);
    put(out, n, i0 + 3, j + 1, r31);
  }
  for (; j < n; j++) {
    const b = z + <usize>j * rowBytes;
    put(out, n, i0, j, dot(a0, b, len));
    put(out, n, i0 + 1, j, dot(a1, b, len));
    put(out, n, i0 + 2, j, dot(a2, b, len));
    put(out, n, i0 + 3, j, dot(a3, b, len));
  }
}

/** Row i against every row j >= i: the rows left over when n is not a multiple of four. */
export function gramRow(z: usize, n: i32, len: i32, out: usize, i: i32): void {
  const rowBytes = (<usize>len) << 3;
  const a = z + <usize>i * rowBytes;
  for (let j = i; j < n; j++) {
    put(out, n, i, j, dot(a, z + <usize>j * rowBytes, len));
  }
}
