/**
 * Resolves in a new task (not a microtask), so the browser can paint and handle input in between:
 * long main-thread work is split at these points to keep every task short.
 *
 * WHY a MessageChannel and not setTimeout(0): browsers clamp nested timeouts to 4 ms, so a loop that
 * yields fifty times would wait 200 ms doing nothing. A posted message starts a new task at once (the
 * way React's scheduler yields). setTimeout remains where MessageChannel is missing.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
