/** @jest-environment node */
/**
 * The verdict on the simulator's incidents: each of the five scenarios over 20 seeds, each incident
 * judged against the quiet time before it (tests/support/incidentScenarios.ts). Prints the confusion
 * table; at least 95 % of the verdicts must be right (kind and a named signal) and no data-drift run
 * may be called infrastructure. The expectations are the simulator's planted truth, not engine output.
 */
import { analyze, type VerdictKind } from '../../src/stats';
import { caseRequest, incidentCases, simulateTimeline, timelineRequest } from '../support/incidentScenarios';
import type { ScenarioName } from '../../simulator/types';

jest.setTimeout(300_000);

const SEEDS = 20;
const KINDS: VerdictKind[] = ['infrastructure', 'data drift', 'confounded', 'inconclusive', 'no change'];

it(`verdicts on 5 scenarios x ${SEEDS} seeds: >= 95 % right, never "infrastructure" on data drift`, () => {
  const table = new Map<ScenarioName, Record<VerdictKind, number>>();
  const wrong: string[] = [];
  let right = 0;
  let total = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const sim = simulateTimeline(seed);
    const base = timelineRequest(sim);
    for (const c of incidentCases(sim)) {
      const result = analyze(caseRequest(base, c));
      const v = result.compare?.verdicts[0];
      const kind = v?.kind ?? 'inconclusive';
      const row =
        table.get(c.scenario) ?? (Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<VerdictKind, number>);
      row[kind]++;
      table.set(c.scenario, row);
      const namedOk =
        c.expectNamed.length === 0 ? v?.named.length === 0 : c.expectNamed.some((id) => v?.named.includes(id));
      total++;
      if (kind === c.expected && namedOk) {
        right++;
      } else {
        wrong.push(`seed ${seed} ${c.scenario}: ${kind} [${v?.named.join(', ') ?? ''}] ${v?.sentence ?? ''}`);
      }
    }
  }
  const width = Math.max(...[...table.keys()].map((s) => s.length));
  const lines = [
    `${'scenario'.padEnd(width)}  ${KINDS.map((k) => k.padStart(14)).join('')}`,
    ...[...table.entries()].map(
      ([s, row]) => `${s.padEnd(width)}  ${KINDS.map((k) => String(row[k]).padStart(14)).join('')}`
    ),
    `right: ${right}/${total} (${((100 * right) / total).toFixed(1)} %)`,
    ...wrong.map((w) => `  wrong: ${w}`),
  ];
  process.stdout.write(
    `\n[verdicts] confusion table (rows: planted scenario, columns: verdict)\n${lines.join('\n')}\n`
  );
  expect(table.get('data-drift')?.infrastructure ?? 0).toBe(0);
  expect(right / total).toBeGreaterThanOrEqual(0.95);
});
