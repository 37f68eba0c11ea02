/** What every frame builder shares: the caller's options and lookups into the result. */
import type { QueryResultMetaNotice } from '@grafana/data';
import { isDriftSeriesId, type AnalyzeResult } from '../../stats';
import type { FrameKindValue, SignalInfo, SignalProvenance } from '../frameContract';

export interface FrameOptions {
  refId: string;
  /** Signals in the order of the result's series ids (`result.series[i].id` = name). */
  signals: SignalInfo[];
  /** Include aligned inputs as time series frames (needs `includeAligned` in the request). */
  aligned?: boolean;
  /** Frame kinds to build (default: every kind the result holds). */
  kinds?: FrameKindValue[];
  /** Extra notices (e.g. failed signal queries, main-thread fallback). */
  notices?: QueryResultMetaNotice[];
  /** Matrix columns built ahead, one per task (resultToFramesInTasks), by the engine matrix they came from. */
  columns?: Map<Float64Array, Array<number | null>>;
}

/** id -> display name, built once (results can hold hundreds of series). */
export function seriesNames(result: AnalyzeResult): (id: string) => string {
  const names = new Map(result.series.map((s) => [s.id, s.name]));
  return (id) => names.get(id) ?? id;
}

/** id -> the signal it came from (first by that name), built once per frame kind. */
export function signalLookup(signals: SignalInfo[]): (id: string) => SignalInfo {
  const byName = new Map<string, SignalInfo>();
  signals.forEach((s) => byName.has(s.name) || byName.set(s.name, s));
  return (id) => byName.get(id) ?? { name: id, role: isDriftSeriesId(id) ? 'model' : 'infra', signal: '', labels: {} };
}

export function gridTimes(result: AnalyzeResult): number[] {
  const g = result.grid;
  return g ? Array.from({ length: g.length }, (_, i) => g.start + i * g.stepMs) : [];
}

/** `{ provenance }` when known, nothing otherwise (frames the panels compute themselves have none). */
export function withProvenance(provenance: SignalProvenance | undefined): { provenance?: SignalProvenance } {
  return provenance ? { provenance } : {};
}
