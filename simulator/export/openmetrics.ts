/**
 * OpenMetrics text writer for backfilling with `promtool tsdb create-blocks-from openmetrics`.
 *
 * Layout (what promtool needs, and what the OpenMetrics spec says):
 *  - one `# TYPE`/`# HELP`(/`# UNIT`) block per family, all samples of a family together (never
 *    interleaved with another family);
 *  - inside a family, one series (label set) after another, each in increasing time order;
 *    a histogram point is its `_bucket`s (cumulative, ending with `le="+Inf"`), `_count`, `_sum`;
 *  - counters as `<family>_total`; timestamps in seconds; `# EOF` last.
 * Output is streamed in chunks with back-pressure: 48 h at 60 s for 2 replicas is ~60 MB.
 */
import type { Writable } from 'node:stream';
import { hashUniform, streamId } from '../rng';
import { formatLe } from '../series';
import type { Labels, MetricFamily } from '../types';

export interface OpenMetricsOptions {
  /**
   * Scrape-like timestamp jitter (seconds, ≤ step/4): each target (job, pod) is scraped at a
   * deterministic offset from the step grid, like real scrapes. Off (0) by default, so samples
   * sit exactly on the grid.
   */
  jitterSeconds?: number;
  /** Seed of the jitter; default 1. */
  seed?: number;
}

/** The data the writer needs (a `SimulationResult` has these fields). */
export interface OpenMetricsInput {
  timestamps: Float64Array;
  stepSeconds: number;
  families: readonly MetricFamily[];
}

const CHUNK_BYTES = 1 << 16;

function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

export function formatLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/**
 * Float formatting accepted by Prometheus: integers plainly, others to 10 significant digits
 * (plenty for metrics, and ~10 % smaller files than full round-trip precision).
 */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) {
    return 'NaN';
  }
  if (!Number.isFinite(v)) {
    return v > 0 ? '+Inf' : '-Inf';
  }
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
}

function formatTimestamp(ms: number): string {
  return Number.isInteger(ms / 1000) ? String(ms / 1000) : (ms / 1000).toFixed(3);
}

/** Family header lines. */
export function familyHeader(f: MetricFamily): string {
  let s = `# TYPE ${f.name} ${f.type}\n# HELP ${f.name} ${escapeHelp(f.help)}\n`;
  if (f.unit) {
    s += `# UNIT ${f.name} ${f.unit}\n`;
  }
  return s;
}

/** Yields the file as text chunks; a generator so any sink (file, stdout, test buffer) can consume it. */
export function* openMetricsChunks(input: OpenMetricsInput, opts: OpenMetricsOptions = {}): Generator<string> {
  const n = input.timestamps.length;
  const jitterMs = Math.min(opts.jitterSeconds ?? 0, input.stepSeconds / 4) * 1000;
  const seed = opts.seed ?? 1;
  const timesFor = (labels: Labels): string[] => {
    const target = streamId(`${labels.job ?? ''}/${labels.pod ?? ''}`);
    return Array.from(input.timestamps, (t) => {
      // Jitter is a function of (target, absolute step), so it is the same across families of one target.
      const offset =
        jitterMs > 0
          ? Math.round((2 * hashUniform(seed, target, Math.round(t / 1000 / input.stepSeconds)) - 1) * jitterMs)
          : 0;
      return formatTimestamp(t + offset);
    });
  };

  let buf = '';
  for (const f of input.families) {
    buf += familyHeader(f);
    if (f.type === 'histogram') {
      for (const h of f.series) {
        const ts = timesFor(h.labels);
        const bucketLabels = h.cumulative.map((_, b) =>
          formatLabels({ ...h.labels, le: formatLe(h.bounds[b] ?? Infinity) })
        );
        const plain = formatLabels(h.labels);
        for (let i = 0; i < n; i++) {
          for (let b = 0; b < h.cumulative.length; b++) {
            buf += `${f.name}_bucket${bucketLabels[b]} ${formatValue(h.cumulative[b][i])} ${ts[i]}\n`;
          }
          buf += `${f.name}_count${plain} ${formatValue(h.count[i])} ${ts[i]}\n`;
          buf += `${f.name}_sum${plain} ${formatValue(h.sum[i])} ${ts[i]}\n`;
          if (buf.length >= CHUNK_BYTES) {
            yield buf;
            buf = '';
          }
        }
      }
    } else {
      const sample = f.type === 'counter' ? `${f.name}_total` : f.name;
      for (const s of f.series) {
        const ts = timesFor(s.labels);
        const prefix = sample + formatLabels(s.labels) + ' ';
        for (let i = 0; i < n; i++) {
          buf += `${prefix}${formatValue(s.values[i])} ${ts[i]}\n`;
          if (buf.length >= CHUNK_BYTES) {
            yield buf;
            buf = '';
          }
        }
      }
    }
  }
  yield buf + '# EOF\n';
}

/** Write the file to a stream, honouring back-pressure. Resolves with the number of bytes written. */
export async function writeOpenMetrics(
  input: OpenMetricsInput,
  out: Writable,
  opts: OpenMetricsOptions = {}
): Promise<number> {
  let bytes = 0;
  for (const chunk of openMetricsChunks(input, opts)) {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  return bytes;
}

/** Whole text in memory: for tests and small ranges only. */
export function toOpenMetricsString(input: OpenMetricsInput, opts: OpenMetricsOptions = {}): string {
  return Array.from(openMetricsChunks(input, opts)).join('');
}
