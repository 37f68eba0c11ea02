/**
 * Resolves in a new task (not a microtask), so the browser can paint and handle input in between:
 * long main-thread work is split at these points to keep every task short.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
