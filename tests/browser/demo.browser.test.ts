/**
 * The demo without Docker. First the provisioned dashboard in the sandbox against a Prometheus
 * backfilled by the demo's own code: every panel's queries (InfraDrift and Prometheus) return data
 * without error. Then `npm run demo` as a user runs it: start, wait for the URL, find the matrix of
 * the cache-eviction incident in Chromium, Ctrl-C, and check that no process it started is left.
 * Then every other way the demo can end (SIGTERM, a closed terminal, an uncaught error, Prometheus
 * dying), each leaving no process and no temporary data, and its survival of malformed URLs.
 * Alerts: Prometheus loads the demo's rules and sends to the demo's Alertmanager; the dashboard's
 * "Firing alerts" shows the cache-miss/drift rule in the cache-eviction incident and nothing in the
 * data-drift incident (history: rule conditions over the backfilled recording rules). With
 * DEMO_LIVE_ALERT=1 (about 8 minutes), the default demo waits for its first live storm (about 4 min
 * after the start): Prometheus's own alert fires, reaches Alertmanager and shows on the page.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import fs from 'fs';
import http from 'http';
import path from 'path';
import { Browser } from 'playwright-core';
import { startDemoStack, DemoStack } from '../../sandbox/demo/stack';
import { launchChromium, openPage, screenshot, SCREENSHOT_DIR } from './lib/browser';

jest.setTimeout(150_000);

const ROOT = path.resolve(__dirname, '..', '..');
const CACHE_ALERT = 'InfraDriftCorrelationCacheMissesMoveWithUserTenureDaysDrift';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

interface PanelState {
  id: string;
  type: string;
  frames: number;
  error: string;
}

async function panelStates(page: import('playwright-core').Page): Promise<PanelState[]> {
  return page.$$eval('[data-panel-type]', (els) =>
    els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return { id: e.id, type: d.panelType!, frames: Number(d.frames ?? -1), error: d.error ?? '' };
    })
  );
}

describe('provisioned dashboard in the sandbox', () => {
  let stack: DemoStack;

  beforeAll(async () => {
    stack = await startDemoStack({ port: 0 });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('runs every panel query against the demo Prometheus and gets data', async () => {
    const { page, problems } = await openPage(browser, stack.url, { width: 1600, height: 1000 });
    const dashboard = JSON.parse(fs.readFileSync(path.join(ROOT, 'provisioning/dashboards/ml-service.json'), 'utf8'));
    const states = await panelStates(page);
    const queried = states.filter((s) => s.type !== 'row');
    expect(queried).toHaveLength(dashboard.panels.filter((p: { type: string }) => p.type !== 'row').length);
    for (const s of queried) {
      expect({ ...s, frames: s.frames > 0 }).toEqual({ ...s, frames: true, error: '' });
    }
    await page.locator('#demo-panel-6 [data-testid="infradrift-matrix-grid"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#demo').getAttribute('data-failed')).toBe('0');
    await screenshot(page, 'demo-dashboard');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['dark', 'light'])(
    'opens each scenario from the dashboard on the incident page, with a verdict for it (%s theme)',
    async (theme) => {
      const { page, problems } = await openPage(browser, `${stack.url}&theme=${theme}`, { width: 1600, height: 1000 });
      const links = page.getByTestId('demo-incident-links').locator('a');
      await links.first().waitFor({ timeout: 30_000 });
      const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs).toHaveLength(5);
      await page.close();
      for (const [k, href] of hrefs.entries()) {
        const scenario = new URL(href).searchParams.get('target');
        const incident = await openPage(browser, `${href}&theme=${theme}`, { width: 1400, height: 1800 });
        // Which verdict depends on the live clock's data; that the page answers for the linked target is what
        // this checks (the planted verdicts are asserted on fixed data in incidentPage.browser.test.ts).
        const verdict = incident.page.getByTestId('infradrift-verdict').first();
        await verdict.waitFor({ timeout: 120_000 });
        await expect(verdict.getAttribute('aria-label')).resolves.toBe(scenario);
        if (k === 0) {
          // The links follow the scenarios' order: the first is the cache-eviction storm.
          await screenshot(incident.page, `demo-incident-cache-eviction-${theme}`);
        }
        expect(incident.problems).toEqual([]);
        await incident.page.close();
      }
      expect(problems).toEqual([]);
    }
  );

  it('loads the alert rules into Prometheus, which sends to the demo Alertmanager', async () => {
    const rules = await (await fetch(`${stack.prometheusUrl}api/v1/rules`)).json();
    const loaded = rules.data.groups.flatMap((g: { rules: Array<{ name: string; type: string }> }) => g.rules);
    expect(loaded.filter((r: { type: string }) => r.type === 'alerting').map((r: { name: string }) => r.name)).toEqual([
      CACHE_ALERT,
      'InfraDriftCorrelationRequestTimeoutsMoveWithSessionLengthSecondsDrift',
      'InfraDriftDriftUserTenureDaysDriftKs',
    ]);
    const deadline = Date.now() + 20_000;
    let active: Array<{ url: string }> = [];
    while (active.length === 0 && Date.now() < deadline) {
      active = (await (await fetch(`${stack.prometheusUrl}api/v1/alertmanagers`)).json()).data.activeAlertmanagers;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(active.map((a) => new URL(a.url).host)).toEqual([new URL(stack.alertmanagerUrl).host]);
    expect((await fetch(`${stack.alertmanagerUrl}api/v2/status`)).status).toBe(200);
  });

  it('shows the cache-miss/drift alert in the cache-eviction incident, and none in the data-drift incident', async () => {
    const rowsOf = async (incident: string) => {
      const { page, problems } = await openPage(browser, `${stack.url}&incident=${incident}`, {
        width: 1600,
        height: 1000,
      });
      const box = page.getByTestId('demo-alerts');
      await page.locator('[data-testid="demo-alerts"][data-count]:not([data-count=""])').waitFor({ timeout: 30_000 });
      const rows = await box.locator('[data-alert-name]').evaluateAll((els) =>
        els.map((e) => ({
          name: (e as HTMLElement).dataset.alertName!,
          state: (e as HTMLElement).dataset.alertState!,
          text: e.textContent ?? '',
          firedFrom: Number((e as HTMLElement).dataset.alertFrom) * 1000,
          firedTo: Number((e as HTMLElement).dataset.alertTo) * 1000,
        }))
      );
      const window = JSON.parse((await page.locator('#demo').getAttribute('data-incident'))!) as {
        from: number;
        to: number;
      };
      // The zoom shows 30 minutes before the incident and 20 after; what fired there (the tail of the incident
      // before, the start of the next) is not this incident's.
      const during = rows.filter((r) => r.firedFrom <= window.to && r.firedTo >= window.from);
      return { page, problems, rows, during };
    };
    const cache = await rowsOf('cache-eviction-storm');
    expect(cache.during.map((r) => [r.name, r.state])).toContainEqual([CACHE_ALERT, 'fired in range']);
    const row = cache.rows.find((r) => r.name === CACHE_ALERT)!;
    expect(row.text).toContain('infradrift_rule=cache_misses_move_with_user_tenure_days_drift');
    expect(Number(/peak r = (-?[\d.]+)/.exec(row.text)![1])).toBeGreaterThanOrEqual(0.8);
    await cache.page.locator('#demo-panel-6 [data-testid="infradrift-matrix-grid"]').waitFor({ timeout: 30_000 });
    await screenshot(cache.page, 'demo-alert-firing');
    expect(cache.problems).toEqual([]);
    await cache.page.close();

    const drift = await rowsOf('data-drift');
    expect(drift.during.map((r) => r.name)).not.toContain(CACHE_ALERT);
    expect(drift.problems).toEqual([]);
    await drift.page.close();
  });
});

(process.env.DEMO_LIVE_ALERT === '1' ? describe : describe.skip)(
  'live alert (DEMO_LIVE_ALERT=1, about 8 minutes)',
  () => {
    let stack: DemoStack;

    beforeAll(async () => {
      // The default timeline: a shorter live storm (a fast cycle) does not reach r 0.7 over the 30-min window.
      stack = await startDemoStack({ port: 0 });
    });

    afterAll(async () => {
      await stack?.stop();
    });

    it(
      'Prometheus fires the cache-miss/drift alert during a live storm, Alertmanager has it, the page lists it',
      async () => {
        const deadline = Date.now() + 12 * 60_000;
        type AmAlert = { labels: Record<string, string>; annotations: Record<string, string> };
        const arrived = async (): Promise<AmAlert | undefined> => {
          const alerts = (await (await fetch(`${stack.alertmanagerUrl}api/v2/alerts`)).json()) as AmAlert[];
          return alerts.find((a) => a.labels.alertname === CACHE_ALERT);
        };
        let firing = await arrived();
        while (!firing && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 10_000));
          firing = await arrived();
        }
        expect(firing?.labels).toMatchObject({
          infradrift_rule: 'cache_misses_move_with_user_tenure_days_drift',
          team: 'ml-platform',
        });
        expect(firing?.annotations.summary).toMatch(
          /^cache_miss_ratio moves with feature drift \(user_tenure_days\) \(r = 0\.(8|9)\d/
        );
        const { page, problems } = await openPage(browser, stack.url, { width: 1600, height: 1000 });
        await page
          .locator(`[data-alert-name="${CACHE_ALERT}"][data-alert-state="firing"]`)
          .waitFor({ timeout: 30_000 });
        await screenshot(page, 'demo-alert-firing-live');
        expect(problems).toEqual([]);
        await page.close();
      },
      14 * 60_000
    );
  }
);

/** Every descendant of a process, from /proc (Linux). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const commandLine = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
};

/** A raw GET, the path sent as written (fetch would normalize it). */
function status(base: string, urlPath: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    http
      .get({ host: hostname, port, path: urlPath }, (res) => (res.resume(), resolve(res.statusCode!)))
      .on('error', reject);
  });
}

