/**
 * The live simulator: `GET /metrics` (prom-client text format) shows the simulated service at the
 * current (possibly fast-forwarded) time; `GET /healthz` says where the clock is; `GET /incidents`
 * lists the incidents played so far and in the current cycle (the demo page zooms to them).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiveExporter } from './exporter';
import { safeHandler } from './safeHandler';
import type { DemoTimeline } from './timeline';

export interface LiveServerOptions {
  timeline: DemoTimeline;
  /**
   * Simulated seconds per wall-clock second (default 1). Above 1 the live part is fast-forwarded:
   * per-second rates Prometheus computes are `speed` times the simulated ones and incidents are
   * `speed` times shorter, so use it to watch the clock move, not to read numbers.
   */
  speed?: number;
  port?: number;
  host?: string;
  /** Wall clock, for tests. */
  now?: () => number;
}

export interface LiveServer {
  url: string;
  exporter: LiveExporter;
  /** Simulated time (ms) of the state /metrics shows. */
  simulatedTime(): number;
  close(): Promise<void>;
}

export async function startLiveServer(opts: LiveServerOptions): Promise<LiveServer> {
  const { timeline } = opts;
  const speed = opts.speed ?? 1;
  if (!(speed > 0)) {
    throw new RangeError('speed must be > 0');
  }
  const now = opts.now ?? Date.now;
  const stepMs = timeline.stepSeconds * 1000;
  const model = timeline.createModel();
  const exporter = new LiveExporter(model.pods, timeline);
  let nextStep = timeline.start;
  const clock = () => timeline.anchor + speed * (now() - timeline.anchor);
  // Steps up to the clock, starting with the whole history at start-up: counters continue the backfill.
  const advance = () => {
    const target = clock();
    while (nextStep <= target) {
      exporter.apply(model.next());
      nextStep += stepMs;
    }
  };
  advance();
  const timer = setInterval(advance, Math.max(50, Math.min(1000, stepMs / speed / 4)));

  const handle: http.RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (path === '/metrics') {
      advance();
      exporter
        .metrics()
        .then((text) => res.writeHead(200, { 'content-type': exporter.registry.contentType }).end(text))
        .catch((error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message));
      return;
    }
    const json = (body: unknown) =>
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'access-control-allow-origin': '*',
          'cache-control': 'no-store',
        })
        .end(JSON.stringify(body));
    if (path === '/healthz') {
      json({ status: 'ok', anchor: timeline.anchor, simulatedTime: exporter.lastStepTime, speed });
      return;
    }
    if (path === '/incidents') {
      json({
        anchor: timeline.anchor,
        start: timeline.start,
        stepSeconds: timeline.stepSeconds,
        speed,
        incidents: timeline.incidents(clock() + timeline.cycleMs),
      });
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics, /healthz or /incidents\n');
  };
  const server = http.createServer(safeHandler(handle));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}/`,
    exporter,
    simulatedTime: () => exporter.lastStepTime,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
