/**
 * The helper thread of the benchmark's two-worker rows: Node's counterpart of the plugin's helper worker
 * (src/worker): it runs the engine's gramBlock for each job and sends the block back, transferred.
 */
import { parentPort } from 'worker_threads';
import { gramBlock, type GramBlockJob } from '../../src/stats';

parentPort!.on('message', (message: { id: number; job: GramBlockJob }) => {
  try {
    const result = gramBlock(message.job);
    parentPort!.postMessage({ id: message.id, result }, [result.gram.buffer, result.rows.buffer] as ArrayBuffer[]);
  } catch (e) {
    parentPort!.postMessage({ id: message.id, error: e instanceof Error ? e.message : String(e) });
  }
});
