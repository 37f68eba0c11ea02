import { gramMatrixOf, type GramOutcome } from './gramMatrix';
import type { GramRequest } from './gramRequest';
import { gramMatrixSplit, type GramHelper } from './gramSplit';

/**
 * A computation that yields its Gram products to a driver and receives how each was computed. WHY: the
 * engine is synchronous, but a product split across two workers must wait for the second one. Written
 * once as steps, the same code runs synchronously (`runGramSteps`, every product on this thread) or
 * asynchronously (`runGramStepsSplit`, large products shared with a helper thread).
 */
export type GramSteps<T> = Generator<GramRequest, T, GramOutcome>;

/** Runs the steps with every Gram product on this thread. */
export function runGramSteps<T>(steps: GramSteps<T>): T {
  let step = steps.next();
  while (!step.done) {
    step = steps.next(gramMatrixOf(step.value));
  }
  return step.value;
}

/** Runs the steps with large Gram products shared with `helper` (gramSplit.ts). */
export async function runGramStepsSplit<T>(steps: GramSteps<T>, helper: GramHelper): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    step = steps.next(await gramMatrixSplit(step.value, helper));
  }
  return step.value;
}
