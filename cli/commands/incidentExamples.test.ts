/** @jest-environment node */
/**
 * The commands in cli/examples/incidents/commands.txt (written with the CSVs by
 * scripts/demo/incidentExamples.ts from the simulator): each scenario's CSV through `infradrift incident`
 * gives the planted verdict, and the exit code gates on it (1 for infrastructure, the default --fail-on).
 */
import type { AnalyzeResult } from '../../src/stats';
import { EXIT } from '../exitCodes';
import { main } from '../main';
import { memoryIO } from '../memoryIO';
import { incidentExamples } from '../testing/incidentExamples';

jest.setTimeout(60_000);

const examples = incidentExamples();

it.each(examples.map((e) => [e.scenario, e]))('%s', async (_s, e) => {
  const io = memoryIO('');
  const code = await main(e.argv, io);
  const result = JSON.parse(io.out) as AnalyzeResult;
  expect(result.compare?.verdicts[0].kind).toBe(e.expected);
  expect(code).toBe(e.expected === 'infrastructure' ? EXIT.GATE_CROSSED : EXIT.OK);
  expect(io.err).toContain(`: ${e.expected}: `);
});
