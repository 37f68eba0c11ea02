/** @jest-environment node */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as os from 'os';
import * as path from 'path';
import { buildCli } from './build';

/**
 * The installed package runs the bundle with plain node: no tsx, no node_modules. Built into a temp dir (no
 * node_modules above it, NODE_PATH empty) and run on the example request, it must work on its own.
 */
describe('bundled CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-cli-'));
  const outfile = path.join(dir, 'infradrift.js');
  const example = path.join(__dirname, 'examples', 'request.json');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds to one file that needs only Node built-ins', async () => {
    await buildCli(outfile);
    const required = [...fs.readFileSync(outfile, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
    const builtins = new Set(builtinModules);
    expect(required.filter((m) => !builtins.has(m.replace(/^node:/, '')))).toEqual([]);
  }, 60_000);

  it('runs with plain node (no tsx) on cli/examples/request.json', () => {
    const env = { PATH: process.env.PATH ?? '', NODE_PATH: '', TZ: 'Asia/Tokyo' };
    const res = spawnSync(
      process.execPath,
      [outfile, '--input', example, '--fail-above', 'cpu_throttle,request_rate=0.99'],
      { cwd: dir, env, encoding: 'utf8' }
    );
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.version).toBe(1);
    expect(out.correlation.ids).toEqual(['cpu_throttle', 'latency_p99', 'request_rate']);
  });

  it('keeps the exit codes: bad input is 2', () => {
    const res = spawnSync(process.execPath, [outfile, '--fail-above', 'a,b='], {
      cwd: dir,
      env: { NODE_PATH: '' },
      encoding: 'utf8',
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("gate 'a,b='");
  });

  it('cli/bin.js of an installed package (no sources) runs the bundle, and says what is missing without it', () => {
    const pkg = path.join(dir, 'package', 'cli');
    fs.mkdirSync(pkg, { recursive: true });
    fs.copyFileSync(path.join(__dirname, 'bin.js'), path.join(pkg, 'bin.js'));
    const bin = () =>
      spawnSync(process.execPath, [path.join(pkg, 'bin.js'), '--help'], {
        cwd: dir,
        env: { NODE_PATH: '' },
        encoding: 'utf8',
      });
    const missing = bin();
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('the bundle cli/dist/infradrift.js is missing');
    fs.mkdirSync(path.join(pkg, 'dist'));
    fs.copyFileSync(outfile, path.join(pkg, 'dist', 'infradrift.js'));
    const ok = bin();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('infradrift [options] [INPUT]');
  });
});
