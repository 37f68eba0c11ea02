/**
 * Peak memory of one call, measured in a fresh Node process: a long bench process has long since reached
 * its high-water mark, so the operating system's peak (ru_maxrss) says nothing about a later call there.
 * The child builds its inputs, collects garbage, then reports the peak resident set size during the call
 * minus the resident size just before it: the same measure bench/reference/reference.py takes for Python.
 */
import { spawnSync } from 'child_process';

/** Child side: run `fn` once and print `{"rssDeltaBytes": ...}` for the parent. */
export function reportPeakRss(fn: () => unknown): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  fn();
  const peak = process.resourceUsage().maxRSS * 1024; // KiB on Linux
  process.stdout.write(JSON.stringify({ rssDeltaBytes: Math.max(0, peak - before) }) + '\n');
}

/** Parent side: run `file` with `args` under tsx in a new Node process; bytes, or null when it failed. */
export function peakRssInChild(file: string, args: string[]): number | null {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const last = child.stdout?.trim().split('\n').pop() ?? '';
  try {
    const v = (JSON.parse(last) as { rssDeltaBytes?: unknown }).rssDeltaBytes;
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}
