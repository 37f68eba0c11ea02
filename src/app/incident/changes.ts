/**
 * "What changed" as the page lists it: the engine's ranking (changed first by q, then by change score)
 * kept as is, each row with its numbers as text and the slice of aligned values for its sparkline.
 * Pure.
 */
import type { AnalyzeResult, CompareResult, SignalChange } from '../../stats';
import { formatP, formatR } from '../../panels/common/format';

export interface ChangeRow {
  id: string;
  name: string;
  role: SignalChange['role'];
  changed: boolean;
  /** "q 0.003", "q –" */
  qText: string;
  /** "score 0.62" */
  scoreText: string;
  /** "+2.1 sd" (Glass's Δ), empty without a number. */
  effectText: string;
  /** Why there is no number, when there is none. */
  reason: string | null;
}

/** Glass's Δ as "+2.1 sd" / "−0.4 sd". */
export function effectText(effect: number | null): string {
  if (effect === null || !Number.isFinite(effect)) {
    return '';
  }
  const sign = effect > 0 ? '+' : effect < 0 ? '−' : '';
  return `${sign}${Math.abs(effect).toFixed(1)} sd`;
}

export function changeRows(compare: CompareResult): ChangeRow[] {
  return compare.signals.map((s) => ({
    id: s.id,
    name: s.name,
    role: s.role,
    changed: s.q !== null && s.q <= compare.alpha,
    qText: `q ${formatP(s.q)}`,
    scoreText: `score ${formatR(s.score)}`,
    effectText: effectText(s.effect),
    reason: s.reason,
  }));
}

export interface SparkSlice {
  from: number;
  to: number;
  times: number[];
  values: Array<number | null>;
}

/** A sparkline's two windows, drawn side by side (a shifted baseline lies a day or a week before). */
export interface SparkData {
  baseline: SparkSlice;
  incident: SparkSlice;
}

function slice(result: AnalyzeResult, values: Array<number | null>, window: { from: number; to: number }): SparkSlice {
  const grid = result.grid!;
  const out: SparkSlice = { from: window.from, to: window.to, times: [], values: [] };
  values.forEach((v, i) => {
    const t = grid.timestamps?.[i] ?? grid.start + i * grid.stepMs;
    // Windows are half-open (from, to], as the engine reads them.
    if (t > window.from && t <= window.to) {
      out.times.push(t);
      out.values.push(v);
    }
  });
  return out;
}

/**
 * The aligned values of a series inside the baseline and the incident, for its sparkline. Undefined
 * when the result carries no aligned values (includeAligned off) or no compare windows.
 */
export function sparkData(result: AnalyzeResult, id: string): SparkData | undefined {
  const series = result.series.find((s) => s.id === id);
  const compare = result.compare;
  if (!result.grid || !series?.values || !compare) {
    return undefined;
  }
  return {
    baseline: slice(result, series.values, compare.baseline),
    incident: slice(result, series.values, compare.incident),
  };
}
