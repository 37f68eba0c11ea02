/**
 * History for the demo's Prometheus: the timeline's steps before the anchor as OpenMetrics, for
 * `promtool tsdb create-blocks-from openmetrics`. The live server replays the very same steps at start,
 * so its counters continue these series where the backfill ends.
 */
import type { Writable } from 'node:stream';
import { writeOpenMetrics } from '../export/openmetrics';
import { SeriesRecorder } from '../metrics';
import { incidentFamily } from './incidents';
import type { DemoTimeline } from './timeline';

/** Writes the history to `out`; resolves with the bytes written and the number of steps. */
export async function writeBackfill(timeline: DemoTimeline, out: Writable): Promise<{ bytes: number; steps: number }> {
  const stepMs = timeline.stepSeconds * 1000;
  const n = Math.round((timeline.anchor - timeline.start) / stepMs);
  const timestamps = Float64Array.from({ length: n }, (_, i) => timeline.start + i * stepMs);
  const model = timeline.createModel();
  const recorder = new SeriesRecorder(model.pods, n);
  for (let i = 0; i < n; i++) {
    recorder.record(i, model.next());
  }
  const families = [...recorder.result(), incidentFamily(timeline, timestamps)];
  const bytes = await writeOpenMetrics({ timestamps, stepSeconds: timeline.stepSeconds, families }, out);
  return { bytes, steps: n };
}
