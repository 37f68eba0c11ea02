/** Flag parsing shared by the commands: `node:util` parseArgs, with its errors turned into bad input (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BadInputError } from './exitCodes';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict parse (unknown flags and missing values are errors), positionals allowed, tokens kept for order. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      throw new BadInputError(`${(e as Error).message} (see --help)`);
    }
    throw e;
  }
}

/** `value` when it is one of `allowed`, else a bad-input error naming the valid values. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) {
    return value as T | undefined;
  }
  throw new BadInputError(
    `${flag} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, got '${value}'`
  );
}
