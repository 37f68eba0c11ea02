/** @jest-environment node */
/**
 * The validator-rule check must fail when a forbidden pattern is added: each rule is proven on a
 * throw-away plugin tree, and the real src/ must be clean.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { checkPluginJson, checkSources, LINE_RULES } from '../../scripts/lib/validatorRules';

const ROOT = path.resolve(__dirname, '..', '..');

/** One offending line per rule, as a developer might write it. */
const OFFENDERS: Record<string, string> = {
  'ds-query-api': "fetch('/api/ds/query', { method: 'POST' });",
  'css-import': "import './styles.css';",
  'emotion-global': 'const g = <Global styles={s} />;',
  'grafana-globals': 'const v = window.grafanaBootData.settings;',
  'native-dialog': "alert('done');",
  'window-open': "window.open(url, '_blank');",
  console: "console.log('x');",
  'window-location': 'window.location.href = url;',
  'ts-ignore': '// @ts-ignore',
  eval: "eval('1+1');",
  'inner-html': 'el.innerHTML = label;',
  'hard-coded-colour': "const c = '#ff0000';",
  'unsanitized-href': '<a href={link.url}>x</a>',
};

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validator-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('source rules', () => {
  it('has an offender for every rule', () => {
    expect(Object.keys(OFFENDERS).sort()).toEqual(LINE_RULES.map((r) => r.id).sort());
  });

  it.each(Object.entries(OFFENDERS))('%s fires on a forbidden line', (rule, line) => {
    const dir = tree({ 'src/bad.tsx': `export const ok = 1;\n${line}\n` });
    const found = checkSources(path.join(dir, 'src'), dir);
    expect(found.map((f) => f.rule)).toContain(rule);
    expect(found.find((f) => f.rule === rule)!.line).toBe(2);
  });

  it('accepts the safe forms', () => {
    const dir = tree({
      'src/good.tsx': [
        "window.open(url, '_blank', 'noopener,noreferrer');",
        '<a href={textUtil.sanitizeUrl(link.url)}>x</a>',
        'const c = theme.colors.primary.main;',
        "// console.log('in a comment is fine')",
      ].join('\n'),
      'src/good.test.tsx': "console.log('tests may print');",
    });
    expect(checkSources(path.join(dir, 'src'), dir)).toEqual([]);
  });
});

describe('plugin.json rules', () => {
  const app = (includes: unknown[]) =>
    JSON.stringify({ id: 'a-app', type: 'app', includes, info: {}, dependencies: { grafanaDependency: '>=12.3.0' } });
  const nested = (dep = '>=12.3.0', logo = 'img/logo.svg') =>
    JSON.stringify({
      id: 'a-panel',
      type: 'panel',
      info: { logos: { small: logo, large: logo } },
      dependencies: { grafanaDependency: dep },
    });

  it('flags a nested plugin missing from includes', () => {
    const dir = tree({
      'src/plugin.json': app([]),
      'src/p/plugin.json': nested(),
      'src/p/module.ts': '',
      'src/p/img/logo.svg': '',
    });
    expect(
      checkPluginJson(path.join(dir, 'src'), dir)
        .map((f) => f.text)
        .join()
    ).toMatch(/not declared/);
  });

  it('flags a named path that does not exist and a differing grafanaDependency', () => {
    const dir = tree({
      'src/plugin.json': app([
        { type: 'panel', path: 'p/plugin.json' },
        { type: 'panel', path: 'q/plugin.json' },
      ]),
      'src/p/plugin.json': nested('>=11.0.0', 'img/missing.svg'),
      'src/p/module.ts': '',
    });
    const texts = checkPluginJson(path.join(dir, 'src'), dir)
      .map((f) => f.text)
      .join('\n');
    expect(texts).toMatch(/img\/missing.svg, which does not exist/);
    expect(texts).toMatch(/grafanaDependency >=11.0.0 differs/);
    expect(texts).toMatch(/includes q\/plugin.json, which does not exist/);
  });
});

it('the real src/ passes every rule', () => {
  expect([...checkSources(path.join(ROOT, 'src'), ROOT), ...checkPluginJson(path.join(ROOT, 'src'), ROOT)]).toEqual([]);
});
