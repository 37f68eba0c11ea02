/** Running Debian's promtool on files in a temporary directory, for rule-file tests. */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { stringify } from 'yaml';

export interface ToolRun {
  code: number;
  output: string;
}

export function promtool(args: string[], cwd?: string): ToolRun {
  const run = spawnSync('promtool', args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (run.error) {
    throw run.error;
  }
  return { code: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

/** A temporary directory that `remove()` deletes. */
export function tempDir(prefix: string): {
  dir: string;
  write(name: string, content: string | object): string;
  remove(): void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, typeof content === 'string' ? content : stringify(content, { lineWidth: 0 }));
      return file;
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
