/**
 * Number and duration formatting shared by both panels' tooltips, sentences and axes. The formats are
 * the engine's (src/stats/lags/leadWords.ts), which prints the lead sentence with them: one copy, so a
 * number reads the same in the sentence and in the table beside it. Here only the panels' inputs.
 */
import { durationText, pValueText, rText } from '../../stats';

/** "2m", "1m 30s", "45s", "2h 5m", "0s"; sign kept ("-2m"). Input in seconds. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) {
    return '–';
  }
  if (Math.round(Math.abs(seconds) * 1000) === 0) {
    // An axis tick at lag 0: "0s", not "0ms".
    return '0s';
  }
  return (seconds < 0 ? '-' : '') + durationText(Math.abs(seconds), 1000);
}

/** r and similar values: fixed decimals, "–" for missing; a true minus sign reads better in tables. */
export const formatR: (r: number | null | undefined, decimals?: number) => string = rText;

/** p- and q-values the way papers print them: "< 0.001", "0.012", "0.31". */
export const formatP: (p: number | null | undefined) => string = pValueText;

/** Sample sizes: integers as is, effective n to the nearest integer. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : String(Math.round(n));
}
