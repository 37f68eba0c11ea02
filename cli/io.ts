/** What the CLI touches outside itself, behind one interface so tests run commands without a process or disk. */
import * as fs from 'fs';
import { BadInputError } from './exitCodes';

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

/** The text of an input file, or of stdin for `-`; an unreadable file is bad input (exit 2). */
export function readInput(input: string, io: CliIO): string {
  try {
    return input === '-' ? io.readStdin() : io.readFile(input);
  } catch (e) {
    throw new BadInputError(`cannot read input '${input}': ${(e as Error).message}`);
  }
}

/** The one input a command reads: `--input` or one positional (default `-`, stdin); two are bad input. */
export function inputArgument(flag: string | undefined, positionals: string[]): string {
  if (positionals.length > 1 || (positionals.length === 1 && flag !== undefined)) {
    throw new BadInputError(
      `one input only, got ${[flag, ...positionals]
        .filter((x) => x !== undefined)
        .map((x) => `'${x}'`)
        .join(', ')}`
    );
  }
  return flag ?? positionals[0] ?? '-';
}

/** `text` (read from `input`) as a JSON object; anything else is bad input naming the expected `shape`. */
export function jsonObject(text: string, input: string, shape: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BadInputError(`input '${input}' is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadInputError(`input '${input}' must be a JSON object ${shape}`);
  }
  return value as Record<string, unknown>;
}
