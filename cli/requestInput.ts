/**
 * What the commands that run the engine share: how they read a request (JSON or CSV, the same flags and help
 * text), how they write the result, and how an engine refusal is reported. One home, so `analyze` and
 * `incident` read the same files the same way.
 */
import type { AnalyzeRequest, AnalyzeResult } from '../src/stats';
import { oneOf } from './args';
import { csvToRequest } from './csv';
import { BadInputError, blockingWarnings, EXIT, exitCodeOfResult, type ExitCode } from './exitCodes';
import { inputArgument, jsonObject, readInput, type CliIO } from './io';
import { parseNumber } from './parseNumber';

/** parseArgs options of the request input (spread into a command's own). */
export const REQUEST_INPUT_OPTIONS = {
  input: { type: 'string' },
  format: { type: 'string' },
  'time-column': { type: 'string' },
  'time-unit': { type: 'string' },
  step: { type: 'string' },
} as const;

export const REQUEST_INPUT_HELP = `  INPUT, --input FILE|-   request file, or - for stdin (default -)
  --format json|csv       input format (default: csv if FILE ends in .csv, else json)
                          json: an AnalyzeRequest {version: 1, series: [...], ...} (docs/engine.md)
                          csv:  header row; one time column, every other column is a series;
                                every row has one cell per column; quote fields with commas
  --time-column NAME      csv time column (default "time", else the first column)
  --time-unit ms|s        unit of numeric csv timestamps (default ms). ISO 8601 strings also work;
                          one without a zone is read as UTC (2026-01-01T00:00:00 = ...00Z)
  --step MS               grid step in milliseconds (default: inferred)
`;

export interface RequestInput {
  input: string;
  format: 'json' | 'csv' | undefined;
  timeColumn: string | undefined;
  timeUnit: 'ms' | 's';
  step: number | undefined;
}

type InputValues = { [K in keyof typeof REQUEST_INPUT_OPTIONS]?: string };

/** The input flags, with the positional input (one input only, as a flag or a positional). */
export function requestInput(v: InputValues, positionals: string[]): RequestInput {
  return {
    input: inputArgument(v.input, positionals),
    format: oneOf(v.format, ['json', 'csv'] as const, '--format'),
    timeColumn: v['time-column'],
    timeUnit: oneOf(v['time-unit'], ['ms', 's'] as const, '--time-unit') ?? 'ms',
    step: v.step === undefined ? undefined : parseNumber(v.step, '--step'),
  };
}

/** The request the input holds, with `--step` applied. */
export function readRequest(o: RequestInput, io: CliIO): AnalyzeRequest {
  const text = readInput(o.input, io);
  const format = o.format ?? (o.input.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
  const request =
    format === 'csv'
      ? csvToRequest(text, o.timeColumn, o.timeUnit)
      : (jsonObject(text, o.input, '{version: 1, series: [...]} (docs/engine.md)') as unknown as AnalyzeRequest);
  return o.step === undefined ? request : { ...request, grid: { ...request.grid, stepMs: o.step } };
}

/** Writes the result JSON to `output` (a file) or stdout; a path that cannot be written is bad input. */
export function writeResult(json: string, output: string | undefined, io: CliIO): void {
  if (!output) {
    io.stdout(json);
    return;
  }
  try {
    io.writeFile(output, json);
  } catch (e) {
    throw new BadInputError(`cannot write output '${output}': ${(e as Error).message}`);
  }
}

/** The exit code the result calls for before any gate; a refusal or an internal error is said on stderr. */
export function reportRefusal(result: AnalyzeResult, io: CliIO): ExitCode {
  const code = exitCodeOfResult(result);
  if (code !== EXIT.OK) {
    blockingWarnings(result).forEach((w) =>
      io.stderr(`infradrift: ${code === EXIT.INTERNAL ? 'internal error' : 'request refused'}: ${w}\n`)
    );
  }
  return code;
}
