import type { AnalyzeRequest } from '../stats';

/**
 * The movable ArrayBuffers behind these typed arrays, once each: postMessage throws on a buffer listed
 * twice. Tag check rather than instanceof: buffers may come from another realm; SharedArrayBuffers
 * cannot move (and are never used: see docs/worker.md, "Two workers").
 */
export function buffersOf(views: Iterable<unknown>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of views) {
    if (ArrayBuffer.isView(a) && isMovable(a.buffer)) {
      buffers.add(a.buffer);
    }
  }
  return [...buffers];
}

/** A buffer postMessage can transfer: an ArrayBuffer (by tag: it may come from another realm), not shared. */
export function isMovable(buffer: ArrayBufferLike): buffer is ArrayBuffer {
  return Object.prototype.toString.call(buffer) === '[object ArrayBuffer]';
}

/**
 * The ArrayBuffers of a request's typed arrays, once each, so postMessage moves them to the worker
 * instead of copying (500 signals x 2,000 points is 8 MB per copy). The caller must not use the
 * arrays afterwards.
 */
export function transferables(request: AnalyzeRequest): ArrayBuffer[] {
  return buffersOf(requestArrays(request));
}

/** Every value of the request that may be a typed array: series values and timestamps, drift inputs. */
function* requestArrays(request: AnalyzeRequest): Generator<unknown> {
  for (const s of request.series ?? []) {
    yield s.values;
    yield s.timestamps;
  }
  for (const d of request.drift?.series ?? []) {
    const input = d.input as unknown as Record<string, unknown>;
    for (const value of Object.values(input)) {
      if (Array.isArray(value)) {
        yield* value;
      } else {
        yield value;
      }
    }
  }
}
