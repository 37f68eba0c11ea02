/** @jest-environment node */
/**
 * The commands in cli/examples/incidents/commands.txt (written with the CSVs by
 * scripts/demo/incidentExamples.ts from the simulator): each scenario's CSV through `infradrift incident`
 * gives the planted verdict, and the exit code gates on it (1 for infrastructure, the default --fail-on).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { AnalyzeResult } from '../../src/stats';
import { EXIT } from '../exitCodes';
import { main } from '../main';
import { memoryIO } from '../memoryIO';

jest.setTimeout(60_000);

const ROOT = path.join(__dirname, '..', '..');
const text = fs.readFileSync(path.join(ROOT, 'cli', 'examples', 'incidents', 'commands.txt'), 'utf8');
const examples = text
  .trim()
  .split('\n\n')
  .map((block) => {
    const [comment, command] = block.split('\n');
    const [, scenario, expected] = /^# (\S+): expected (infrastructure|data drift|confounded)/.exec(comment)!;
    const argv = command.replace(/^npx infradrift /, '').split(' ');
    return { scenario, expected, argv };
  });

it.each(examples.map((e) => [e.scenario, e]))('%s', async (_s, e) => {
  const argv = e.argv.map((a) => (a.startsWith('cli/') ? path.join(ROOT, a) : a)).filter((a) => a !== '/dev/null');
  const out = argv.indexOf('--output');
  argv.splice(out, 1);
  const io = memoryIO('');
  const code = await main(argv, io);
  const result = JSON.parse(io.out) as AnalyzeResult;
  expect(result.compare?.verdicts[0].kind).toBe(e.expected);
  expect(code).toBe(e.expected === 'infrastructure' ? EXIT.GATE_CROSSED : EXIT.OK);
  expect(io.err).toContain(`: ${e.expected}: `);
});
