/**
 * The helper thread of the benchmark's two-worker rows: Node's counterpart of the plugin's helper worker.
 * It serves Gram blocks with the plugin's own server (src/worker/gramServer.ts) on the channel end the
 * benchmark sends it first.
 */
import { parentPort, type MessagePort } from 'worker_threads';
import { gramBlock } from '../../src/stats';
import type { GramPort } from '../../src/worker/protocol';
import { serveGramBlocks } from '../../src/worker/gramServer';

parentPort!.once('message', (port: MessagePort) => serveGramBlocks(port as unknown as GramPort, gramBlock));
