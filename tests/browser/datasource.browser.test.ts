/**
 * The built data source in Chromium, with dist/ served from a second origin as a CDN would: the worker
 * chunk loads through CorsWorker and the query returns the scenario-1 matrix from a real Prometheus.
 * Then the same with a Content-Security-Policy that forbids blob: workers: the main-thread fallback
 * computes the same answer and says so in a notice.
 */
import fs from 'fs';
import path from 'path';
import { Browser, Page } from 'playwright-core';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { prometheusAvailable, RunningPrometheus, startPrometheus } from '../support/prometheusServer';
import { driftSignal, INFRA } from '../support/scenarioQueries';
import { launchChromium, openPage, screenshot } from './lib/browser';
import { DEFAULT_ANALYSIS } from '../../src/datasource/query/defaults';

jest.setTimeout(180_000);

const HOUR = 3_600_000;
let prom: RunningPrometheus;
let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  if (!prometheusAvailable()) {
    throw new Error('prometheus/promtool not found: run scripts/setup.sh (Debian package "prometheus")');
  }
  prom = await startPrometheus([
    { scenario: 'cache-eviction-storm', hours: 12, end: Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR },
  ]);
  sandbox = await startSandbox({ cdnPort: 0, prometheusUrl: prom.url });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await prom?.stop();
});

async function scenarioOneMatrix(page: Page, includeAligned = false) {
  const incident = prom.simulations[0].truth.incidents[0];
  const baseline = { from: incident.start - 4 * HOUR, to: incident.start - HOUR };
  const target = {
    refId: 'A',
    signals: [...INFRA, driftSignal('user_ctr_7d', baseline)],
    analysis: { ...DEFAULT_ANALYSIS, includeAligned },
  };
  return page.evaluate(
    async ({ target, range }) => {
      const sb = (window as any).sandbox;
      sb.registerPrometheus('prom');
      await sb.createDataSource('datasource', 'infradrift', 'InfraDrift', {
        defaultSource: { type: 'prometheus', uid: 'prom' },
      });
      const response = await sb.runQuery('infradrift', [target], range);
      const matrix = response.frames.find((f: any) => f.schema.meta?.custom?.kind === 'infradrift-matrix');
      const fields = matrix.schema.fields.map((f: any) => f.name);
      const col = (name: string) => matrix.data.values[fields.indexOf(name)];
      const drift = matrix.schema.meta.custom.signals.find((s: any) => s.role === 'model').name;
      const rows = col('row')
        .map((row: string, i: number) => ({
          row,
          column: col('column')[i],
          r: col('r')[i],
          bestLag: col('best_lag')[i],
        }))
        .filter((c: any) => c.row === drift && c.column !== drift && c.r !== null)
        .sort((a: any, b: any) => Math.abs(b.r) - Math.abs(a.r));
      const notices = response.frames.flatMap((f: any) => f.schema.meta?.notices ?? []).map((n: any) => n.text);
      (window as any).lastFrames = response.frames;
      return { top: rows[0], drift, notices, error: response.error };
    },
    { target, range: { from: incident.start - 4 * HOUR, to: incident.end + HOUR } }
  );
}

it('computes the scenario-1 matrix in a worker loaded from the CDN origin through CorsWorker', async () => {
  // Two cores: the analysis worker and its helper, two instances of the worker script.
  const { page, problems } = await openPage(
    browser,
    `${sandbox.url}?cores=2&cdn=${encodeURIComponent(sandbox.cdnUrl!)}`
  );
  const requested: string[] = [];
  page.context().on('request', (r) => requested.push(r.url()));
  const out = await scenarioOneMatrix(page);
  expect(out.error).toBeNull();
  expect(out.top.column).toBe('cache_miss_ratio');
  expect(out.top.r).toBeGreaterThan(0);
  expect(out.top.bestLag).toBe(-180);
  expect(out.notices.join('\n')).not.toMatch(/main thread/);
  // The worker chunk and the one copy of the engine came from the CDN origin (second port), not from the
  // page's origin; the engine was fetched once, by the analysis worker (the page itself needs no engine
  // here, and a matrix this small starts no helper worker, even on two cores).
  const chunks = requested.filter((u) => u.startsWith(sandbox.cdnUrl!) && /\/\d+\.js/.test(u));
  expect(chunks.length).toBeGreaterThan(0);
  const engine = requested.filter((u) => /\/engine\.js/.test(u));
  expect(engine.length).toBe(1);
  expect(engine.every((u) => u.startsWith(sandbox.cdnUrl!))).toBe(true);
  expect(problems).toEqual([]);
  await page.close();
});

