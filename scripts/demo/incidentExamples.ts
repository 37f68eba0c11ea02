/**
 * Writes cli/examples/incidents/<scenario>.csv and commands.txt: each simulator scenario (seed 1, the
 * timeline of tests/support/incidentScenarios.ts) as the CSV a user would export, holding its baseline
 * and incident windows, and the `infradrift incident` command that judges it. Drift columns are the
 * engine's PSI of each histogram against its reference, as the data source computes them.
 *
 *   npx tsx scripts/demo/incidentExamples.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/stats';
import { incidentCases, simulateTimeline, timelineRequest } from '../../tests/support/incidentScenarios';

const OUT = path.join(__dirname, '..', '..', 'cli', 'examples', 'incidents');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const sim = simulateTimeline(1);
const aligned = analyze({ ...timelineRequest(sim), includeAligned: true });
const grid = aligned.grid!;
const column = new Map(aligned.series.map((s) => [s.id, s.values ?? []]));
const commands: string[] = [];
fs.mkdirSync(OUT, { recursive: true });
for (const c of incidentCases(sim)) {
  if (c.baseline.kind !== 'fixed') {
    throw new Error('the examples use fixed baselines');
  }
  const ids = [c.target, ...c.controls, ...c.infrastructure];
  const first = Math.ceil((c.baseline.from - grid.start) / grid.stepMs);
  const last = Math.floor((c.incident.to - grid.start) / grid.stepMs);
  const rows = [['time', ...ids].join(',')];
  for (let i = first; i <= last; i++) {
    const cells = ids.map((id) => {
      const v = column.get(id)?.[i];
      return v === null || v === undefined ? '' : String(Number(v.toPrecision(10)));
    });
    rows.push([iso(grid.start + i * grid.stepMs), ...cells].join(','));
  }
  const file = `${c.scenario}.csv`;
  fs.writeFileSync(path.join(OUT, file), `${rows.join('\n')}\n`);
  commands.push(
    `# ${c.scenario}: expected ${c.expected}${c.expectNamed.length ? ` naming ${c.expectNamed.join(' or ')}` : ''}\n` +
      `npx infradrift incident cli/examples/incidents/${file} --incident ${iso(c.incident.from)},${iso(c.incident.to)} ` +
      `--baseline fixed:${iso(c.baseline.from)},${iso(c.baseline.to)} --target ${c.target} --control ${c.controls.join(',')} ` +
      `--output /dev/null`
  );
}
fs.writeFileSync(path.join(OUT, 'commands.txt'), `${commands.join('\n\n')}\n`);
