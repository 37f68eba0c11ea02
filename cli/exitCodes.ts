/**
 * The one home of the CLI's exit codes: their values, the errors that carry them, the help text that documents
 * them, and how an engine result maps onto them. A CI job branches on these numbers, so each has one meaning.
 */
import type { AnalyzeResult, WarningCode } from '../src/stats';

export const EXIT = {
  /** Success, no gate crossed. */
  OK: 0,
  /** At least one gate was crossed. */
  GATE_CROSSED: 1,
  /** Bad input: a bad flag or gate, an unreadable file, an invalid request, an output path that cannot be written. */
  BAD_INPUT: 2,
  /** Internal error: a defect of the tool (please report it). */
  INTERNAL: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit codes as a command's help lists them: what 0 and 1 mean, and its own kinds of bad input. */
export function exitCodesHelp(ok: string, failed: string, badInput: string): string {
  return `Exit codes:
  0  success, ${ok}
  1  ${failed}
  2  bad input: unknown flag or bad value, unreadable or malformed file, a request
     the engine refuses (no series, unsupported version, unknown option), an
     output path that cannot be written; ${badInput}
  3  internal error of the tool (a bug: please report it with the input)
`;
}

export const EXIT_CODES_HELP = exitCodesHelp(
  'no gate crossed',
  'at least one gate crossed (each is reported on stderr)',
  'a malformed gate, a gate naming an unknown pair or one without a value'
);

/** A problem with what the user gave (flags, files, request): exit 2 with this message. */
export class BadInputError extends Error {
  override name = 'BadInputError';
}

/**
 * Engine warnings that mean the request was refused or not applied as written. The engine never throws and
 * goes on with a default where it can (an unknown method becomes pearson); a CI gate evaluated on a
 * default the user did not ask for would be a silent wrong answer, so the CLI treats these as bad input.
 */
const REFUSED: ReadonlySet<WarningCode> = new Set<WarningCode>(['UNSUPPORTED_VERSION', 'NO_SERIES', 'UNKNOWN_OPTION']);

/** The exit code an engine result calls for before any gate: bad input, internal error or OK. */
export function exitCodeOfResult(result: AnalyzeResult): ExitCode {
  if (result.warnings.some((w) => w.code === 'INTERNAL_ERROR')) {
    return EXIT.INTERNAL;
  }
  return result.warnings.some((w) => REFUSED.has(w.code)) ? EXIT.BAD_INPUT : EXIT.OK;
}

/** The warnings behind `exitCodeOfResult`, for stderr. */
export function blockingWarnings(result: AnalyzeResult): string[] {
  return result.warnings
    .filter((w) => w.code === 'INTERNAL_ERROR' || REFUSED.has(w.code))
    .map((w) => `${w.code}: ${w.message}${w.series ? ` (series '${w.series}')` : ''}`);
}