it('ships the engine once: the worker and the main-thread fallback share dist/engine.js', () => {
  // Both import the engine under the chunk name "engine" (src/worker/analysis.worker.ts and analysisClient.ts);
  // a different name or a static import would put a second copy into the worker chunk.
  const files = (function walk(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : e.name.endsWith('.js') ? [p] : [];
    });
  })(path.join(__dirname, '..', '..', 'dist'));
  // A warning text that only the engine's alignment stage contains.
  const marker = 'timestamps were not sorted';
  const holders = files.filter((f) => fs.readFileSync(f, 'utf8').includes(marker));
  expect(holders.map((f) => path.basename(f))).toEqual(['engine.js']);
});

it('falls back to the main thread under a CSP that forbids blob: workers, and says so', async () => {
  const { page, problems } = await openPage(
    browser,
    `${sandbox.url}?csp=no-blob-worker&cdn=${encodeURIComponent(sandbox.cdnUrl!)}`
  );
  const out = await scenarioOneMatrix(page);
  expect({ error: out.error, notices: out.notices.filter((n: string) => /thread|worker/i.test(n)) }).toEqual({
    error: null,
    notices: [expect.stringMatching(/computed this analysis on the main thread/)],
  });
  expect(out.top.column).toBe('cache_miss_ratio');
  // The browser reports the CSP violation itself; anything else is a failure.
  expect(problems.filter((p) => !/Content Security Policy|worker-src/i.test(p))).toEqual([]);
  await page.close();
});

describe.each(['dark', 'light'])('the matrix panel on the data source’s answer from Prometheus (%s)', (theme) => {
  it('renders it, and hovering the ground-truth cell tells who leads by how much', async () => {
    const { page, problems } = await openPage(browser, `${sandbox.url}?theme=${theme}`, { width: 1300, height: 900 });
    const out = await scenarioOneMatrix(page, true);
    await page.evaluate(() =>
      (window as any).sandbox.renderPanel({
        id: 'm',
        path: 'panels/matrix',
        title: 'Scenario 1 from Prometheus',
        frames: (window as any).lastFrames,
        width: 1200,
        height: 820,
      })
    );
    const overlay = page.locator('#m [data-testid="infradrift-matrix-overlay"]');
    await page.locator('#m [data-testid="infradrift-matrix-base"][data-last-draw-ms]').waitFor({ timeout: 30_000 });
    // Cell position from the canvas' own layout and the frame's cluster order.
    const layout = JSON.parse((await overlay.getAttribute('data-layout'))!) as {
      gridX: number;
      gridY: number;
      cell: number;
    };
    const pos = await page.evaluate(
      ({ a, b }) => {
        const m = (window as any).lastFrames.find((f: any) => f.schema.meta?.custom?.kind === 'infradrift-matrix')
          .schema.meta.custom;
        const at = (name: string) => m.order.indexOf(m.signals.findIndex((s: any) => s.name === name));
        return { row: at(a), col: at(b) };
      },
      { a: 'cache_miss_ratio', b: out.drift }
    );
    const box = (await overlay.boundingBox())!;
    await page.mouse.move(
      box.x + layout.gridX + (pos.col + 0.5) * layout.cell,
      box.y + layout.gridY + (pos.row + 0.5) * layout.cell
    );
    const tip = page.getByTestId('infradrift-matrix-tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain(`cache_miss_ratio leads ${out.drift} by 3m`);
    await screenshot(page, `datasource-prometheus-matrix-${theme}`, '#m');
    expect(problems).toEqual([]);
    await page.close();
  });
});

it('a failed query shows its error in the matrix panel, not the "No data" hint', async () => {
  const { page, problems } = await openPage(browser, sandbox.url, { width: 700, height: 420 });
  const gone = { ...INFRA[0], datasource: { type: 'prometheus', uid: 'deleted-uid' } };
  const target = {
    refId: 'A',
    signals: [gone],
    analysis: { ...DEFAULT_ANALYSIS, maxLag: 0, clustering: 'none' },
  };
  const error = await page.evaluate(async (t) => {
    const sb = (window as any).sandbox;
    await sb.createDataSource('datasource', 'infradrift', 'InfraDrift', {});
    const response = await sb.runQuery('infradrift', [t], { from: Date.now() - 3_600_000, to: Date.now() });
    await sb.renderPanel({
      id: 'failed',
      path: 'panels/matrix',
      title: 'Failed query',
      frames: [],
      errorMessage: response.error.message,
      width: 640,
      height: 360,
    });
    return response.error.message as string;
  }, target);
  expect(error).toMatch(/^InfraDrift: nothing to analyse: signal .*deleted-uid is not available/);
  const panel = page.locator('#failed');
  await panel.getByText('The query failed').waitFor();
  expect(await panel.textContent()).not.toContain('No data');
  await screenshot(page, 'datasource-failed-query-panel', '#failed');
  expect(problems).toEqual([]);
  await page.close();
});
