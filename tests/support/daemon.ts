/**
 * HTTP look-ups for tests that run their own servers. The servers themselves start through the demo's
 * `startDaemon` (sandbox/demo/processes.ts): one way to spawn, wait for readiness and stop them.
 */
export { startDaemon, type Daemon } from '../../sandbox/demo/processes';

export async function httpGet(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}
