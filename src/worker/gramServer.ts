/**
 * The helper worker's side of the Gram channel: answers each `gram` job from the analysis worker with
 * the engine's gramBlock, the block and the job's rows transferred back (the engine reuses both). A
 * block that cannot be computed becomes an error reply, which rejects the analysis worker's promise; the
 * engine there then computes that part itself.
 */
import type { GramBlockJob, GramBlockResult } from '../stats';
import type { FromGramServer, GramPort, ToGramServer } from './protocol';
import { buffersOf } from './transferables';

export function serveGramBlocks(port: GramPort, gramBlock: (job: GramBlockJob) => GramBlockResult): void {
  port.addEventListener('message', (event) => {
    const message = (event as MessageEvent<ToGramServer>).data;
    if (message?.type !== 'gram') {
      return;
    }
    const { id, job } = message;
    try {
      const result = gramBlock(job);
      const reply: FromGramServer = { type: 'gram-result', id, result };
      port.postMessage(reply, buffersOf([result.gram, result.rows]));
    } catch (error) {
      const reply: FromGramServer = {
        type: 'gram-error',
        id,
        message: error instanceof Error ? error.message : String(error),
      };
      port.postMessage(reply);
    }
  });
  port.start();
}
