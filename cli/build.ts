/**
 * Bundles the CLI (and the engine with its runtime dependencies: ml-matrix, fft.js, @stdlib) into one
 * JavaScript file that plain `node` runs, so an installed package needs neither tsx nor node_modules.
 * `npm run build:cli` writes cli/dist/infradrift.js; `npm pack` runs it through `prepack`.
 */
import { build } from 'esbuild';
import * as path from 'path';

export const DEFAULT_OUTFILE = path.join(__dirname, 'dist', 'infradrift.js');

export async function buildCli(outfile: string = DEFAULT_OUTFILE): Promise<void> {
  await build({
    entryPoints: [path.join(__dirname, 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Only Node's own modules stay outside: the file must run without node_modules.
    packages: 'bundle',
    legalComments: 'linked',
    logLevel: 'warning',
    banner: {
      js: '// infradrift CLI, bundled by cli/build.ts; source: cli/ and src/stats/ of infradrift-correlation-app',
    },
  });
}

if (require.main === module) {
  buildCli(process.argv[2]).catch((e: unknown) => {
    process.stderr.write(`build:cli failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
