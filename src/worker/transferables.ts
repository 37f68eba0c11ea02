import type { AnalyzeRequest } from '../stats';

/**
 * The ArrayBuffers of a request's typed arrays, once each, so postMessage moves them to the worker
 * instead of copying (500 signals x 2,000 points is 8 MB per copy). The caller must not use the
 * arrays afterwards.
 */
export function transferables(request: AnalyzeRequest): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (a: unknown) => {
    // Tag check rather than instanceof: buffers may come from another realm; SharedArrayBuffers cannot move.
    if (ArrayBuffer.isView(a) && Object.prototype.toString.call(a.buffer) === '[object ArrayBuffer]') {
      buffers.add(a.buffer as ArrayBuffer);
    }
  };
  for (const s of request.series ?? []) {
    add(s.values);
    add(s.timestamps);
  }
  for (const d of request.drift?.series ?? []) {
    const input = d.input as unknown as Record<string, unknown>;
    for (const value of Object.values(input)) {
      if (Array.isArray(value)) {
        value.forEach(add);
      } else {
        add(value);
      }
    }
  }
  return [...buffers];
}
