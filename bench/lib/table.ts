/** Prints rows as an aligned plain-text table (first row = header). Returns the text. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const out = [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  return out.join('\n');
}

/** Formats milliseconds with three significant digits. */
export function ms(v: number | null): string {
  if (v === null || !Number.isFinite(v)) {
    return 'n/a';
  }
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** Formats a speed-up ratio like "7.3x". */
export function ratio(reference: number | null, ours: number): string {
  return reference === null || !Number.isFinite(reference) ? 'n/a' : `${(reference / ours).toFixed(1)}x`;
}
