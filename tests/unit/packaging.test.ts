/**
 * @jest-environment node
 *
 * Packaging as Grafana's plugin review reads it: the plugin's dependencies are what its bundle
 * imports (prom-client and react-dom were listed though only the simulator and the sandbox use
 * them), tools run at a pinned version, and plugin.json shows screenshots that ship in dist/.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { checkPluginJson } from '../../scripts/lib/validatorRules';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Files under `dir` whose path matches `keep`. */
function files(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, keep) : keep(p) ? [p] : [];
  });
}

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`; undefined for relative paths and Node's own modules. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0])) {
    return undefined;
  }
  return specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
}

/** Packages that `files` import (import, export from, require, import()), as TypeScript reads them. */
function importedPackages(list: string[]): Set<string> {
  const out = new Set<string>();
  for (const file of list) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      const name = packageOf(fileName);
      if (name) {
        out.add(name);
      }
    }
  }
  return out;
}

/** What webpack bundles: plugin sources, not their tests and test helpers. */
const isPluginSource = (file: string) =>
  /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !/[/\\](__tests__|testing)[/\\]/.test(file);

describe('dependencies', () => {
  it('lists exactly the packages the plugin source imports (no package that only the simulator or sandbox uses)', () => {
    const imported = [...importedPackages(files(SRC, isPluginSource))].sort();
    expect(Object.keys(pkg.dependencies).sort()).toEqual(imported);
  });

  it('keeps prom-client and react-dom for the simulator and the sandbox, at the same versions, as devDependencies', () => {
    expect(pkg.dependencies['prom-client']).toBeUndefined();
    expect(pkg.dependencies['react-dom']).toBeUndefined();
    expect(pkg.devDependencies).toHaveProperty('prom-client'); // the simulator's image installs this version
    // react-dom must match the React the plugin builds against (Grafana provides both at run time).
    expect(pkg.devDependencies['react-dom']).toBe(pkg.dependencies.react);
    const simulator = importedPackages(files(path.join(ROOT, 'simulator'), (f) => /\.ts$/.test(f)));
    expect(simulator.has('prom-client')).toBe(true);
  });
});

describe('scripts', () => {
  it('signs with a pinned @grafana/sign-plugin, not whatever @latest is that day', () => {
    expect(pkg.scripts.sign).toMatch(/@grafana\/sign-plugin@\d+\.\d+\.\d+(\s|$)/);
    expect(pkg.scripts.sign).not.toMatch(/@latest/);
  });
});

describe('plugin.json', () => {
  const app = JSON.parse(fs.readFileSync(path.join(SRC, 'plugin.json'), 'utf8'));
  const screenshots: Array<{ name: string; path: string }> = app.info.screenshots;

  it('lists screenshots of the product, each a named PNG under 400 KB', () => {
    expect(screenshots.length).toBeGreaterThanOrEqual(2);
    for (const shot of screenshots) {
      expect(shot.name.trim()).not.toBe('');
      const file = path.join(SRC, shot.path);
      const png = fs.readFileSync(file);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.length).toBeLessThan(400 * 1024);
    }
  });

  it('names only paths that exist: in dist/ after a build (screenshots and logos are copied), in src/ before', () => {
    const built = fs.existsSync(path.join(DIST, 'plugin.json'));
    expect(checkPluginJson(built ? DIST : SRC, ROOT)).toEqual([]);
    if (built) {
      // A dist/ built before a screenshot was added would pass the check above: look for src's list there.
      for (const shot of screenshots) {
        expect(fs.existsSync(path.join(DIST, shot.path))).toBe(true);
      }
    }
  });
});
