/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { simulate } from '../simulate';
import { toOpenMetricsString, writeOpenMetrics } from './openmetrics';

const END = Date.UTC(2025, 5, 2, 12, 0, 0);

function onPath(cmd: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, cmd))
    .find((p) => existsSync(p));
}

describe('OpenMetrics writer', () => {
  const result = simulate({ scenario: 'memory-leak', hours: 2, end: END });
  const text = toOpenMetricsString(result);
  const lines = text.trimEnd().split('\n');

  it('ends with # EOF and has one TYPE/HELP per family, families not interleaved', () => {
    expect(lines[lines.length - 1]).toBe('# EOF');
    const types = lines.filter((l) => l.startsWith('# TYPE '));
    expect(types.length).toBe(result.families.length);
    expect(new Set(types).size).toBe(types.length);
    // The family of every sample line is the last TYPE seen, and once a family ends it never comes back.
    const seen = new Set<string>();
    let current = '';
    const bad: string[] = [];
    for (const l of lines) {
      if (l.startsWith('# TYPE ')) {
        current = l.split(' ')[2];
        seen.add(current);
      } else if (!l.startsWith('#')) {
        const name = l.slice(0, l.search(/[{ ]/));
        if (!name.startsWith(current)) {
          bad.push(l);
        }
      }
    }
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('writes counters as _total, histograms with +Inf, _count, _sum, timestamps in seconds increasing per series', () => {
    expect(text).toContain('# TYPE recsys_requests counter');
    expect(text).toMatch(/^recsys_requests_total\{/m);
    expect(text).toMatch(/^recsys_inference_latency_seconds_bucket\{.*le="\+Inf"\} \d+ \d+$/m);
    expect(text).toMatch(/^recsys_inference_latency_seconds_count\{/m);
    expect(text).toMatch(/^recsys_inference_latency_seconds_sum\{/m);
    expect(text).toContain('# UNIT recsys_inference_latency_seconds seconds');
    const last = new Map<string, number>();
    const bad: string[] = [];
    for (const l of lines) {
      if (l.startsWith('#')) {
        continue;
      }
      const cut = l.lastIndexOf(' ');
      const key = l.slice(0, l.lastIndexOf(' ', cut - 1));
      const ts = Number(l.slice(cut + 1));
      if (!(ts > 1e9 && ts < 1e10) || ts <= (last.get(key) ?? 0)) {
        bad.push(l);
      }
      last.set(key, ts);
    }
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('jitters timestamps only when asked, keeping them increasing', () => {
    const jittered = toOpenMetricsString(result, { jitterSeconds: 5 });
    expect(jittered).not.toBe(text);
    expect(jittered).toMatch(/ \d+\.\d{3}$/m);
  });

  it('streams to a file with back-pressure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-om-'));
    try {
      const file = join(dir, 'out.om');
      const out = createWriteStream(file);
      const bytes = await writeOpenMetrics(result, out);
      await new Promise<void>((resolve) => out.end(() => resolve()));
      expect(bytes).toBe(Buffer.byteLength(text));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('promtool accepts the output', () => {
  const promtool = onPath('promtool');
  const maybe = promtool ? it : it.skip;
  if (!promtool) {
    console.log('skipping promtool test: promtool is not on PATH (CI installs Debian\'s "prometheus" package)');
  }

  maybe(
    'promtool tsdb create-blocks-from openmetrics creates blocks from a few hours of "all"',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sim-promtool-'));
      try {
        const file = join(dir, 'sim.om');
        const out = createWriteStream(file);
        // In the past (promtool backfills history), spanning several 2 h blocks.
        await writeOpenMetrics(simulate({ scenario: 'all', hours: 5, end: END }), out);
        await new Promise<void>((resolve) => out.end(() => resolve()));
        const blocks = join(dir, 'blocks');
        const run = spawnSync(promtool as string, ['tsdb', 'create-blocks-from', 'openmetrics', file, blocks], {
          encoding: 'utf8',
        });
        if (run.status !== 0) {
          throw new Error(`promtool failed (${run.status}): ${run.stderr}`);
        }
        const ulids = readdirSync(blocks).filter((d) => /^[0-9A-Z]{26}$/.test(d));
        expect(ulids.length).toBeGreaterThanOrEqual(2);
        for (const u of ulids) {
          expect(existsSync(join(blocks, u, 'meta.json'))).toBe(true);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000
  );
});
