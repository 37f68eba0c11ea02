/** What the CLI touches outside itself, behind one interface so tests run commands without a process or disk. */
import * as fs from 'fs';

export interface CliIO {
  readStdin: () => string;
  readFile: (path: string) => string;
  writeFile: (path: string, text: string) => void;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const nodeIO: CliIO = {
  readStdin: () => fs.readFileSync(0, 'utf8'),
  readFile: (p) => fs.readFileSync(p, 'utf8'),
  writeFile: (p, t) => fs.writeFileSync(p, t),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};
