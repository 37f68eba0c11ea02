/** Minimal scales, ticks and SVG paths for the small charts (lag curves, drill-down), pure and tested. */

/**
 * A name shortened to `max` characters with an ellipsis, for SVG text (which has no CSS ellipsis): the
 * caller keeps the full name in a <title>.
 */
export function fitText(name: string, max: number): string {
  return name.length > max ? name.slice(0, Math.max(1, max - 1)) + '…' : name;
}

/** About how many characters of SVG text at `fontSize` px fit in `width` px (average glyph ~0.6 em). */
export function charsIn(width: number, fontSize: number): number {
  return Math.max(4, Math.floor(width / (fontSize * 0.6)));
}

export interface Scale {
  (v: number): number;
  domain: [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain;
  const k = (range[1] - range[0]) / (d1 - d0);
  const f = ((v: number) => range[0] + (v - d0) * k) as Scale;
  f.domain = [d0, d1];
  return f;
}

/** About `count` round tick values (1, 2, 5 x 10^k steps) inside [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) {
    return Number.isFinite(lo) ? [lo] : [];
  }
  const raw = (hi - lo) / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return out;
}

/** SVG path through (x[i], y[i]); missing y (null/NaN) breaks the line instead of drawing to zero. */
export function linePath(xs: ArrayLike<number>, ys: ArrayLike<number | null>, sx: Scale, sy: Scale): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (y === null || y === undefined || !Number.isFinite(y) || !Number.isFinite(xs[i])) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(xs[i]).toFixed(1)},${sy(y).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** Finite min/max over several arrays, or the fallback when there is nothing finite. */
export function extent(arrays: Array<ArrayLike<number | null>>, fallback: [number, number] = [0, 1]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (v !== null && Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  return lo <= hi ? [lo, hi] : fallback;
}

const MINUTE = 60_000;
const TIME_STEPS = [1, 5, 10, 15, 30, 60, 180, 360, 720, 1440, 10080].map((m) => m * MINUTE);

/** About `count` time ticks on round minutes/hours/days (UTC), for the drill-down's time axis. */
export function timeTicks(from: number, to: number, count = 5): number[] {
  if (!(to > from)) {
    return [];
  }
  const step = TIME_STEPS.find((s) => s >= (to - from) / Math.max(1, count)) ?? TIME_STEPS[TIME_STEPS.length - 1];
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
    out.push(t);
  }
  return out;
}
