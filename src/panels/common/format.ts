/** Number and duration formatting shared by both panels' tooltips, sentences and axes. */

/** "2m", "1m 30s", "45s", "2h 5m", "0s"; sign kept ("-2m"). Input in seconds. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) {
    return '–';
  }
  const sign = seconds < 0 ? '-' : '';
  let s = Math.round(Math.abs(seconds));
  if (s === 0) {
    return '0s';
  }
  const units: Array<[string, number]> = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  for (const [label, size] of units) {
    if (s >= size && parts.length < 2) {
      parts.push(`${Math.floor(s / size)}${label}`);
      s %= size;
    } else if (parts.length > 0) {
      // Only two adjacent units: "1h 0m 5s" is noise.
      break;
    }
  }
  return sign + parts.join(' ');
}

/** r and similar values: fixed decimals, "–" for missing; a true minus sign reads better in tables. */
export function formatR(r: number | null | undefined, decimals = 2): string {
  if (r === null || r === undefined || !Number.isFinite(r)) {
    return '–';
  }
  const text = Math.abs(r).toFixed(decimals);
  return (r < 0 && Number(text) !== 0 ? '−' : '') + text;
}

/** p- and q-values the way papers print them: "< 0.001", "0.012", "0.31". */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) {
    return '–';
  }
  if (p < 0.001) {
    return '< 0.001';
  }
  return p < 0.01 ? p.toFixed(3) : p.toFixed(2);
}

/** Sample sizes: integers as is, effective n to the nearest integer. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : String(Math.round(n));
}
