/**
 * @jest-environment node
 */
import { PassThrough } from 'node:stream';
import { writeBackfill } from './backfill';
import { startLiveServer } from './server';
import { demoTimeline } from './timeline';

const ANCHOR = Date.UTC(2025, 0, 13, 12, 0, 0);

/** `name{labels}` -> last value, from Prometheus text (live) or OpenMetrics with timestamps (history). */
function lastValues(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\w+)(\{[^}]*\})? (\S+)/.exec(line);
    if (m) {
      const labels = (m[2] ?? '').replace(/[{}]/g, '').split(',').filter(Boolean).sort().join(',');
      out.set(`${m[1]}{${labels}}`, Number(m[3]));
    }
  }
  return out;
}

it('serves the same series as the backfill, continuing its counters from the anchor', async () => {
  const opts = { anchor: ANCHOR, historyHours: 1, leadHours: 0.25, cycleMinutes: 30 };
  const sink = new PassThrough();
  let history = '';
  sink.on('data', (c) => (history += c));
  await writeBackfill(demoTimeline(opts), sink);

  const server = await startLiveServer({ timeline: demoTimeline(opts), now: () => ANCHOR + 90_000 });
  try {
    const live = await (await fetch(`${server.url}metrics`)).text();
    const health = await (await fetch(`${server.url}healthz`)).json();
    const incidents = await (await fetch(`${server.url}incidents`)).json();
    const h = lastValues(history);
    const l = lastValues(live);
    expect([...l.keys()].sort()).toEqual([...h.keys()].sort());
    // Two live steps (anchor, anchor + 1 min) after the last history step: counters grew, gauges moved.
    const requests = [...h.keys()].filter((k) => k.startsWith('recsys_requests_total'));
    expect(requests).toHaveLength(2);
    for (const k of requests) {
      expect(l.get(k)!).toBeGreaterThan(h.get(k)!);
    }
    expect(health).toMatchObject({ status: 'ok', anchor: ANCHOR, simulatedTime: ANCHOR + 60_000 });
    // History plays every scenario; the first live cycle is listed too.
    const scenarios = new Set(incidents.incidents.map((i: { scenario: string }) => i.scenario));
    expect(scenarios.size).toBe(5);
    expect(incidents.incidents.some((i: { start: number }) => i.start >= ANCHOR)).toBe(true);
  } finally {
    await server.close();
  }
});
