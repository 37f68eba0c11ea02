/**
 * Numbers as the lead sentence prints them. The engine owns the sentence (lags/leadStatement.ts), so
 * its number formats live here, in the pure engine, where every consumer can reach them; the panels
 * format their tooltips and axes with these too (exported from src/stats/index.ts), so a number reads
 * the same in a sentence and in the table beside it.
 */

const UNITS: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/** A lag of `steps` grid steps: "5m", "1h 30m", "45s" with a step in ms; "3 steps" without one. */
export function durationText(steps: number, stepMs?: number): string {
  if (stepMs === undefined || !(stepMs > 0)) {
    return `${steps} step${Math.abs(steps) === 1 ? '' : 's'}`;
  }
  let ms = Math.round(Math.abs(steps) * stepMs);
  if (ms < 1_000) {
    return `${ms}ms`;
  }
  // At most two adjacent units: "1h 0m 5s" would be noise.
  const parts: string[] = [];
  for (const [label, size] of UNITS) {
    if (parts.length === 0 ? ms >= size : parts.length < 2) {
      parts.push(`${Math.floor(ms / size)}${label}`);
      ms %= size;
    }
  }
  return parts.filter((p, i) => i === 0 || !p.startsWith('0')).join(' ');
}

/** r with two decimals (or `decimals`) and a true minus sign; "–" when missing. */
export function rText(r: number | null | undefined, decimals = 2): string {
  if (r === null || r === undefined || !Number.isFinite(r)) {
    return '–';
  }
  const t = Math.abs(r).toFixed(decimals);
  return (r < 0 && Number(t) !== 0 ? '−' : '') + t;
}

/** A p- or q-value the way papers print it: "< 0.001", "0.012", "0.31"; "–" when missing. */
export function pValueText(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) {
    return '–';
  }
  if (p < 0.001) {
    return '< 0.001';
  }
  return p < 0.01 ? p.toFixed(3) : p.toFixed(2);
}

/** A p- or q-value after its symbol: "< 0.001", "= 0.012", "= 0.31"; "= –" when missing. */
export function pText(p: number | null | undefined): string {
  const t = pValueText(p);
  return t.startsWith('<') ? t : `= ${t}`;
}
