/**
 * The cell types every section of the result shares (matrices, their reasons). Their own file so that
 * result.ts and the sections it assembles (compare.ts) import them without importing each other.
 */

/**
 * Why a cell has no number, every code in one ordered list: the list is also the code table of a
 * ReasonMatrix (code k >= 1 is REASON_CODES[k - 1]), so a new reason goes at the end.
 */
export const REASON_CODES = [
  'constant',
  'too_few_points',
  'insufficient_overlap',
  'effective_n_too_small',
  'singular',
  /** The data's magnitude is beyond what double precision can square (overflow or underflow). */
  'numeric_range',
  /** Not computed: a limit (e.g. limits.maxLagPairs) left this pair out; the LIMIT_EXCEEDED warning says by what rule. */
  'skipped',
] as const;

/** Why a cell has no number. */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * Matrices are flat, row-major, N*N: cell (i, j) is at index i*N + j, following `ids`. A cell without a
 * number is NaN (never +-Infinity); in JSON it is null.
 * WHY a typed array: at 1000 signals a result holds eight of them (8 million cells). As arrays of numbers
 * and nulls they cost a boxed number per cell, ~0.3 s to build and most of the garbage collection of a
 * run; as Float64Arrays they are written in place by the stages and move to the page without a copy.
 */
export type FlatMatrix = Float64Array;

/**
 * The reason of every cell of a FlatMatrix, laid out like it: 0 where the cell has its numbers, k >= 1
 * for REASON_CODES[k - 1]. Read a cell with reasonAt, write one with reasonCodeOf, print the whole with
 * reasonList (in JSON it is an array of ReasonCode strings and null).
 * WHY codes: at 1000 signals an array of strings and nulls has a million entries that structured clone
 * serializes in the worker (~40 ms) and deserializes on the page's main thread (~60 ms, a long task);
 * a Uint8Array is 1 MB whose buffer moves to the page without a copy.
 */
export type ReasonMatrix = Uint8Array;

const CODE_OF = new Map<string, number>(REASON_CODES.map((reason, k) => [reason, k + 1]));

/** The code of a reason in a ReasonMatrix: 0 for null (the cell has its numbers). Throws on a string that is no ReasonCode. */
export function reasonCodeOf(reason: ReasonCode | null): number {
  if (reason === null) {
    return 0;
  }
  const code = CODE_OF.get(reason);
  if (code === undefined) {
    throw new RangeError(`'${reason}' is not a reason code (${REASON_CODES.join(', ')})`);
  }
  return code;
}

/**
 * The reason of one cell (index i*N + j), null when the cell has its numbers.
 * @example reasonAt(result.correlation.reason, i * N + j) // 'constant' | ... | null
 */
export function reasonAt(matrix: ReasonMatrix, cell: number): ReasonCode | null {
  const code = matrix[cell];
  if (code === undefined) {
    throw new RangeError(`cell ${cell} is outside the reason matrix (${matrix.length} cells)`);
  }
  return code === 0 ? null : reasonOfCode(code, cell);
}

/**
 * Every cell's reason as a plain array, `none` where the cell has its numbers: null for JSON, '' for a
 * frame's string column. One lookup per cell in a table of the codes (no string is built per cell).
 */
export function reasonList<E>(matrix: ReasonMatrix, none: E): Array<ReasonCode | E> {
  const table: Array<ReasonCode | E> = [none, ...REASON_CODES];
  const out = new Array<ReasonCode | E>(matrix.length);
  for (let c = 0; c < matrix.length; c++) {
    const code = matrix[c];
    out[c] = code < table.length ? table[code] : reasonOfCode(code, c);
  }
  return out;
}

/** The ReasonCode of code >= 1; a code beyond the table is a broken matrix, said as such. */
function reasonOfCode(code: number, cell: number): ReasonCode {
  const reason = REASON_CODES[code - 1];
  if (reason === undefined) {
    throw new RangeError(`cell ${cell} holds ${code}, which is no reason code (0..${REASON_CODES.length})`);
  }
  return reason;
}
