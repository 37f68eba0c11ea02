import { DataFrame, FieldType, getFieldDisplayName } from '@grafana/data';
import { copyToFloat64, type SeriesInput } from '../stats';
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
  provenance?: SignalInfo['provenance'];
}

/**
 * Turns Grafana time series frames (any data source: one frame per series, or wide frames with one
 * time field and several number fields) into engine series, one per number field, named the way
 * Grafana names it (legend format / labels). Names are made unique by suffixing " (2)", " (3)".
 */
export function seriesFromFrames(
  frames: DataFrame[],
  defaults: Defaults = {},
  taken = new Set<string>(),
  /** All frames of the response, when `frames` is one batch of them (display names depend on all). */
  context: DataFrame[] = frames
): ExtractedSeries {
  const out: ExtractedSeries = { series: [], signals: [] };
  for (const frame of frames) {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (!time) {
      continue;
    }
    const timestamps = copyToFloat64(time.values);
    for (const field of frame.fields) {
      if (field.type !== FieldType.number) {
        continue;
      }
      // Grafana's name needs all frames (it drops labels they share); computed once per field.
      const base = getFieldDisplayName(field, frame, context);
      let name = base;
      for (let k = 2; taken.has(name); k++) {
        name = `${base} (${k})`;
      }
      taken.add(name);
      out.series.push({ id: name, name, timestamps: timestamps.slice(), values: copyToFloat64(field.values) });
      out.signals.push({
        name,
        role: defaults.role ?? 'infra',
        signal: defaults.signal ?? frame.refId ?? '',
        labels: { ...(field.labels ?? {}) },
        expr: defaults.expr,
        datasourceUid: defaults.datasourceUid,
        ...(defaults.provenance ? { provenance: defaults.provenance } : {}),
      });
    }
  }
  return out;
}
