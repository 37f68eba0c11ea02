/**
 * Peak memory of one call, measured in a fresh Node process so that nothing else ran in it since the inputs
 * were built. The child builds its inputs, collects garbage, resets the kernel's peak RSS (VmHWM, through
 * /proc/self/clear_refs: loading tsx and the engine peaked higher than most calls do) and reports the peak
 * resident set size during the call minus the resident size just before it: the same measure
 * bench/reference/reference.py takes for Python. Where the peak cannot be reset the answer is null.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';

function peakRss(): number {
  const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return hwm ? Number(hwm[1]) * 1024 : process.resourceUsage().maxRSS * 1024; // kB on Linux
}

/** Child side: run `fn` once and print `{"rssDeltaBytes": ...}` for the parent. */
export async function reportPeakRss(fn: () => unknown): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    process.stdout.write(JSON.stringify({ rssDeltaBytes: null }) + '\n');
    return;
  }
  const before = process.memoryUsage().rss;
  await fn();
  process.stdout.write(JSON.stringify({ rssDeltaBytes: Math.max(0, peakRss() - before) }) + '\n');
}

/** Parent side: run `file` with `args` under tsx in a new Node process; bytes, or null when it failed. */
export function peakRssInChild(file: string, args: string[]): number | null {
  // The child runs the kernel the parent runs: relaxed SIMD only when the parent has the flag.
  const relaxed = process.execArgv.filter((a) => a === '--experimental-wasm-relaxed-simd');
  const child = spawnSync(process.execPath, ['--expose-gc', ...relaxed, '--import', 'tsx', file, ...args], {
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
