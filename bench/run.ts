/**
 * Bench runner: `npm run bench [-- FILTER...]` imports every bench/*.bench.ts (or those whose name
 * contains one of the filters) and calls its `run()`, which prints a table. Timing helpers live in
 * bench/lib/.
 */
import * as fs from 'fs';
import * as path from 'path';

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
  for (const f of files) {
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
