import { DataFrame, FieldType, getFieldDisplayName } from '@grafana/data';
import { copyToFloat64, type SeriesInput } from '../stats';
import type { SignalInfo } from './frameContract';

export interface ExtractedSeries {
  series: SeriesInput[];
  signals: SignalInfo[];
}

/** A field's values as the engine takes them: Float64Arrays of its own (they may be transferred). */
export interface PlacedValues {
  values: Float64Array;
  /** Absent when the values sit on the request's grid. */
  timestamps?: Float64Array;
}

/** Copies of a field's timestamps and values: what a caller without a grid hands the engine to align. */
export function copies(timestamps: ArrayLike<unknown>, values: ArrayLike<unknown>): PlacedValues {
  return { timestamps: copyToFloat64(timestamps), values: copyToFloat64(values) };
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
  context: DataFrame[] = frames,
  /**
   * Reads a field's values out of the frame's arrays. The data source places them on its grid in the
   * same pass (datasource/pipeline/placeOnGrid.ts); the default copies timestamps and values.
   */
  place: (timestamps: ArrayLike<unknown>, values: ArrayLike<unknown>) => PlacedValues = copies
): ExtractedSeries {
  const out: ExtractedSeries = { series: [], signals: [] };
  for (const frame of frames) {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    if (!time) {
      continue;
    }
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
      out.series.push({ id: name, name, ...place(time.values, field.values) });
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
