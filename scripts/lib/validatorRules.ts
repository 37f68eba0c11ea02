/**
 * Mirrors what Grafana's plugin validator and plugin review reject, because the validator itself
 * downloads a binary and cannot run on our machines. Each rule names its source and severity;
 * InfraDrift treats every finding as an error.
 */
import fs from 'fs';
import path from 'path';

export interface Finding {
  rule: string;
  file: string;
  line: number;
  text: string;
}

interface LineRule {
  id: string;
  why: string;
  pattern: RegExp;
  /** A line matching `pattern` is fine if it also matches `unless`. */
  unless?: RegExp;
  /** Match the whole line, comments included (for directives that live in comments). */
  inComments?: boolean;
}

/** Rules applied line by line to frontend source (src/**, tests excluded). */
export const LINE_RULES: LineRule[] = [
  {
    id: 'ds-query-api',
    why: 'validator error: frontend code must not call /api/ds/query',
    pattern: /\/api\/ds\/query/,
  },
  {
    id: 'css-import',
    why: 'validator error: no direct CSS/SCSS imports (use @emotion/css via useStyles2)',
    pattern: /^\s*import\s+(?:[^'"]+from\s+)?['"][^'"]+\.(?:s?css|sass|less)['"]/,
  },
  {
    id: 'emotion-global',
    why: 'validator error: no Emotion <Global> styles',
    pattern: /<Global\b|\bfrom\s+['"]@emotion\/react['"].*\bGlobal\b/,
  },
  {
    id: 'grafana-globals',
    why: 'validator error: no window.grafanaBootData / grafanaRuntime',
    pattern: /\bgrafanaBootData\b|\bgrafanaRuntime\b/,
  },
  {
    id: 'native-dialog',
    why: 'validator error: no native alert/confirm/prompt',
    pattern: /(?:^|[^.\w])(?:window\.)?(?:alert|confirm|prompt)\s*\(/,
  },
  {
    id: 'window-open',
    why: 'validator error: window.open needs noopener,noreferrer',
    pattern: /\bwindow\.open\s*\(/,
    unless: /noopener,\s*noreferrer/,
  },
  {
    id: 'console',
    why: 'validator warning: no console.* in plugin code',
    pattern: /\bconsole\.(?:log|info|warn|error|debug|trace|table)\b/,
  },
  {
    id: 'window-location',
    why: 'validator warning: use locationService, not window.location',
    pattern: /\bwindow\.location\b/,
  },
  { id: 'ts-ignore', why: 'validator warning: no @ts-ignore', pattern: /@ts-ignore/, inComments: true },
  { id: 'eval', why: 'plugin review: no eval or new Function', pattern: /(?:^|[^.\w])eval\s*\(|\bnew\s+Function\s*\(/ },
  {
    id: 'inner-html',
    why: 'plugin review: no innerHTML / dangerouslySetInnerHTML (render label text as text)',
    pattern: /\binnerHTML\b|\bouterHTML\b|dangerouslySetInnerHTML|insertAdjacentHTML/,
  },
  {
    id: 'hard-coded-colour',
    why: 'plugin review: colours come from theme tokens',
    pattern: /['"`]#[0-9a-fA-F]{3,8}['"`]|\brgba?\(\s*\d/,
  },
  {
    id: 'unsanitized-href',
    why: 'plugin review: sanitize URLs (textUtil.sanitizeUrl)',
    pattern: /\bhref=\{(?!\s*(?:sanitizeUrl|textUtil\.sanitizeUrl)\()/,
  },
];

const SOURCE = /\.(?:ts|tsx|js|jsx)$/;
const TEST = /\.(?:test|spec)\.[tj]sx?$|__tests__|__mocks__/;

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) {
    return out;
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full, out);
    } else {
      out.push(full);
    }
  }
  return out;
}

/** Strips `// ...` comments so a rule's own explanation in a comment does not trip it. */
function code(line: string): string {
  const i = line.indexOf('//');
  return i >= 0 && !/['"`][^'"`]*\/\//.test(line.slice(0, i + 2)) ? line.slice(0, i) : line;
}

export function checkSources(srcDir: string, root: string): Finding[] {
  const findings: Finding[] = [];
  for (const file of walk(srcDir).filter((f) => SOURCE.test(f) && !TEST.test(f))) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((raw, i) => {
      const isBlockComment = /^\s*(?:\*|\/\*)/.test(raw);
      for (const rule of LINE_RULES) {
        const line = rule.inComments ? raw : isBlockComment ? '' : code(raw);
        if (rule.pattern.test(line) && !(rule.unless && rule.unless.test(line))) {
          findings.push({ rule: rule.id, file: path.relative(root, file), line: i + 1, text: raw.trim() });
        }
      }
    });
  }
  return findings;
}

interface PluginJson {
  id?: string;
  type?: string;
  info?: { logos?: { small?: string; large?: string }; screenshots?: Array<{ path: string }> };
  includes?: Array<{ type: string; path?: string }>;
  dependencies?: { grafanaDependency?: string };
}

function readJson(file: string): PluginJson {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * plugin.json rules: nested plugins declared in the app's includes; every path named exists in the
 * built tree (or in src when no build is given); one grafanaDependency everywhere.
 */
export function checkPluginJson(pluginDir: string, root: string): Finding[] {
  const findings: Finding[] = [];
  const appFile = path.join(pluginDir, 'plugin.json');
  if (!fs.existsSync(appFile)) {
    return [{ rule: 'plugin-json', file: path.relative(root, appFile), line: 0, text: 'missing plugin.json' }];
  }
  const app = readJson(appFile);
  const all = walk(pluginDir).filter((f) => path.basename(f) === 'plugin.json');
  const declared = new Set(
    (app.includes ?? []).filter((i) => i.path?.endsWith('plugin.json')).map((i) => path.normalize(i.path!))
  );
  const dependency = app.dependencies?.grafanaDependency;
  for (const file of all) {
    const rel = path.relative(pluginDir, file);
    const json = readJson(file);
    const report = (text: string) =>
      findings.push({ rule: 'plugin-json', file: path.relative(root, file), line: 0, text });
    if (file !== appFile && !declared.has(rel)) {
      report(`nested plugin ${json.id} is not declared in the app's includes`);
    }
    if (json.dependencies?.grafanaDependency !== dependency) {
      report(`grafanaDependency ${json.dependencies?.grafanaDependency} differs from the app's ${dependency}`);
    }
    const dir = path.dirname(file);
    const named = [
      json.info?.logos?.small,
      json.info?.logos?.large,
      ...(json.info?.screenshots ?? []).map((s) => s.path),
    ];
    for (const p of named.filter((x): x is string => !!x)) {
      if (!fs.existsSync(path.join(dir, p))) {
        report(`names ${p}, which does not exist`);
      }
    }
    if (
      json.type &&
      json.type !== 'app' &&
      !fs.existsSync(path.join(dir, 'module.js')) &&
      !fs.existsSync(path.join(dir, 'module.ts')) &&
      !fs.existsSync(path.join(dir, 'module.tsx'))
    ) {
      report('has no module next to it');
    }
  }
  for (const inc of app.includes ?? []) {
    if (inc.path?.endsWith('plugin.json') && !fs.existsSync(path.join(pluginDir, inc.path))) {
      findings.push({
        rule: 'plugin-json',
        file: path.relative(root, appFile),
        line: 0,
        text: `includes ${inc.path}, which does not exist`,
      });
    }
  }
  return findings;
}

export function ruleWhy(id: string): string {
  return (
    LINE_RULES.find((r) => r.id === id)?.why ??
    'validator error: plugin.json must be consistent and every named path must exist'
  );
}
