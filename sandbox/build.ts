import { build } from 'esbuild';
import path from 'path';

export const SANDBOX_OUT = path.resolve(__dirname, '..', '.run', 'sandbox');

/**
 * Bundles the host page: the shared dependencies Grafana provides to plugins, from the same pinned
 * npm packages, plus the tiny AMD loader. Production mode, as plugins see in a real Grafana.
 */
export async function buildHost(): Promise<string> {
  const outfile = path.join(SANDBOX_OUT, 'host.js');
  await build({
    entryPoints: [path.resolve(__dirname, 'host', 'index.tsx')],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    loader: { '.css': 'empty', '.svg': 'text', '.woff': 'empty', '.woff2': 'empty', '.png': 'empty' },
  });
  return outfile;
}
