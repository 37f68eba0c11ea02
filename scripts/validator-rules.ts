/**
 * `npm run lint:validator [-- DIR]`: fails on what Grafana's plugin validator and review reject.
 * Checks src/ (sources and plugin.json) and, when it exists, the built dist/.
 */
import fs from 'fs';
import path from 'path';
import { checkPluginJson, checkSources, Finding, ruleWhy } from './lib/validatorRules';

const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
const findings: Finding[] = [
  ...checkSources(path.join(root, 'src'), root),
  ...checkPluginJson(path.join(root, 'src'), root),
];
const dist = path.join(root, 'dist');
if (fs.existsSync(path.join(dist, 'plugin.json'))) {
  findings.push(...checkPluginJson(dist, root));
}
for (const f of findings) {
  process.stdout.write(`${f.file}:${f.line}  [${f.rule}] ${ruleWhy(f.rule)}\n    ${f.text}\n`);
}
process.stdout.write(findings.length ? `${findings.length} validator rule violation(s)\n` : 'validator rules: clean\n');
process.exit(findings.length ? 1 : 0);
