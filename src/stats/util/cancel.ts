import type { AnalyzeHooks } from '../contract';

/** Thrown inside the engine when the caller's isCancelled hook fires; caught by analyze, never escapes. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Cheap cancellation/progress checkpoint for long loops. WHY a class: loops call `tick()` per unit of
 * work and the hooks are polled only every `every` units, so the check costs nothing in hot kernels.
 */
export class Checkpoint {
  private count = 0;
  constructor(
    private readonly hooks: AnalyzeHooks | undefined,
    private readonly stage: string,
    private readonly total: number,
    private readonly every = 64
  ) {}

  tick(units = 1): void {
    this.count += units;
    if (this.count % this.every < units || units >= this.every) {
      if (this.hooks?.isCancelled?.()) {
        throw new CancelledError();
      }
      this.hooks?.onProgress?.(this.total > 0 ? Math.min(1, this.count / this.total) : 1, this.stage);
    }
  }
}
