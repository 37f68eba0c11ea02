/**
 * Bench runner: `npm run bench [-- FILTER...]` runs every bench/*.bench.ts (or those whose name
 * contains one of the filters): each module's `run()` prints a table. Timing helpers live in bench/lib/.
 *
 * WHY a fresh process per module when several run: a module measured after others inherits their heap
 * (a larger old generation makes every collection slower) and their type feedback; the lags row, for
 * one, took three times as long at the end of a full run as alone.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ONE = '--module';

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((flt) => f.includes(flt)))
    .sort();
  if (files.length === 0) {
    console.error(`no bench module matches ${filters.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const oneAt = process.argv.indexOf(ONE);
  if (oneAt < 0 && files.length > 1) {
    for (const f of files) {
      // Same node flags (tsx's loader, relaxed SIMD) and the same arguments, one module per process.
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, ...process.argv.slice(2), ONE, f], {
        stdio: 'inherit',
      });
      if (child.status !== 0) {
        process.exitCode = 1;
      }
    }
    return;
  }
  for (const f of oneAt < 0 ? files : [process.argv[oneAt + 1]]) {
    console.log(`\n=== ${f} (node ${process.version}, ${process.arch}) ===`);
    const mod = (await import(path.join(__dirname, f))) as { run?: () => unknown };
    if (typeof mod.run !== 'function') {
      console.error(`${f} exports no run()`);
      process.exitCode = 1;
      continue;
    }
    await mod.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
