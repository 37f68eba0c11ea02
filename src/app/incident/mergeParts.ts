/**
 * Two pipeline runs (baseline range and incident range, windows.ts) as one engine request: every part
 * was fetched with the same step and its grid starts on a multiple of it, so each part's values are
 * placed by index on one grid from the first part's start to the last part's end; the gap between the
 * parts stays missing (NaN), which the engine treats as no data. A series that kept its own timestamps
 * (off the grid) keeps them, concatenated. Series and drift series are matched by id; a signal only one
 * part returned is kept with the other part missing, and the engine says its window is empty.
 */
import type { AnalyzeRequest, DriftInput, DriftSeriesRequest, SeriesInput } from '../../stats';
import type { SignalInfo } from '../../shared/frameContract';
import type { QueryResultMetaNotice } from '@grafana/data';
import type { PipelineOutput } from '../../datasource/pipeline';
import { gridLength, type TimeGrid } from '../../datasource/query/timeGrid';

export interface MergedParts {
  request: AnalyzeRequest;
  signals: SignalInfo[];
  notices: QueryResultMetaNotice[];
  grid: TimeGrid;
}

type Values = ArrayLike<number | null>;

function place(target: Float64Array, offset: number, values: Values) {
  for (let i = 0; i < values.length && offset + i < target.length; i++) {
    const v = values[i];
    target[offset + i] = v === null || v === undefined ? NaN : Number(v);
  }
}

function gridOf(part: PipelineOutput): TimeGrid {
  const g = part.request.grid;
  return {
    start: g?.start ?? part.grid.start,
    end: g?.end ?? part.grid.end,
    stepMs: part.grid.stepMs,
    visibleFrom: part.grid.visibleFrom,
  };
}

function mergeSeries(parts: PipelineOutput[], grid: TimeGrid, length: number): SeriesInput[] {
  const byId = new Map<string, SeriesInput>();
  const dense = new Map<string, Float64Array>();
  const stamped = new Map<string, { timestamps: number[]; values: Array<number | null> }>();
  for (const part of parts) {
    const pg = gridOf(part);
    const offset = Math.round((pg.start - grid.start) / grid.stepMs);
    for (const s of part.request.series) {
      byId.has(s.id) || byId.set(s.id, s);
      if (s.timestamps) {
        const acc = stamped.get(s.id) ?? { timestamps: [], values: [] };
        Array.from(s.timestamps as ArrayLike<number | null>).forEach((t, i) => {
          acc.timestamps.push(Number(t));
          acc.values.push((s.values as Values)[i]);
        });
        stamped.set(s.id, acc);
        continue;
      }
      const target = dense.get(s.id) ?? new Float64Array(length).fill(NaN);
      place(target, offset, s.values as Values);
      dense.set(s.id, target);
    }
  }
  return [...byId.values()].map((s) => {
    const ts = stamped.get(s.id);
    if (ts) {
      // Grid-placed points of the same id (another part) join the stamped ones with their grid times.
      const d = dense.get(s.id);
      d?.forEach((v, i) => {
        if (!Number.isNaN(v)) {
          ts.timestamps.push(grid.start + i * grid.stepMs);
          ts.values.push(v);
        }
      });
      return { ...s, timestamps: ts.timestamps, values: ts.values };
    }
    const { timestamps: _none, ...rest } = s;
    return { ...rest, values: dense.get(s.id)! };
  });
}

function mergeDriftInput(inputs: Array<{ input: DriftInput; offset: number }>, length: number): DriftInput {
  const first = inputs[0].input;
  if (first.kind === 'samples') {
    const timestamps: number[] = [];
    const values: number[] = [];
    inputs.forEach(({ input }) => {
      if (input.kind === 'samples') {
        timestamps.push(...Array.from(input.timestamps));
        values.push(...Array.from(input.values));
      }
    });
    return { kind: 'samples', timestamps, values };
  }
  // Histogram or categorical: one column per bucket (le) or category, aligned by label.
  const keys = first.kind === 'histogram' ? first.le.map(String) : first.categories;
  const columns = keys.map(() => new Float64Array(length).fill(NaN));
  for (const { input, offset } of inputs) {
    if (input.kind === 'samples') {
      continue;
    }
    const own = input.kind === 'histogram' ? input.le.map(String) : input.categories;
    const cols = input.kind === 'histogram' ? input.buckets : input.counters;
    own.forEach((key, c) => {
      const k = keys.indexOf(key);
      if (k >= 0) {
        place(columns[k], offset, cols[c]);
      }
    });
  }
  return first.kind === 'histogram' ? { ...first, buckets: columns } : { ...first, counters: columns };
}

function mergeDrift(parts: PipelineOutput[], grid: TimeGrid, length: number): DriftSeriesRequest[] {
  const byId = new Map<string, { head: DriftSeriesRequest; inputs: Array<{ input: DriftInput; offset: number }> }>();
  for (const part of parts) {
    const offset = Math.round((gridOf(part).start - grid.start) / grid.stepMs);
    for (const d of part.request.drift?.series ?? []) {
      const entry = byId.get(d.id) ?? { head: d, inputs: [] };
      entry.inputs.push({ input: d.input, offset });
      byId.set(d.id, entry);
    }
  }
  return [...byId.values()].map(({ head, inputs }) => ({ ...head, input: mergeDriftInput(inputs, length) }));
}

/** One request over all parts; throws (with a message for the user) when the parts do not share a step. */
export function mergeParts(parts: PipelineOutput[]): MergedParts {
  if (parts.length === 1) {
    const [p] = parts;
    return { request: p.request, signals: p.signals, notices: p.notices, grid: gridOf(p) };
  }
  const grids = parts.map(gridOf);
  const stepMs = grids[0].stepMs;
  if (grids.some((g) => g.stepMs !== stepMs || (g.start - grids[0].start) % stepMs !== 0)) {
    throw new Error(
      `the baseline and the incident were fetched with different grid steps (${grids.map((g) => g.stepMs / 1000).join(' s, ')} s); choose windows of similar length`
    );
  }
  const start = Math.min(...grids.map((g) => g.start));
  const end = Math.max(...grids.map((g) => g.end));
  const grid: TimeGrid = { start, end, stepMs, visibleFrom: grids[grids.length - 1].visibleFrom };
  const length = gridLength(grid);
  const first = parts[0].request;
  const request: AnalyzeRequest = {
    ...first,
    grid: { start, end, stepMs },
    series: mergeSeries(parts, grid, length),
  };
  const drift = mergeDrift(parts, grid, length);
  if (drift.length) {
    request.drift = { ...(first.drift ?? { correlate: true }), series: drift };
  }
  const names = new Set<string>();
  const signals = parts.flatMap((p) => p.signals).filter((s) => !names.has(s.name) && names.add(s.name));
  const texts = new Set<string>();
  const notices = parts.flatMap((p) => p.notices).filter((n) => !texts.has(n.text) && texts.add(n.text));
  return { request, signals, notices, grid };
}