interface RunningDemo {
  npm: ChildProcess;
  url: string;
  simulatorUrl: string;
  /** Its temporary folder, as it says at the start. */
  dir: string;
  /** Every process under npm once started: the runner, Prometheus, esbuild's service. */
  tree: number[];
  /** npm and its tree with their command lines at the start. */
  commands: Map<number, string>;
  output: () => string;
  /** npm's exit code, or the signal that ended it. */
  exited: Promise<string>;
  /** Once every process writing to npm's output (npm, the runner) has closed it. */
  closed: Promise<void>;
}

const FAULT = path.join(__dirname, 'lib', 'faultOnSignal.cjs');

describe('npm run demo', () => {
  const started: RunningDemo[] = [];

  afterAll(() => {
    // After a failed test only: a PID still running the command it ran at the start is still ours.
    for (const demo of started) {
      for (const [pid, command] of demo.commands) {
        if (commandLine(pid) === command) {
          process.kill(pid, 'SIGKILL');
        }
      }
      fs.rmSync(demo.dir, { recursive: true, force: true });
    }
  });

  /** `npm run demo` as a user runs it, in its own process group as a terminal's foreground job. */
  async function startDemo(env: Record<string, string> = {}): Promise<RunningDemo> {
    // The build is the test run's own step (`npm run build` before the browser tests).
    const npm = spawn('npm', ['run', 'demo', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, DEMO_SKIP_BUILD: '1', DEMO_PORT: '0', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (d) => (output += d));
    npm.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<string>((resolve) =>
      npm.once('exit', (code, signal) => resolve(String(code ?? signal)))
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 90 s:\n${output}`)), 90_000);
      npm.stdout!.on('data', () => /InfraDrift demo: /.test(output) && (clearTimeout(timer), resolve()));
      void exited.then((code) => reject(new Error(`demo exited (${code}):\n${output}`)));
    });
    const closed = new Promise<void>((resolve) => npm.once('close', () => resolve()));
    const tree = descendants(npm.pid!);
    const demo: RunningDemo = {
      npm,
      url: /InfraDrift demo: (\S+)/.exec(output)![1],
      simulatorUrl: /simulator (\S+)metrics/.exec(output)![1],
      dir: /temporary data in (\S+)/.exec(output)![1],
      tree,
      commands: new Map([npm.pid!, ...tree].map((pid) => [pid, commandLine(pid)])),
      output: () => output,
      exited,
      closed,
    };
    started.push(demo);
    expect(fs.existsSync(demo.dir)).toBe(true);
    return demo;
  }

  /** The one process of the tree whose command line matches. */
  function processOf(demo: RunningDemo, pattern: RegExp): number {
    const pids = demo.tree.filter((pid) => pattern.test(commandLine(pid)));
    expect(pids).toHaveLength(1);
    return pids[0];
  }

  /** No process of the demo's tree alive, none that uses its folder (pgrep), and no folder. */
  async function expectNothingLeft(demo: RunningDemo): Promise<void> {
    const deadline = Date.now() + 20_000;
    while ([demo.npm.pid!, ...demo.tree].some(isAlive) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect([demo.npm.pid!, ...demo.tree].filter(isAlive).map(commandLine)).toEqual([]);
    expect(spawnSync('pgrep', ['-a', '-f', demo.dir], { encoding: 'utf8' }).stdout).toBe('');
    expect(fs.existsSync(demo.dir)).toBe(false);
    await demo.closed;
    expect(demo.output()).toMatch(/stopped, temporary data removed/);
  }

  it('starts, shows the cache-eviction matrix, and leaves nothing behind on Ctrl-C', async () => {
    const demo = await startDemo();
    const { page, problems } = await openPage(browser, `${demo.url}&incident=cache-eviction-storm`, {
      width: 1600,
      height: 1000,
    });
    const matrix = page.locator('#demo-panel-6');
    await matrix.locator('[data-testid="infradrift-matrix-grid"]').waitFor({ timeout: 30_000 });
    const states = await panelStates(page);
    // The matrix frame, then the verdict frame (the panel's query has its verdict on).
    expect(states.find((s) => s.id === 'demo-panel-6')).toMatchObject({
      type: 'infradrift-matrix-panel',
      frames: 2,
      error: '',
    });
    await matrix.getByTestId('infradrift-verdict-line').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('demo-incident-links').textContent()).toContain('cache-eviction-storm');
    // The matrix is drawn on a canvas: read the answer from the frame it drew (model rows x infra columns).
    expect(await matrix.locator('[role="grid"]').getAttribute('aria-colcount')).toBe('8');
    const cell = await page.evaluate(() => {
      const frame = (window as any).demoFrames[6][0];
      const names = frame.schema.fields.map((f: { name: string }) => f.name);
      const col = (n: string) => frame.data.values[names.indexOf(n)];
      const i = col('row').findIndex(
        (r: string, k: number) => r.includes('user_ctr_7d') && col('column')[k] === 'cache miss ratio'
      );
      return { r: col('r')[i], q: col('q')[i] };
    });
    // Cache misses and the drift of a cache-backed feature move together in this incident (r 0.59 to 0.84
    // over CI runs: the live play decides how much of the incident the zoomed window holds). Not asserted
    // significant: one incident in a ~1.5 h window is about one independent event, and the
    // autocorrelation-corrected q says so (~0.76). For the same reason the lag panel beside it says "no clear
    // lead" here (q of the best lag near 1); over the default 6 h range it states the 3m lead.
    expect(cell.r).toBeGreaterThan(0.5);
    expect(await page.locator('#demo').textContent()).toContain('incident cache-eviction-storm');
    await screenshot(page, 'demo-cache-eviction');
    // For Grafana's catalog (plugin.json screenshots, copied to src/img/screenshots/): the dashboard down to
    // the InfraDrift row, and the matrix and the lag panel alone.
    const lags = (await page.locator('#demo-panel-7').boundingBox())!;
    const clip = { x: 0, y: 0, width: 1600, height: Math.ceil(lags.y + lags.height + 16) };
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'demo-cache-eviction-top.png'), clip });
    await screenshot(page, 'demo-cache-eviction-matrix', '#demo-panel-6');
    await screenshot(page, 'demo-cache-eviction-lags', '#demo-panel-7');
    expect(problems).toEqual([]);
    await page.close();

    process.kill(-demo.npm.pid!, 'SIGINT'); // what Ctrl-C in a terminal does: the whole foreground group
    // npm itself dies of the SIGINT (as in a terminal); the demo process then finishes its clean-up.
    expect(['0', 'SIGINT']).toContain(await demo.exited);
    await expectNothingLeft(demo);
  });

  it('survives malformed URLs (a broken percent-escape used to kill it), then leaves nothing behind on SIGTERM', async () => {
    const demo = await startDemo();
    const sandbox = new URL('/', demo.url).href;
    expect(await status(sandbox, '/demo-files/%E0%A4%A')).toBe(400);
    expect(await status(sandbox, '/public/plugins/infradrift-correlation-app/%')).toBe(400);
    expect(await status(sandbox, '//[')).toBe(400);
    expect(await status(sandbox, '/?view=%')).toBe(200);
    expect(await status(demo.simulatorUrl, '//[')).toBe(400);
    // Still serving, and Prometheus still behind the proxy.
    expect(await status(sandbox, '/demo-files/config.json')).toBe(200);
    expect(await status(sandbox, '/api/prom/api/v1/query?query=up')).toBe(200);
    expect(demo.tree.filter(isAlive)).toEqual(demo.tree);

    // SIGTERM to npm alone, as a service manager or `kill <pid>` does: npm passes it to the demo.
    process.kill(demo.npm.pid!, 'SIGTERM');
    expect(await demo.exited).toBe('0');
    expect(demo.output()).toMatch(/SIGTERM; stopping Prometheus/);
    await expectNothingLeft(demo);
  });

  it('leaves nothing behind when its terminal closes (SIGHUP to the whole group; Prometheus alone would only reload)', async () => {
    const demo = await startDemo();
    process.kill(-demo.npm.pid!, 'SIGHUP');
    await demo.exited;
    await expectNothingLeft(demo);
    expect(demo.output()).toMatch(/SIGHUP; stopping Prometheus/);
  });

  it('an uncaught error in the runner stops Prometheus, removes the temporary data and exits 1', async () => {
    const demo = await startDemo({
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(FAULT)}`,
    });
    process.kill(processOf(demo, /sandbox\/demo\/run\.ts/), 'SIGUSR2');
    expect(await demo.exited).toBe('1');
    expect(demo.output()).toMatch(/unexpected error: Error: injected fault \(SIGUSR2\)/);
    await expectNothingLeft(demo);
  });

  it('Prometheus dying on its own is said, the rest is stopped, and the demo exits 1', async () => {
    const demo = await startDemo();
    const prometheus = processOf(demo, /^prometheus /);
    process.kill(prometheus, 'SIGKILL');
    expect(await demo.exited).toBe('1');
    expect(demo.output()).toContain(`Prometheus (pid ${prometheus}) exited on its own (SIGKILL)`);
    await expectNothingLeft(demo);
  });
});
