import { DataFrame, FieldType } from '@grafana/data';
import { leBound } from '../../stats';
import { gridLength, type TimeGrid } from '../query/timeGrid';

export interface HistogramGroup {
  /** The full selector: the metric and its non-`le` labels (the drift series' id; the display name is histogramName's). */
  selector: string;
  labels: Record<string, string>;
  le: string[];
  /**
   * Per-bucket counters on the grid: running sums of the per-step increases Prometheus returned (NaN
   * before the first point). Counters, not per-step increases, because the drift engine then counts
   * any window and any baseline range itself (its 'increase' mode means one value per whole window).
   */
  buckets: Float64Array[];
}

/** Places a frame's samples on the grid by timestamp (Prometheus range queries align to the step). */
export function onGrid(frame: DataFrame, grid: TimeGrid): Float64Array {
  const length = gridLength(grid);
  const out = new Float64Array(length).fill(NaN);
  const time = frame.fields.find((f) => f.type === FieldType.time);
  const value = frame.fields.find((f) => f.type === FieldType.number);
  if (!time || !value) {
    return out;
  }
  for (let k = 0; k < time.values.length; k++) {
    const i = Math.round((Number(time.values[k]) - grid.start) / grid.stepMs);
    const v = value.values[k];
    if (i >= 0 && i < length && v !== null && v !== undefined) {
      out[i] = Number(v);
    }
  }
  return out;
}

/** Running sum of per-step increases; a missing step adds nothing (the counter holds its value). */
function runningSum(increases: Float64Array): Float64Array {
  const out = new Float64Array(increases.length);
  let total = NaN;
  for (let t = 0; t < increases.length; t++) {
    const v = increases[t];
    if (!Number.isNaN(v)) {
      total = (Number.isNaN(total) ? 0 : total) + v;
    }
    out[t] = total;
  }
  return out;
}

/**
 * Groups `_bucket` series by their labels other than `le`: each group is one distribution over time
 * (e.g. one feature). Frames without an `le` label are reported, never guessed at.
 */
export function groupHistogram(
  frames: DataFrame[],
  metricName: string,
  grid: TimeGrid
): { groups: HistogramGroup[]; withoutLe: number } {
  const groups = new Map<string, HistogramGroup>();
  let withoutLe = 0;
  for (const frame of frames) {
    const field = frame.fields.find((f) => f.type === FieldType.number);
    const labels = { ...(field?.labels ?? {}) };
    const le = labels.le;
    if (le === undefined) {
      withoutLe++;
      continue;
    }
    delete labels.le;
    delete labels.__name__;
    const key = JSON.stringify(Object.entries(labels).sort());
    const rest = Object.entries(labels)
      .sort()
      .map(([k, v]) => `${k}="${v}"`)
      .join(', ');
    const group = groups.get(key) ?? {
      selector: rest ? `${metricName}{${rest}}` : metricName,
      labels,
      le: [],
      buckets: [],
    };
    group.le.push(le);
    group.buckets.push(runningSum(onGrid(frame, grid)));
    groups.set(key, group);
  }
  // Buckets in ascending `le` order, +Inf last, as the drift engine expects.
  for (const g of groups.values()) {
    const order = g.le.map((_, i) => i).sort((a, b) => leBound(g.le[a]) - leBound(g.le[b]));
    g.le = order.map((i) => g.le[i]);
    g.buckets = order.map((i) => g.buckets[i]);
  }
  return { groups: [...groups.values()], withoutLe };
}
