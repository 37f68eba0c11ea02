/** An in-memory CliIO for tests: stdin text, captured stdout/stderr, real files read from disk, writes kept. */
import * as fs from 'fs';
import type { CliIO } from './io';

export interface MemoryIO extends CliIO {
  out: string;
  err: string;
  written: Map<string, string>;
}

export function memoryIO(stdin = ''): MemoryIO {
  const io: MemoryIO = {
    out: '',
    err: '',
    written: new Map(),
    readStdin: () => stdin,
    readFile: (p) => fs.readFileSync(p, 'utf8'),
    writeFile: (p, t) => {
      io.written.set(p, t);
    },
    stdout: (t) => {
      io.out += t;
    },
    stderr: (t) => {
      io.err += t;
    },
  };
  return io;
}
