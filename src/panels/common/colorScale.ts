/**
 * Diverging colour scale for correlations (-1..1) built from theme colours only, so it follows the
 * dark/light theme and passes the "no hard-coded colours" review rule. Pure: takes colour strings,
 * returns a lookup table, so it is unit tested without a theme or a canvas.
 */
import { colorManipulator } from '@grafana/data';

export interface DivergingColors {
  negative: string;
  neutral: string;
  positive: string;
}

/** Steps of the lookup table over -1..1: 0.01 in r is below what anyone can see in a cell. */
export const SCALE_STEPS = 201;

function mix(a: string, b: string, t: number): string {
  const ca = colorManipulator.decomposeColor(a);
  const cb = colorManipulator.decomposeColor(b);
  const values = [0, 1, 2].map((i) =>
    Math.round(Number(ca.values[i]) + (Number(cb.values[i]) - Number(ca.values[i])) * t)
  );
  return colorManipulator.recomposeColor({ type: 'rgb', values });
}

/** A table of SCALE_STEPS colours; index 0 is r = -1, the middle r = 0 (neutral), the last r = 1. */
export function buildColorTable(colors: DivergingColors): string[] {
  const neg = colorManipulator.asRgbString(colors.negative);
  const mid = colorManipulator.asRgbString(colors.neutral);
  const pos = colorManipulator.asRgbString(colors.positive);
  const half = (SCALE_STEPS - 1) / 2;
  return Array.from({ length: SCALE_STEPS }, (_, i) => {
    const t = (i - half) / half;
    // Mild easing keeps weak correlations visibly close to neutral, which is what they are.
    const eased = Math.sign(t) * Math.pow(Math.abs(t), 0.85);
    return eased < 0 ? mix(mid, neg, -eased) : mix(mid, pos, eased);
  });
}

/** Index into the colour table for r (clamped; NaN gives -1: the caller draws "no value" itself). */
export function colorIndex(r: number): number {
  if (!Number.isFinite(r)) {
    return -1;
  }
  const clamped = Math.max(-1, Math.min(1, r));
  return Math.round(((clamped + 1) / 2) * (SCALE_STEPS - 1));
}
