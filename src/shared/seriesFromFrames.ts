import { DataFrame, FieldType, getFieldDisplayName } from '@grafana/data';
import type { SeriesInput } from '../stats/contract';
import type { SignalInfo } from './frameContract';

export interface ExtractedSeries {
  series: SeriesInput[];
  signals: SignalInfo[];
}

interface Defaults {
  role?: SignalInfo['role'];
  signal?: string;
  expr?: string;
  datasourceUid?: string;
}

/**
 * Turns Grafana time series frames (any data source: one frame per series, or wide frames with one
 * time field and several number fields) into engine series, one per number field, named the way
 * Grafana names it (legend format / labels). Names are made unique by suffixing " (2)", " (3)".
 */
export function seriesFromFrames(frames: DataFrame[], defaults: Defaults = {}, taken = new Set<string>()): ExtractedSeries {
  const out: ExtractedSeries = { series: [], signals: [] };
  for (const frame of frames) {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (!time) {
      continue;
    }
    const timestamps = Float64Array.from(time.values as ArrayLike<number>, (t) => Number(t));
    for (const field of frame.fields) {
      if (field.type !== FieldType.number) {
        continue;
      }
      let name = getFieldDisplayName(field, frame, frames);
      for (let k = 2; taken.has(name); k++) {
        name = `${getFieldDisplayName(field, frame, frames)} (${k})`;
      }
      taken.add(name);
      const values = Float64Array.from(field.values as ArrayLike<number | null>, (v) => (v === null || v === undefined ? NaN : Number(v)));
      out.series.push({ id: name, name, timestamps: timestamps.slice(), values });
      out.signals.push({
        name,
        role: defaults.role ?? 'infra',
        signal: defaults.signal ?? frame.refId ?? '',
        labels: { ...(field.labels ?? {}) },
        expr: defaults.expr,
        datasourceUid: defaults.datasourceUid,
      });
    }
  }
  return out;
}
