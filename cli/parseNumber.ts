import { BadInputError } from './exitCodes';

/**
 * A finite number from user text, or a BadInputError naming `what`. `Number('')` and `Number(' ')` are 0,
 * which once turned `--fail-above a,b=` into a gate at 0: empty text is refused here, for every flag.
 */
export function parseNumber(text: string, what: string): number {
  const x = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(x)) {
    throw new BadInputError(`${what} needs a finite number, got '${text}'`);
  }
  return x;
}
