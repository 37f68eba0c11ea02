/**
 * The commands in cli/examples/incidents/commands.txt (written with the CSVs by scripts/demo/incidentExamples.ts
 * from the simulator), as argv for `main` with absolute paths and the result on stdout (no --output).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

export interface IncidentExample {
  scenario: string;
  expected: string;
  argv: string[];
}

export function incidentExamples(): IncidentExample[] {
  const text = fs.readFileSync(path.join(ROOT, 'cli', 'examples', 'incidents', 'commands.txt'), 'utf8');
  return text
    .trim()
    .split('\n\n')
    .map((block) => {
      const [comment, command] = block.split('\n');
      const [, scenario, expected] = /^# (\S+): expected (infrastructure|data drift|confounded)/.exec(comment)!;
      const argv = command
        .replace(/^npx infradrift /, '')
        .replace(/ --output \/dev\/null/, '')
        .split(' ')
        .map((a) => (a.startsWith('cli/') ? path.join(ROOT, a) : a));
      return { scenario, expected, argv };
    });
}
