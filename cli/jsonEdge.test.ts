/** @jest-environment node */
/**
 * The JSON edge: inside, a result's N x N matrices are Float64Arrays with NaN for missing and their reasons
 * Uint8Arrays of codes; the CLI prints them as they were always printed, arrays with null for missing and
 * arrays of reason strings and null. Each output is compared, byte for byte, with the result the engine
 * returned turned into JSON by the old rule (every Float64Array, wherever it sits, through toJsonArray;
 * every reason matrix read cell by cell with reasonAt), with the lead statements the CLI adds.
 */
import * as path from 'path';
import { analyze, matrixEntries, reasonAt, reasonEntries, toJsonArray, type AnalyzeResult } from '../src/stats';
import { withLeadStatements } from './commands/analyze';
import { main } from './main';
import { memoryIO } from './memoryIO';
import { incidentExamples } from './testing/incidentExamples';

jest.setTimeout(60_000);

const example = (f: string) => path.join(__dirname, 'examples', f);

/** The old JSON of a value: a copy in which every Float64Array is an array with null for missing. */
function oldJson(value: unknown): unknown {
  if (value instanceof Float64Array) {
    return toJsonArray(value);
  }
  if (value instanceof Uint8Array) {
    return Array.from(value, (_, c) => reasonAt(value, c));
  }
  if (Array.isArray(value)) {
    return value.map(oldJson);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, oldJson(v)]));
  }
  return value;
}

/** Runs the CLI with the real engine, keeping the result it printed. */
async function printed(argv: string[]): Promise<{ out: string; result: AnalyzeResult }> {
  const results: AnalyzeResult[] = [];
  const io = memoryIO('');
  const engine = {
    analyze: (request: unknown) => {
      const result = analyze(request as never);
      results.push(result);
      return result;
    },
  };
  await main(argv, io, engine);
  expect(results).toHaveLength(1);
  return { out: io.out, result: results[0] };
}

const cases: Array<[string, string[]]> = [
  [
    'metrics.csv, lags, partial, clustering',
    ['--input', example('metrics.csv'), '--max-lag', '3', '--controls', 'request_rate', '--cluster'],
  ],
  ['metrics.csv, Spearman, pretty', ['--input', example('metrics.csv'), '--method', 'spearman', '--pretty']],
  ['request.json', [example('request.json')]],
  ...incidentExamples().map((e): [string, string[]] => [`incident ${e.scenario}`, e.argv]),
];

it.each(cases)('%s: the output is the old JSON of the result', async (_label, argv) => {
  const { out, result } = await printed(argv);
  const matrices = [...matrixEntries(result), ...reasonEntries(result)];
  expect(matrices.length).toBeGreaterThan(0);
  const pretty = argv.includes('--pretty') ? 2 : undefined;
  expect(out).toBe(JSON.stringify(oldJson(withLeadStatements(result)), null, pretty) + '\n');
  const json = JSON.parse(out);
  for (const { sectionKey, field } of matrices) {
    expect(Array.isArray(json[sectionKey][field])).toBe(true);
  }
});
