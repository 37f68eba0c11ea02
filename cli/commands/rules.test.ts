/** @jest-environment node */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { EXIT } from '../exitCodes';
import { main } from '../main';
import { memoryIO } from '../memoryIO';
import { RULE_FILES } from './rules';

const example = path.join(__dirname, '..', 'examples', 'rules.json');
const spec = JSON.parse(fs.readFileSync(example, 'utf8'));
const promtoolPath = ['/usr/bin/promtool', '/usr/local/bin/promtool'].find((p) => fs.existsSync(p));

/** `promtool check rules` on one file; the test says it was skipped when promtool is not installed. */
function promtoolCheck(file: string): { code: number | null; output: string } {
  const run = spawnSync(promtoolPath!, ['check', 'rules', file], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('infradrift rules', () => {
  it('answers --help and is listed in the tool help', async () => {
    const x = memoryIO();
    expect(await main(['rules', '--help'], x)).toBe(EXIT.OK);
    expect(x.out).toContain('infradrift rules [options] [INPUT]');
    expect(x.out).toContain('--out-dir DIR');
    expect(x.out).toContain('Exit codes:');
    const y = memoryIO();
    expect(await main(['--help'], y)).toBe(EXIT.OK);
    expect(y.out).toMatch(/^ {2}rules {5}/m);
  });

  it('writes both files into --out-dir; the rule file passes promtool check rules', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-rules-'));
    try {
      const x = memoryIO();
      x.writeFile = (p, t) => fs.writeFileSync(p, t);
      expect(await main(['rules', example, '--out-dir', dir], x)).toBe(EXIT.OK);
      expect(x.err).toContain(
        `wrote ${path.join(dir, RULE_FILES.prometheus)} and ${path.join(dir, RULE_FILES.grafana)} (2 rules)`
      );
      const prom = parse(fs.readFileSync(path.join(dir, RULE_FILES.prometheus), 'utf8'));
      expect(prom.groups.map((g: { name: string }) => g.name)).toEqual([
        'infradrift:cache_miss_vs_user_ctr_7d_drift',
        'infradrift:user_ctr_7d_drift',
      ]);
      const grafana = parse(fs.readFileSync(path.join(dir, RULE_FILES.grafana), 'utf8'));
      expect(grafana.apiVersion).toBe(1);
      expect(grafana.groups[0].rules[0].data[0].datasourceUid).toBe('prometheus');
      if (!promtoolPath) {
        process.stderr.write('promtool not installed (apt-get install prometheus): promtool check rules skipped\n');
        return;
      }
      const check = promtoolCheck(path.join(dir, RULE_FILES.prometheus));
      expect(check.output).toContain('SUCCESS: 7 rules found');
      expect(check.code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stdout: both files in sections, or exactly one with --only; flags override the spec', async () => {
    const x = memoryIO();
    expect(await main(['rules', '--input', example], x)).toBe(EXIT.OK);
    expect(x.out.startsWith(`# ==> ${RULE_FILES.prometheus} <==\ngroups:`)).toBe(true);
    expect(x.out).toContain(`\n# ==> ${RULE_FILES.grafana} <==\napiVersion: 1`);
    const y = memoryIO(JSON.stringify(spec));
    expect(
      await main(['rules', '--only', 'grafana', '--datasource-uid', 'mimir-prod', '--folder', 'ML alerts'], y)
    ).toBe(EXIT.OK);
    const grafana = parse(y.out);
    expect(grafana.groups[0].folder).toBe('ML alerts');
    expect(grafana.groups[0].rules[0].data[0].datasourceUid).toBe('mimir-prod');
  });

  it.each([
    ['not JSON', '{', /is not valid JSON/],
    ['not an object', '[1]', /must be a JSON object/],
    ['no rules', '{"datasource": {"uid": "p"}, "rules": []}', /rules must list at least one rule/],
    ['no datasource', JSON.stringify({ rules: spec.rules }), /datasource.uid .* is required/],
    [
      'Spearman',
      JSON.stringify({ ...spec, rules: [{ ...spec.rules[0], method: 'spearman' }] }),
      /Spearman correlation is not expressible in PromQL[\s\S]*instead: use Pearson on the same pair/,
    ],
    [
      'unbalanced PromQL',
      JSON.stringify({ ...spec, rules: [{ ...spec.rules[0], a: { kind: 'gauge', expr: 'sum(rate(x[5m])' } }] }),
      /cache miss vs user_ctr_7d drift/,
    ],
  ])('bad input exits 2 with a message: %s', async (_, input, message) => {
    const x = memoryIO(input);
    expect(await main(['rules'], x)).toBe(EXIT.BAD_INPUT);
    expect(x.err).toMatch(message);
    expect(x.out).toBe('');
  });

  it('bad flags and unwritable output exit 2', async () => {
    const a = memoryIO();
    expect(await main(['rules', example, '--only', 'both'], a)).toBe(EXIT.BAD_INPUT);
    expect(a.err).toContain("--only must be prometheus or grafana, got 'both'");
    const b = memoryIO();
    expect(await main(['rules', example, '--nope'], b)).toBe(EXIT.BAD_INPUT);
    const c = memoryIO();
    c.writeFile = (p, t) => fs.writeFileSync(p, t);
    expect(await main(['rules', example, '--out-dir', path.join(os.tmpdir(), 'infradrift-no-such-dir', 'x')], c)).toBe(
      EXIT.BAD_INPUT
    );
    expect(c.err).toContain('cannot write output');
    const d = memoryIO();
    expect(await main(['rules', path.join(os.tmpdir(), 'infradrift-missing.json')], d)).toBe(EXIT.BAD_INPUT);
    expect(d.err).toContain('cannot read input');
  });
});
